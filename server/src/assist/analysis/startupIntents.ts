/**
 * Intent detection from the first draft after start. The built-in examples are indexed by their
 * words at once (BM25 neighbours, no embedder), so a draft started a moment after the server
 * carries an intent; the fused classifier (embeddings and BM25) is fitted in the background and
 * takes over when ready, the lexical one still answering where it abstains (USE-lite reads English:
 * on the analysis set's train and dev splits the fused classifier alone got 0.31 of the intents
 * right, the lexical alone 0.32, the fused one with the lexical behind it 0.37). Without an
 * embedder, or when embedding the examples fails, the lexical classifier stays alone. Fitting the fused one takes seconds (7 s for the 165 built-in examples with
 * USE-lite on the loaded 2-core machine), which a first draft should not wait for: the lexical
 * vote costs well under a millisecond.
 */
import type { Embedder } from '../../knowledge/index.js';
import { IntentClassifier, type IntentMatch, type LabelledExample } from './intentClassifier.js';

/**
 * Confidence floors. The fused one is what drafts used before; the lexical one was chosen on the
 * train and dev splits of the analysis set (bench/datasets/ticket-analysis, intents labelled): at
 * 0.1 it answers a third of the messages, six in ten of them right, where no floor answers seven
 * in ten with fewer than half right.
 */
export const FUSED_MIN_CONFIDENCE = 0.15;
export const LEXICAL_MIN_CONFIDENCE = 0.1;

export type IntentStage = 'lexical' | 'fused';

export interface StartupIntents {
  classify(text: string): Promise<IntentMatch | null>;
  /** Which classifier answers now. */
  readonly stage: IntentStage;
  /** Settles with the stage once fitting is over: 'fused', or 'lexical' when there is no embedder or fitting failed. */
  readonly settled: Promise<IntentStage>;
}

export function startupIntents(
  examples: readonly LabelledExample[],
  embedder: Embedder | undefined,
  onFitError: (error: unknown) => void = () => undefined,
): StartupIntents {
  const lexical = IntentClassifier.lexical(examples, { minConfidence: LEXICAL_MIN_CONFIDENCE });
  let fused: IntentClassifier | undefined;
  let stage: IntentStage = 'lexical';
  const settled: Promise<IntentStage> =
    embedder === undefined
      ? Promise.resolve('lexical')
      : IntentClassifier.fit(examples, embedder, { minConfidence: FUSED_MIN_CONFIDENCE }).then(
          (fitted) => {
            fused = fitted;
            stage = 'fused';
            return stage;
          },
          (error: unknown) => {
            onFitError(error);
            return stage;
          },
        );
  return {
    classify: (text) => classifyWith(fused, lexical, text),
    get stage() {
      return stage;
    },
    settled,
  };
}

/** The fused classifier's answer, or the lexical one's where it abstains (or before it is fitted). */
export async function classifyWith(
  fused: IntentClassifier | undefined,
  lexical: IntentClassifier,
  text: string,
): Promise<IntentMatch | null> {
  return (fused === undefined ? null : await fused.classify(text)) ?? lexical.classifyEmbedded(text, undefined);
}
