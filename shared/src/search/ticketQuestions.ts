/**
 * Splits a support ticket into the questions it asks, so each can be searched on its own and the
 * draft gets sources for every one of them. Pure text rules in the five ticket languages (en, es,
 * de, fr, pt): sentences ending in a question mark, sentences opening with a question or request
 * word, and run-on questions joined by "and how / also". Greetings and sign-offs are left out.
 */

/** Words that open a question or a request (folded, lower case), across en/es/de/fr/pt. */
const OPENERS = new Set([
  // en
  'how',
  'what',
  'whats',
  'when',
  'where',
  'why',
  'which',
  'who',
  'can',
  'could',
  'do',
  'does',
  'did',
  'is',
  'are',
  'will',
  'would',
  'should',
  'may',
  'please',
  'need',
  'want',
  'help',
  'tell',
  'explain',
  // es
  'como',
  'que',
  'cuando',
  'donde',
  'por',
  'cual',
  'cuanto',
  'cuanta',
  'puedo',
  'pueden',
  'podria',
  'podrian',
  'necesito',
  'quiero',
  'hay',
  'es',
  'tengo',
  // de
  'wie',
  'was',
  'wann',
  'wo',
  'warum',
  'welche',
  'welcher',
  'welches',
  'kann',
  'konnen',
  'konnten',
  'gibt',
  'ist',
  'muss',
  'brauche',
  'mochte',
  'bitte',
  // fr
  'comment',
  'quoi',
  'quand',
  'ou',
  'pourquoi',
  'quel',
  'quelle',
  'quels',
  'quelles',
  'combien',
  'puis',
  'pouvez',
  'pourriez',
  'est',
  'faut',
  'dois',
  'je',
  // pt
  'quanto',
  'quanta',
  'qual',
  'quais',
  'posso',
  'podem',
  'poderia',
  'preciso',
  'quero',
  'existe',
  'tenho',
]);

/** Phrases that only greet, thank or sign off; a sentence made of them asks nothing. */
const CHATTER =
  /^(hi|hello|hey|dear|thanks?|thank you|cheers|regards|best|kind regards|hola|gracias|saludos|hallo|danke|gruss|bonjour|merci|cordialement|ola|obrigad[oa]|atenciosamente)\b/;

/** Clause joints after which a run-on sentence starts another question ("…, and how do I avoid it"). */
const JOINTS =
  /,?\s+(?:and|also|plus|y|und|et|e)\s+(?=(?:how|what|when|where|why|which|can|do|does|is|are|will|como|que|cuanto|wie|was|wann|kann|comment|combien|quel|quanto|qual|posso)\b)/giu;

const MAX_QUESTIONS = 4;
const MIN_LETTERS = 8;

function folded(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function firstWord(sentence: string): string {
  return folded(sentence).match(/[\p{L}]+/u)?.[0] ?? '';
}

function asksSomething(sentence: string): boolean {
  const f = folded(sentence).replace(/^[^\p{L}]+/u, '');
  if (CHATTER.test(f) && !sentence.includes('?')) return false;
  return sentence.includes('?') || OPENERS.has(firstWord(sentence));
}

/** The ticket's sentences (split at . ! ? and line breaks, keeping the mark). */
export function ticketSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?¿¡])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.replace(/[^\p{L}]/gu, '').length >= MIN_LETTERS);
}

/** The sentences of a ticket that ask or request something, in order. */
export function askedSentences(text: string): string[] {
  return ticketSentences(text).filter(asksSomething);
}

/**
 * The questions of a ticket, at most four, in order; an empty list when it asks fewer than two
 * (then the whole ticket is the only query worth running).
 */
export function ticketQuestions(text: string): string[] {
  const questions: string[] = [];
  for (const sentence of askedSentences(text)) {
    for (const part of sentence.split(JOINTS)) {
      if (part.replace(/[^\p{L}]/gu, '').length >= MIN_LETTERS) questions.push(part.trim());
    }
  }
  const distinct = [...new Set(questions)];
  return distinct.length < 2 ? [] : distinct.slice(0, MAX_QUESTIONS);
}
