/**
 * The features the fitted ticket analysis weighs, read from the customer's newest message (quoted
 * history removed) and the ticket's subject, plus how many times the customer wrote before. Each
 * feature is a cue a person would name ("a repeat contact", "a deadline", "sarcasm", "shouting"),
 * in 0..~3, so a weight says how much that cue moves sentiment, frustration or urgency.
 *
 * Reading is one pass over the tokens per cue list, and the newest message is read up to
 * MAX_ANALYSED_CHARS, so a 20,000-character message costs no more than a long ordinary one.
 */
import { ANALYSIS_CUES, type AnalysisCues } from './analysisCues/index.js';
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
  type Token,
} from './lexiconReading.js';
import { newestText } from './quotedHistory.js';
import { LEXICONS, type LexiconLanguage, type SentimentLexicon } from './sentimentLexicon/index.js';

export const FEATURE_NAMES = [
  'positive',
  'gratitude',
  'negative',
  'strongNegative',
  'negatedPositive',
  'sarcasm',
  'contrastComplaint',
  'scareQuotes',
  'repeatContact',
  'priorContacts',
  'persistence',
  'waiting',
  'impatience',
  'churn',
  'legal',
  'deadline',
  'emergency',
  'noRush',
  'politeness',
  'request',
  'shouting',
  'exclamations',
  'bursts',
  'joyfulExclamations',
  'question',
  'emojiPositive',
  'emojiNegative',
  'short',
  'quotedHistory',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureValues = Record<FeatureName, number>;

/** What the analysis reads: the subject, the customer's earlier messages, and the newest one. */
export interface CustomerTurns {
  subject?: string | undefined;
  /** How many times the customer wrote before the newest message in this ticket. */
  earlierCount: number;
  latest: string;
}

/** Four times the longest message of the labelled set, the size the draft prompt keeps of a message: its cues are in there. */
export const MAX_ANALYSED_CHARS = 4_000;
/** A follow-up that is only a nudge: "Hello?", "¿Hola?", "Und?", "Et donc ?". Anchored, so it costs nothing on long text. */
const CURT_FOLLOW_UP = /^\s*[¿]?\s*(hello|hallo|hola|all[oô]|hi|and|und|y|so|et donc|et alors|und jetzt|und nun|anyone)\s*\?/iu;
/** A message this short carries little but its punctuation ("??", "Und?"). */
const SHORT_CHARS = 30;

type CueKind = Exclude<keyof AnalysisCues, 'valence'>;
const CUE_KINDS: readonly CueKind[] = [
  'repeatContact',
  'persistence',
  'waiting',
  'impatience',
  'sarcasm',
  'ironicPhrases',
  'ironicOpeners',
  'deadline',
  'emergency',
  'churn',
  'legal',
  'noRush',
  'politeness',
  'request',
];
/** Cues a negator in front cancels ("I don't want to cancel", "not urgent" is its own no-rush cue). */
const NEGATABLE: ReadonlySet<CueKind> = new Set(['churn', 'legal', 'deadline', 'emergency']);

interface FeatureLexicon extends CompiledLexicon {
  cues: Record<CueKind, PhraseIndex>;
}

/** The base lexicon's lists for the kinds it has, with the added ones; the kinds it lacks from the additions alone. */
function compile(base: SentimentLexicon, added: AnalysisCues): FeatureLexicon {
  const baseList = (kind: CueKind): readonly string[] =>
    kind === 'repeatContact' || kind === 'deadline' || kind === 'emergency' || kind === 'churn' || kind === 'legal' || kind === 'noRush'
      ? base[kind]
      : [];
  const cues = Object.fromEntries(CUE_KINDS.map((kind) => [kind, cueIndex([...baseList(kind), ...added[kind]])])) as Record<
    CueKind,
    PhraseIndex
  >;
  return { ...compileValence(base, added.valence), cues };
}

function mergeCues(all: readonly AnalysisCues[]): AnalysisCues {
  const list = (kind: CueKind) => all.flatMap((c) => c[kind]);
  return {
    valence: Object.fromEntries(all.flatMap((c) => Object.entries(c.valence))),
    ...(Object.fromEntries(CUE_KINDS.map((kind) => [kind, list(kind)])) as Record<CueKind, string[]>),
  };
}

const compiled = new Map<string, FeatureLexicon>();

function lexiconFor(language: string): FeatureLexicon {
  const key = lexiconKey(language, (k) => Object.hasOwn(LEXICONS, k));
  let lexicon = compiled.get(key);
  if (lexicon === undefined) {
    lexicon =
      key === '*'
        ? compile(mergeLexicons(Object.values(LEXICONS)), mergeCues(Object.values(ANALYSIS_CUES)))
        : compile(LEXICONS[key as LexiconLanguage], ANALYSIS_CUES[key as LexiconLanguage]);
    compiled.set(key, lexicon);
  }
  return lexicon;
}

export interface TicketFeatures {
  values: FeatureValues;
  /** The newest text the features were read from (quoted history removed). */
  newest: string;
}

const capped = (count: number): number => Math.min(count, 2) / 2;
const overlaps = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[1] && b[0] < a[1];

export function ticketFeatures(turns: CustomerTurns, language: string): TicketFeatures {
  const lexicon = lexiconFor(language);
  const newest = newestText(turns.latest.slice(0, MAX_ANALYSED_CHARS));
  const subject = (turns.subject ?? '').slice(0, 300);
  // The subject reads as the message's first sentence: customers put "URGENT" or "Still waiting" there.
  const text = subject === '' ? newest.text : `${subject}\n${newest.text}`;
  const tokens = tokenize(text);
  const asks = /[?¿]/.test(newest.text);

  const hits = (kind: CueKind) => findPhrases(tokens, lexicon.cues[kind], NEGATABLE.has(kind) ? lexicon.negators : undefined);
  const cue = Object.fromEntries(CUE_KINDS.map((kind) => [kind, hits(kind)])) as Record<CueKind, [number, number][]>;
  const lexical = scoreWords(tokens, lexicon, asks);

  const quotes = scareQuotes(newest.text);
  const complaint =
    lexical.negative > 0 ||
    cue.persistence.length + cue.waiting.length + cue.repeatContact.length + cue.impatience.length + cue.sarcasm.length > 0 ||
    quotes ||
    turns.earlierCount > 0;
  // Praise opening a sentence of a message that complains is irony: "Great, another week without my money."
  const ironic = cue.ironicOpeners.filter(([start, end]) => complaint && (tokens[start] as Token).opens && closesClause(tokens, end));
  const sarcasticSpans = [...cue.sarcasm, ...(complaint ? cue.ironicPhrases : []), ...ironic];
  // "Thanks for the quick reply, but it still doesn't work": what precedes the turn to a complaint is politeness.
  const turnsToComplaint = contrastTurns(tokens, lexicon, lexical.negativeAt, cue.persistence);
  let positive = 0;
  let gratitude = 0;
  for (const span of lexical.positiveSpans) {
    const discounted =
      sarcasticSpans.some((s) => overlaps(s, [span.start, span.end])) ||
      turnsToComplaint.some(([sentence, pivot]) => (tokens[span.start] as Token).sentence === sentence && span.start < pivot);
    if (discounted) continue;
    if (span.gratitude) gratitude += span.value;
    else positive += span.value;
  }
  // Thanks said sarcastically ("thanks for nothing", "thanks a lot" under a complaint) are not thanks.
  if (sarcasticSpans.length > 0) gratitude = 0;

  const noRush = cue.noRush;
  const deadline = cue.deadline.filter((span) => !noRush.some((calm) => overlaps(calm, span)));
  const caps = shouting(text);
  const joyful = positive + gratitude > 0 && lexical.negative === 0 && !complaint && sarcasticSpans.length === 0;
  const exclamations = Math.log1p(Math.min(count(newest.text, '!') + count(newest.text, '¡'), 20));
  const emoji = emojiValence(newest.text);
  const values: FeatureValues = {
    positive: Math.log1p(positive),
    gratitude: Math.log1p(gratitude),
    negative: Math.log1p(lexical.negative),
    strongNegative: lexical.strongestNegative >= 2.5 ? 1 : 0,
    negatedPositive: lexical.negatedPositive ? 1 : 0,
    sarcasm: sarcasticSpans.length > 0 ? 1 : 0,
    contrastComplaint: turnsToComplaint.length > 0 ? 1 : 0,
    scareQuotes: quotes ? 1 : 0,
    repeatContact: capped(cue.repeatContact.length),
    priorContacts: Math.min(turns.earlierCount, 3) / 3,
    persistence: capped(cue.persistence.length),
    waiting: capped(cue.waiting.length),
    impatience: capped(cue.impatience.length + (CURT_FOLLOW_UP.test(newest.text) ? 1 : 0)),
    churn: cue.churn.length > 0 ? 1 : 0,
    legal: cue.legal.length > 0 ? 1 : 0,
    deadline: capped(deadline.length),
    emergency: cue.emergency.length > 0 ? 1 : 0,
    noRush: noRush.length > 0 ? 1 : 0,
    politeness: capped(cue.politeness.length),
    request: capped(cue.request.length),
    // Shouting and "!!!" amplify a complaint; in a thank-you with nothing to complain about they are joy.
    shouting: caps.active && !joyful ? caps.ratio : 0,
    exclamations: joyful ? 0 : exclamations,
    bursts: !joyful && /[!?¡¿]{2,}/.test(newest.text) ? 1 : 0,
    joyfulExclamations: joyful ? exclamations + (caps.active ? caps.ratio : 0) : 0,
    question: asks ? 1 : 0,
    emojiPositive: Math.log1p(emoji.positive),
    emojiNegative: Math.log1p(emoji.negative),
    short: newest.text.trim().length < SHORT_CHARS ? 1 : 0,
    quotedHistory: newest.quoted ? 1 : 0,
  };
  return { values, newest: newest.text };
}

/**
 * Sentences that turn to a complaint after a contrast word ("…, but the code doesn't work"), as
 * [sentence, index of the contrast word]: a negative phrase or a persistence cue follows it.
 */
function contrastTurns(
  tokens: readonly Token[],
  lexicon: CompiledLexicon,
  negativeAt: readonly number[],
  persistence: readonly [number, number][],
): [number, number][] {
  const pivots = new Map<number, number>();
  tokens.forEach((t, i) => {
    if (lexicon.contrast.has(t.word)) pivots.set(t.sentence, i);
  });
  const turned = new Map<number, number>();
  for (const at of [...negativeAt, ...persistence.map(([start]) => start)]) {
    const sentence = (tokens[at] as Token).sentence;
    const pivot = pivots.get(sentence);
    if (pivot !== undefined && at > pivot) turned.set(sentence, pivot);
  }
  return [...turned];
}

/**
 * A few words in quotes, as customers quote a promise back ("the 'express' delivery", "'within 24
 * hours'") or an error message. Each candidate is bounded to 40 characters, so the scan is linear.
 */
function scareQuotes(text: string): boolean {
  return /(?:^|[\s(])['"‘“«„][^'"‘’“”«»„\n]{1,40}['"’”»](?=$|[\s.,;:!?)…])/u.test(text);
}

/** The phrase ends its clause: "Great," or "Perfect." rather than "great service". */
function closesClause(tokens: readonly Token[], end: number): boolean {
  const last = tokens[end - 1];
  const next = tokens[end];
  return last !== undefined && (next === undefined || next.clause !== last.clause);
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1 && n < 1_000; i = text.indexOf(char, i + 1)) n++;
  return n;
}
