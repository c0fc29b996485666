/**
 * The seam for the semantic cache: the answering path asks `lookup` before drafting and calls
 * `fill` after an answer it sent with confidence at or above the site's threshold. Only answers
 * that used no per-customer data are offered (never a verified visitor's, whose answer may read
 * their live context), and a lookup is made only for such conversations too. The default does
 * nothing; the cache itself (embeddings, knowledge versions of the cited documents, invalidation,
 * hit and false-hit rates) plugs in here.
 */
import type { WidgetCitation } from '@tandem/shared';

export interface AnswerCacheLookup {
  tenantId: string;
  /** The widget site, or undefined for the `/v1` API. */
  siteId: string | undefined;
  /** The visitor's newest message, normalised as it was stored. */
  question: string;
  /** How many visitor messages came before it: a follow-up may mean nothing without them. */
  earlierQuestions: number;
  /** The widget visitor asking (`site visitor`), whose typed preview may have been embedded already. */
  visitorKey?: string | undefined;
}

/** A visitor's question while they type it (the widget's preview), normalised as a sent message is. */
export interface AnswerCachePreview {
  tenantId: string;
  siteId: string;
  visitorKey: string;
  text: string;
}

/** A cited source of a cached answer: where it points and which document (and chunk) it came from. */
export interface CachedCitation extends WidgetCitation {
  documentId: string;
  chunkId: string;
}

export interface CachedAnswer {
  text: string;
  citations: CachedCitation[];
  confidence: number;
  /** The language the answer is written in (the question's, as analysed). */
  language: string;
}

export interface AnswerCacheFill extends AnswerCacheLookup {
  answer: CachedAnswer;
}

export interface AnswerCache {
  /** A cached answer to give instead of drafting, or undefined. Must be fast: it is on the path to the first token. */
  lookup(request: AnswerCacheLookup): Promise<CachedAnswer | undefined>;
  /** Offers a confident answer that used no per-customer data. Failures are logged, never shown. */
  fill(entry: AnswerCacheFill): Promise<void>;
  /**
   * Gets ready for the question a visitor is typing (the embedding a lookup may need), so the
   * lookup after they send it finds it done; nothing of the text is stored. Callers need not wait:
   * the promise only tells when it is ready, and never rejects.
   */
  prepare(preview: AnswerCachePreview): Promise<void>;
}

export const noAnswerCache: AnswerCache = {
  lookup: () => Promise.resolve(undefined),
  fill: () => Promise.resolve(),
  prepare: () => Promise.resolve(),
};
