/**
 * The lexicon baseline: how ticket signals were read before the fitted analysis, kept unchanged as
 * the peer the fitted model is measured against (`analysisEvaluation.ts`, `npm run bench --
 * analysis`). Hand-set weights over the per-language lexicon: valence words, shouting, "!!!",
 * repeat contact, churn and legal threats, deadlines and emergencies, combined like probabilities.
 * Production reads tickets with `ticketSignals.ts`; nothing but the measurements calls this.
 */
import type { TicketAnalysis } from '@tandem/shared';
import {
  compileValence,
  cueIndex,
  emojiValence,
  findPhrases,
  lexiconKey,
  mergeLexicons,
  scoreWords,
  shouting,
  tokenize,
  type CompiledLexicon,
  type PhraseIndex,
} from './lexiconReading.js';
import { LEXICONS, type LexiconLanguage, type SentimentLexicon } from './sentimentLexicon/index.js';

export interface BaselineSignals {
  sentiment: TicketAnalysis['sentiment'];
  /** The lexicon's verdict squashed to −1 (hostile) … 1 (delighted). */
  score: number;
  /** 0 calm … 1 about to leave. */
  frustration: number;
  urgency: TicketAnalysis['urgency'];
  signals: string[];
}

/** Score beyond which a text counts as negative or positive: one mild word ("error", "late") is not enough. */
const SENTIMENT_BAND = 0.4;

type CueKind = 'repeatContact' | 'churn' | 'legal' | 'deadline' | 'emergency' | 'noRush';

interface BaselineLexicon extends CompiledLexicon {
  cues: Record<CueKind, PhraseIndex>;
}

const compiled = new Map<string, BaselineLexicon>();

function lexiconFor(language: string): BaselineLexicon {
  const key = lexiconKey(language, (k) => Object.hasOwn(LEXICONS, k));
  let lexicon = compiled.get(key);
  if (lexicon === undefined) {
    const source: SentimentLexicon = key === '*' ? mergeLexicons(Object.values(LEXICONS)) : LEXICONS[key as LexiconLanguage];
    lexicon = {
      ...compileValence(source),
      cues: {
        repeatContact: cueIndex(source.repeatContact),
        churn: cueIndex(source.churn),
        legal: cueIndex(source.legal),
        deadline: cueIndex(source.deadline),
        emergency: cueIndex(source.emergency),
        noRush: cueIndex(source.noRush),
      },
    };
    compiled.set(key, lexicon);
  }
  return lexicon;
}

/** The baseline's reading of `text` (the pipeline gave it the subject and the last three customer messages, joined). */
export function lexiconBaselineSignals(text: string, language: string): BaselineSignals {
  const lexicon = lexiconFor(language);
  const tokens = tokenize(text);
  const asks = /[?¿]/.test(text);
  // Cues a negator in front cancels ("I don't want to cancel my subscription"); the others carry their own negation.
  const cue = (kind: CueKind, negatable: boolean) => findPhrases(tokens, lexicon.cues[kind], negatable ? lexicon.negators : undefined);
  const repeatContact = cue('repeatContact', false).length > 0;
  const churn = cue('churn', true).length > 0;
  const legal = cue('legal', true).length > 0;
  const emergency = cue('emergency', true).length > 0;
  const noRushSpans = cue('noRush', false);
  const noRush = noRushSpans.length > 0;
  // "eilt nicht", "not urgent": the no-rush phrase explains the deadline word inside it.
  const deadline = cue('deadline', true).some(([start, end]) => !noRushSpans.some(([a, b]) => a < end && start < b));

  const lexical = scoreWords(tokens, lexicon, asks);
  const emoji = emojiValence(text);
  let raw = lexical.score + emoji.positive - emoji.negative;
  if (repeatContact) raw -= 1;
  if (churn) raw -= 2;
  if (legal) raw -= 2;
  // Theft, fraud and lockouts are distress even when reported calmly.
  if (emergency) raw -= 1.5;

  const caps = shouting(text);
  const bursts = (text.match(/[!?]{2,}|[¡¿]{2,}/g) ?? []).length;
  // Shouting and "!!!" amplify a complaint; in a thank-you they are joy, not anger.
  if (raw <= 0) {
    if (caps.active) raw -= 1;
    if (bursts > 0) raw -= 0.5;
  }
  const score = Math.tanh(raw / 2.5);
  const sentiment = score <= -SENTIMENT_BAND ? 'negative' : score >= SENTIMENT_BAND ? 'positive' : 'neutral';

  const amplify = sentiment === 'positive' ? 0 : 1;
  const parts = [
    0.55 * Math.max(0, -score),
    caps.active ? amplify * (0.3 + 0.3 * caps.ratio) : 0,
    bursts > 0 ? amplify * Math.min(0.3, 0.15 + 0.05 * (bursts - 1)) : 0,
    repeatContact ? 0.35 : 0,
    churn ? 0.35 : 0,
    legal ? 0.45 : 0,
    lexical.intensifiedNegative ? 0.1 : 0,
  ];
  // Independent cues combine like probabilities: each closes part of the remaining gap to 1.
  const frustration = round2(1 - parts.reduce((calm, p) => calm * (1 - p), 1));

  let urgency: BaselineSignals['urgency'] = 'normal';
  if (emergency) urgency = 'critical';
  else if (deadline || legal || ((repeatContact || churn) && frustration >= 0.7)) urgency = 'high';
  else if (noRush || (sentiment === 'positive' && frustration < 0.2 && !asks)) urgency = 'low';

  const fired: Record<string, boolean> = {
    'all-caps': caps.active,
    'repeated-punctuation': bursts > 0,
    'repeat-contact': repeatContact,
    'churn-threat': churn,
    'legal-threat': legal,
    deadline,
    emergency,
    'no-rush': noRush,
    'negation-flipped': lexical.negationFlipped,
    intensifier: lexical.intensified,
  };
  const signals = Object.keys(fired).filter((s) => fired[s] === true);
  return { sentiment, score: round2(score), frustration, urgency, signals };
}

/** Two decimals are all the precision a lexicon has; `|| 0` turns −0 into 0. */
function round2(value: number): number {
  return Math.round(value * 100) / 100 || 0;
}
