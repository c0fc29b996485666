/**
 * The embedded drafter: a grounded reply without any LLM. It greets the customer by name, states
 * the live facts, quotes the sentences of the retrieved passages that best match the customer's
 * question (each cited `[n]`), and closes; in the customer's language where the knowledge
 * exists in it. It streams word by word, like the LLM path, so clients cannot tell the
 * difference in shape. Also the fallback when the provider fails.
 */
import { analyze } from '@tandem/shared/search';
import type { DraftChunk, DraftPassage, Drafter, DraftRequest } from './drafter.js';
import { languageName, phrasesFor } from './replyPhrases.js';

/** Sentences quoted at most: enough to answer, short enough to read at a glance. */
const MAX_SENTENCES = 3;
/** Sentences quoted for each requested length; medium is the default above. */
const SENTENCES_FOR: Record<NonNullable<DraftRequest['length']>, number> = { short: 1, medium: MAX_SENTENCES, long: 6 };
const MIN_SENTENCE_CHARS = 25;

interface Candidate {
  passage: DraftPassage;
  sentence: string;
  order: number;
  score: number;
}

function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d"“¿¡])/u)
    .map((s) => s.trim().replace(/^[-*•]\s*/, ''))
    .filter((s) => s.length >= MIN_SENTENCE_CHARS && /[\p{L}]/u.test(s));
}

/** The best sentences for the question: term overlap, favouring higher-ranked passages. */
export function selectSentences(question: string, passages: readonly DraftPassage[], max = MAX_SENTENCES): Candidate[] {
  const wanted = new Set(analyze(question));
  const candidates: Candidate[] = [];
  passages.forEach((passage, rank) => {
    sentencesOf(passage.text).forEach((sentence, order) => {
      const terms = new Set(analyze(sentence));
      let overlap = 0;
      for (const t of terms) if (wanted.has(t)) overlap += 1;
      // Rank prior: the retriever's order carries the document-level evidence a sentence lacks.
      const score = overlap / Math.sqrt(terms.size + 1) + 0.6 / (rank + 1) + (order === 0 ? 0.05 : 0);
      candidates.push({ passage, sentence, order, score });
    });
  });
  const chosen = candidates.sort((a, b) => b.score - a.score).slice(0, max);
  // Read in passage order, then sentence order, so quoted text flows as written.
  return chosen.sort((a, b) => a.passage.n - b.passage.n || a.order - b.order);
}

function* words(text: string): Generator<string> {
  for (const match of text.matchAll(/\S+\s*/g)) yield match[0];
}

export class EmbeddedDrafter implements Drafter {
  readonly kind = 'embedded' as const;

  compose(request: DraftRequest): string {
    const { phrases, language } = phrasesFor(request.language);
    const question = [request.subject, ...request.conversation.filter((t) => t.role === 'customer').map((t) => t.text)].join('\n');
    // Sentences are quoted verbatim into the agent's draft: never from a passage flagged as carrying instructions.
    const chosen = selectSentences(
      question,
      request.passages.filter((passage) => passage.flagged !== true),
      SENTENCES_FOR[request.length ?? 'medium'],
    );
    // A short reply goes straight to the answer after the greeting.
    const paragraphs: string[] = [`${phrases.greeting(request.customerName)}`, ...(request.length === 'short' ? [] : [phrases.thanks])];
    if (request.liveFacts.length > 0) paragraphs.push(`${phrases.liveIntro} ${request.liveFacts.join(' ')}`);
    if (chosen.length === 0) paragraphs.push(phrases.noKnowledge);
    else {
      const foreign = chosen.find((c) => c.passage.language !== undefined && !c.passage.language.startsWith(language));
      const quoted = chosen.map((c) => `${c.sentence.replace(/\s*\[\d+\]\s*$/, '')} [${c.passage.n}]`).join(' ');
      paragraphs.push(
        foreign === undefined ? quoted : `${phrases.otherLanguage(languageName(foreign.passage.language ?? 'en', language))} ${quoted}`,
      );
    }
    paragraphs.push(phrases.closing);
    return paragraphs.join('\n\n');
  }

  async *draft(request: DraftRequest, signal: AbortSignal): AsyncGenerator<DraftChunk> {
    for (const word of words(this.compose(request))) {
      if (signal.aborted) return;
      yield { kind: 'token', text: word };
    }
  }
}
