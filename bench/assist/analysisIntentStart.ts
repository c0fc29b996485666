/**
 * Intent from the first draft after start: what the lexical classifier (ready at once) and the
 * fused one (ready once the built-in examples are embedded, the lexical one answering where it
 * abstains) get right on the test split of the
 * analysis set, how long fitting the fused one takes (what drafts waited for before, with no
 * intent until then), and what each adds to a draft's analysis.
 */
import { analysisSplit } from '../../server/src/assist/analysis/corpus/analysisCorpus.js';
import { IntentClassifier, type IntentMatch } from '../../server/src/assist/analysis/intentClassifier.js';
import { classifyWith, FUSED_MIN_CONFIDENCE, LEXICAL_MIN_CONFIDENCE } from '../../server/src/assist/analysis/startupIntents.js';
import { SUPPORT_INTENT_EXAMPLES } from '../../server/src/assist/analysis/supportIntents.js';
import { loadConfig } from '../../server/src/config/env.js';
import { createEmbedder } from '../../server/src/knowledge/embedding/createEmbedder.js';
import { ms, percentile, type BenchRow } from '../report.js';
import { ANALYSIS_AREA, ANALYSIS_COMMAND } from './analysisQuality.js';

/** Right when the label matches, or when nothing is returned for a message of no built-in intent ('other'). */
function accuracy(matches: readonly (IntentMatch | null)[], truth: readonly string[]): number {
  return matches.filter((m, i) => (m?.label ?? 'other') === truth[i]).length / Math.max(truth.length, 1);
}

export async function analysisIntentStartBench(): Promise<BenchRow[]> {
  const test = analysisSplit('test');
  const truth = test.map((m) => m.intent);
  const english = test.flatMap((m, i) => (m.language === 'en' ? [i] : []));
  const embedder = createEmbedder(loadConfig({ TANDEM_LOG_LEVEL: 'warn' }).embedder);
  try {
    const lexicalStarted = performance.now();
    const lexical = IntentClassifier.lexical(SUPPORT_INTENT_EXAMPLES, { minConfidence: LEXICAL_MIN_CONFIDENCE });
    const lexicalReadyMs = performance.now() - lexicalStarted;

    // The model loads on the first call; a server loads it for retrieval too, so it is not counted in fitting.
    await embedder.embed(['warm-up']);
    const fitStarted = performance.now();
    const fused = await IntentClassifier.fit(SUPPORT_INTENT_EXAMPLES, embedder, { minConfidence: FUSED_MIN_CONFIDENCE });
    const fitMs = performance.now() - fitStarted;

    const lexicalTimes: number[] = [];
    const lexicalMatches = test.map((m) => {
      const t = performance.now();
      const match = lexical.classifyEmbedded(m.text, undefined);
      lexicalTimes.push(performance.now() - t);
      return match;
    });
    const fusedTimes: number[] = [];
    const fusedMatches: (IntentMatch | null)[] = [];
    for (const m of test) {
      const t = performance.now();
      fusedMatches.push(await classifyWith(fused, lexical, m.text));
      fusedTimes.push(performance.now() - t);
    }
    const en = (matches: readonly (IntentMatch | null)[]) =>
      accuracy(
        english.map((i) => matches[i] ?? null),
        english.map((i) => truth[i] as string),
      );
    const p = (xs: number[]) => `${ms(percentile(xs, 50))} / ${ms(percentile(xs, 95))}`;
    const row = (metric: string, value: string, peer: string): BenchRow => ({
      area: ANALYSIS_AREA,
      metric,
      value,
      peer,
      command: ANALYSIS_COMMAND,
    });
    return [
      row(
        `intent at start: from server start to drafts carrying an intent (${SUPPORT_INTENT_EXAMPLES.length} built-in examples, ${embedder.id})`,
        `first draft (lexical classifier built in ${ms(lexicalReadyMs)}; fused takes over after fitting)`,
        `before: no intent until fitting ended, ${ms(fitMs)} after the model loaded`,
      ),
      row(
        "intent cost added to a draft's analysis, p50 / p95",
        `lexical ${p(lexicalTimes)} (the first drafts)`,
        `fused, incl. embedding the ticket ${p(fusedTimes)} (after fitting, as before)`,
      ),
      row(
        `intent accuracy, test split (${test.length} messages, 15 intents + none; English ${english.length})`,
        `lexical at start ${accuracy(lexicalMatches, truth).toFixed(3)} (English ${en(lexicalMatches).toFixed(3)})`,
        `fused after fitting (lexical where it abstains) ${accuracy(fusedMatches, truth).toFixed(3)} (English ${en(fusedMatches).toFixed(3)}); no intent (before) ${accuracy(
          test.map(() => null),
          truth,
        ).toFixed(3)}`,
      ),
    ];
  } finally {
    await embedder.close();
  }
}
