/**
 * Turns a search request into the ticket query the shared ranker runs: the text's language, the
 * questions it asks, cross-language expansion of a non-English ticket, and one query embedding
 * for the whole ticket (shared by every question's search, and by the panel and intent through
 * the engine's shared query embedder). A ticket in a language the embedder cannot read is
 * embedded through its English glossary rendering instead.
 */
import type { SearchFilters } from '@tandem/shared';
import { englishWordsFor, expandAcrossLanguages, ticketQuestions, type ChunkIndex, type TicketQuery } from '@tandem/shared/search';
import { detectLanguage } from '../../language/languageId.js';
import type { Embedder } from '../embedding/embedder.js';
import { queryToEmbed } from './queryEmbedding.js';

/** Embedders that only understand English: a vector of a Spanish query would be noise. */
const ENGLISH_ONLY_EMBEDDERS = /^use-lite@/;
/** Fewer English words than this and a glossary rendering is too thin to embed. */
const MIN_RENDERED_WORDS = 3;

export interface PreparedTicketQuery {
  query: TicketQuery;
  language: string;
  usedVector: boolean;
}

export interface TicketQueryOptions {
  /** Search each question the ticket asks too (default on). */
  questions?: boolean;
  /** Embed a non-English ticket's English glossary rendering for an English-only embedder (default on). */
  renderForeign?: boolean;
  /** Characters of the ticket that get embedded (queryToEmbed's default otherwise). */
  embedChars?: number;
}

/** The first line of a multi-line ticket when it reads like a subject (short). */
function subjectOf(text: string): string | undefined {
  const [first, ...rest] = text.split('\n');
  return rest.length > 0 && first !== undefined && first.trim().length > 0 && first.length <= 120 ? first.trim() : undefined;
}

export async function prepareTicketQuery(
  index: ChunkIndex,
  embedder: Embedder | undefined,
  text: string,
  filters: SearchFilters | undefined,
  options: TicketQueryOptions = {},
): Promise<PreparedTicketQuery> {
  const { language } = await detectLanguage(text);
  const foreign = language !== 'en' && language !== 'und';
  const subject = subjectOf(text);
  const questions = options.questions === false ? [] : ticketQuestions(text).map((q) => (subject === undefined ? q : `${subject}\n${q}`));
  let embedText: string | undefined;
  if (embedder !== undefined && index.vectorCount > 0) {
    if (!foreign || !ENGLISH_ONLY_EMBEDDERS.test(embedder.id)) embedText = queryToEmbed(text, options.embedChars);
    else if (options.renderForeign !== false) {
      const rendered = englishWordsFor(text, language);
      if (rendered.length >= MIN_RENDERED_WORDS) embedText = queryToEmbed(rendered.join(' '), options.embedChars);
    }
  }
  const vector = embedText === undefined ? undefined : (await (embedder as Embedder).embed([embedText]))[0];
  return {
    query: {
      text,
      questions,
      foreign,
      expand: foreign ? (t: string) => expandAcrossLanguages(t, language) : undefined,
      vector,
      filters,
    },
    language,
    usedVector: vector !== undefined,
  };
}
