/**
 * Sentiment, frustration and urgency of a customer's text, from a per-language lexicon plus
 * surface cues: shouting, "!!!", "third time I write", threats to leave or to sue, deadlines and
 * emergencies. Cheap and explainable: `signals` names every cue that fired, so an agent can see
 * why a ticket was marked frustrated or critical.
 */
import type { TicketAnalysis } from '@tandem/shared';
import { fold } from '@tandem/shared/search';
import { EMOJI_VALENCE, LEXICONS, type LexiconLanguage, type SentimentLexicon } from './sentimentLexicon/index.js';

export type Sentiment = TicketAnalysis['sentiment'];
export type Urgency = TicketAnalysis['urgency'];

export type TicketSignal =
  | 'all-caps'
  | 'repeated-punctuation'
  | 'repeat-contact'
  | 'churn-threat'
  | 'legal-threat'
  | 'deadline'
  | 'emergency'
  | 'no-rush'
  | 'negation-flipped'
  | 'intensifier';

export interface TicketSignals {
  sentiment: Sentiment;
  /** The lexicon's verdict squashed to −1 (hostile) … 1 (delighted); `sentiment` is its banded form. */
  score: number;
  /** 0 calm … 1 about to leave. */
  frustration: number;
  urgency: Urgency;
  /** The cues that fired, in a fixed order. */
  signals: TicketSignal[];
}

/** Score beyond which a text counts as negative or positive: one mild word ("error", "late") is not enough. */
const SENTIMENT_BAND = 0.4;
/** Words looked back over for a negator ("not really very happy") and an intensifier. */
const NEGATION_WINDOW = 3;
const INTENSIFIER_WINDOW = 2;

/**
 * Signals of `text`, in `language` (BCP 47 or ISO 639-1). Languages without a lexicon of their
 * own are read with all four lexicons together, which beats reading them with none.
 */
export function ticketSignals(text: string, language: string): TicketSignals {
  const lexicon = lexiconFor(language);
  const tokens = tokenize(text);
  const asks = /[?¿]/.test(text);

  const cues = findCues(tokens, lexicon);
  const repeatContact = cues.repeatContact.length > 0;
  const churn = cues.churn.length > 0;
  const legal = cues.legal.length > 0;
  const emergency = cues.emergency.length > 0;
  const noRush = cues.noRush.length > 0;
  // "eilt nicht", "not urgent": the no-rush phrase explains the deadline word inside it.
  const deadline = cues.deadline.some(([start, end]) => !cues.noRush.some(([a, b]) => a < end && start < b));

  const lexical = scoreWords(tokens, lexicon, asks);
  let raw = lexical.score + emojiScore(text);
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
  const sentiment: Sentiment = score <= -SENTIMENT_BAND ? 'negative' : score >= SENTIMENT_BAND ? 'positive' : 'neutral';

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

  let urgency: Urgency = 'normal';
  if (emergency) urgency = 'critical';
  else if (deadline || legal || ((repeatContact || churn) && frustration >= 0.7)) urgency = 'high';
  else if (noRush || (sentiment === 'positive' && frustration < 0.2 && !asks)) urgency = 'low';

  const fired: Record<TicketSignal, boolean> = {
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
  const signals = (Object.keys(fired) as TicketSignal[]).filter((s) => fired[s]);
  return { sentiment, score: round2(score), frustration, urgency, signals };
}

/** Two decimals are all the precision a lexicon has; `|| 0` turns −0 into 0. */
function round2(value: number): number {
  return Math.round(value * 100) / 100 || 0;
}

// ---------------------------------------------------------------------------------------------

interface Token {
  word: string;
  sentence: number;
  /** Commas and sentence ends start a new clause; negation never crosses one. */
  clause: number;
}

interface Phrase {
  words: readonly string[];
  value: number;
  gratitude: boolean;
}

/** Phrases by their first word, so matching at a token looks at a handful of candidates. */
class PhraseIndex {
  readonly #byFirst = new Map<string, Phrase[]>();
  readonly #openFirst: Phrase[] = [];

  constructor(phrases: readonly Phrase[]) {
    for (const phrase of phrases) {
      const first = phrase.words[0] ?? '';
      if (first.endsWith('*')) this.#openFirst.push(phrase);
      else this.#byFirst.set(first, [...(this.#byFirst.get(first) ?? []), phrase]);
    }
  }

  /** The longest phrase starting at token `i` and staying within its clause. */
  longestAt(tokens: readonly Token[], i: number): Phrase | undefined {
    const token = tokens[i];
    if (token === undefined) return undefined;
    let best: Phrase | undefined;
    for (const candidates of [this.#byFirst.get(token.word) ?? [], this.#openFirst]) {
      for (const phrase of candidates) {
        if (best !== undefined && phrase.words.length <= best.words.length) continue;
        if (phrase.words.every((pattern, k) => tokens[i + k]?.clause === token.clause && wordMatches(pattern, tokens[i + k]?.word ?? '')))
          best = phrase;
      }
    }
    return best;
  }
}

function wordMatches(pattern: string, word: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
}

type CueKind = 'repeatContact' | 'churn' | 'legal' | 'deadline' | 'emergency' | 'noRush';
const CUE_KINDS: readonly CueKind[] = ['repeatContact', 'churn', 'legal', 'deadline', 'emergency', 'noRush'];
/** Cues a negator in front cancels ("I don't want to cancel my subscription"); the others carry their own negation. */
const NEGATABLE_CUES: ReadonlySet<CueKind> = new Set(['churn', 'legal', 'deadline', 'emergency']);

interface CompiledLexicon {
  valence: PhraseIndex;
  cues: Record<CueKind, PhraseIndex>;
  negators: ReadonlySet<string>;
  intensifiers: ReadonlyMap<string, number>;
  contrast: ReadonlySet<string>;
}

function phrasesOf(entries: Readonly<Record<string, number>>, gratitude = false): Phrase[] {
  return Object.entries(entries).map(([entry, value]) => ({ words: entry.split(' '), value, gratitude }));
}

function compile(lexicon: SentimentLexicon): CompiledLexicon {
  const cue = (kind: CueKind): PhraseIndex =>
    new PhraseIndex(lexicon[kind].map((entry) => ({ words: entry.split(' '), value: 0, gratitude: false })));
  return {
    valence: new PhraseIndex([...phrasesOf(lexicon.valence), ...phrasesOf(lexicon.gratitude, true)]),
    cues: {
      repeatContact: cue('repeatContact'),
      churn: cue('churn'),
      legal: cue('legal'),
      deadline: cue('deadline'),
      emergency: cue('emergency'),
      noRush: cue('noRush'),
    },
    negators: new Set(lexicon.negators),
    intensifiers: new Map(Object.entries(lexicon.intensifiers)),
    contrast: new Set(lexicon.contrast),
  };
}

/** All lexicons as one, for a language none of them covers. */
function merge(lexicons: readonly SentimentLexicon[]): SentimentLexicon {
  type ListKey = Exclude<keyof SentimentLexicon, 'valence' | 'gratitude' | 'intensifiers'>;
  type MapKey = 'valence' | 'gratitude' | 'intensifiers';
  const list = (key: ListKey): string[] => lexicons.flatMap((l) => l[key]);
  const map = (key: MapKey): Record<string, number> => Object.fromEntries(lexicons.flatMap((l) => Object.entries(l[key])));
  return {
    valence: map('valence'),
    gratitude: map('gratitude'),
    intensifiers: map('intensifiers'),
    negators: list('negators'),
    contrast: list('contrast'),
    repeatContact: list('repeatContact'),
    churn: list('churn'),
    legal: list('legal'),
    deadline: list('deadline'),
    emergency: list('emergency'),
    noRush: list('noRush'),
  };
}

const compiled = new Map<string, CompiledLexicon>();

function lexiconFor(language: string): CompiledLexicon {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  const key = Object.hasOwn(LEXICONS, primary) ? primary : '*';
  let lexicon = compiled.get(key);
  if (lexicon === undefined) {
    lexicon = compile(key === '*' ? merge(Object.values(LEXICONS)) : LEXICONS[key as LexiconLanguage]);
    compiled.set(key, lexicon);
  }
  return lexicon;
}

/** Folded words with their sentence and clause, English "n't" spelled out so it reads as a negator. */
function tokenize(text: string): Token[] {
  const folded = fold(text)
    .replace(/ß/g, 'ss')
    .replace(/\bwon['’]t\b/g, 'will not')
    .replace(/\bcan['’]t\b/g, 'can not')
    .replace(/n['’]t\b/g, ' not');
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  for (const match of folded.matchAll(/[\p{L}\p{N}]+|[.!?;\n¡¿]+|[,:()"«»—–]+/gu)) {
    const piece = match[0];
    if (/^[\p{L}\p{N}]/u.test(piece)) tokens.push({ word: piece, sentence, clause });
    else {
      if (/[.!?;\n¡¿]/.test(piece)) sentence++;
      clause++;
    }
  }
  return tokens;
}

function findCues(tokens: readonly Token[], lexicon: CompiledLexicon): Record<CueKind, [number, number][]> {
  const hits: Record<CueKind, [number, number][]> = { repeatContact: [], churn: [], legal: [], deadline: [], emergency: [], noRush: [] };
  for (let i = 0; i < tokens.length; i++) {
    for (const kind of CUE_KINDS) {
      const phrase = lexicon.cues[kind].longestAt(tokens, i);
      if (phrase === undefined || (NEGATABLE_CUES.has(kind) && negatedAt(tokens, i, lexicon))) continue;
      hits[kind].push([i, i + phrase.words.length]);
    }
  }
  return hits;
}

function negatedAt(tokens: readonly Token[], i: number, lexicon: CompiledLexicon): boolean {
  const clause = tokens[i]?.clause;
  for (let j = i - 1; j >= Math.max(0, i - NEGATION_WINDOW); j--) {
    const token = tokens[j];
    if (token === undefined || token.clause !== clause) return false;
    if (lexicon.negators.has(token.word)) return true;
  }
  return false;
}

function intensityAt(tokens: readonly Token[], i: number, lexicon: CompiledLexicon): number {
  const clause = tokens[i]?.clause;
  let factor = 1;
  for (let j = i - 1; j >= Math.max(0, i - INTENSIFIER_WINDOW); j--) {
    const token = tokens[j];
    if (token === undefined || token.clause !== clause) break;
    factor = Math.max(factor, lexicon.intensifiers.get(token.word) ?? 1);
  }
  return factor;
}

interface LexicalScore {
  score: number;
  negationFlipped: boolean;
  intensified: boolean;
  intensifiedNegative: boolean;
}

function scoreWords(tokens: readonly Token[], lexicon: CompiledLexicon, asks: boolean): LexicalScore {
  // The last contrast word of a sentence splits it: what follows "but" is what the customer means.
  const pivots = new Map<number, number>();
  tokens.forEach((t, i) => {
    if (lexicon.contrast.has(t.word)) pivots.set(t.sentence, i);
  });

  const result: LexicalScore = { score: 0, negationFlipped: false, intensified: false, intensifiedNegative: false };
  for (let i = 0; i < tokens.length;) {
    const phrase = lexicon.valence.longestAt(tokens, i);
    if (phrase === undefined) {
      i++;
      continue;
    }
    let value = phrase.value;
    // "Thanks!" closing a question is politeness, not satisfaction.
    if (phrase.gratitude && asks) value *= 0.25;
    if (phrase.words.length === 1 && value !== 0) {
      const factor = intensityAt(tokens, i, lexicon);
      if (factor > 1) {
        value *= factor;
        result.intensified = true;
      }
      if (negatedAt(tokens, i, lexicon)) {
        // "not happy" is nearly as bad as unhappy; "not bad" is only mildly good.
        value = value > 0 ? -0.8 * value : -0.4 * value;
        result.negationFlipped = true;
      }
      if (factor > 1 && value < 0) result.intensifiedNegative = true;
    }
    const pivot = pivots.get((tokens[i] as Token).sentence);
    if (pivot !== undefined) value *= i < pivot ? 0.5 : 1.5;
    result.score += value;
    i += phrase.words.length;
  }
  return result;
}

function emojiScore(text: string): number {
  let score = 0;
  for (const match of text.matchAll(/\p{Extended_Pictographic}/gu)) score += EMOJI_VALENCE[match[0]] ?? 0;
  return score;
}

/** Words of four or more letters written in capitals; shorter ones are mostly acronyms (USB, FAQ, PIN). */
function shouting(text: string): { active: boolean; ratio: number } {
  // Only scripts with case can shout.
  const long = (text.match(/\p{L}{4,}/gu) ?? []).filter((w) => w.toLowerCase() !== w.toUpperCase());
  const caps = long.filter((w) => w === w.toUpperCase() && w !== w.toLowerCase()).length;
  const ratio = long.length === 0 ? 0 : caps / long.length;
  return { active: caps >= 2 && ratio >= 0.3, ratio };
}
