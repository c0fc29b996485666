/**
 * The semantic cache behind the answer-cache seam: a visitor's question that is the same question
 * as one already answered confidently — the same workspace and site, the same language, close by
 * semanticCacheMatch's rules — gets that answer instead of a draft, as long as every document the
 * answer cites is still at the version it was written from (compared at lookup, so an edit or a
 * deletion anywhere, on any node, takes effect at once). Only first questions are cached: a
 * follow-up means nothing without the conversation before it. The caller keeps per-customer
 * answers out (answerCache.ts). Memory is bounded per workspace and in total (least recently used
 * out first), and entries expire.
 *
 * The embedding is the server's query embedder's (the one retrieval uses) over the redacted
 * question, so on a miss retrieval's own embedding of the same text is shared, not repeated. It is
 * made only when some cached question could be close and the words alone cannot tell.
 *
 * While a widget visitor types, the bundle sends a debounced preview of the question (`prepare`):
 * it is redacted on arrival, then embedded, and only a hash of the redacted text and the vector
 * are kept, one per visitor, for a few minutes, never the text. When the visitor sends exactly that
 * question, the lookup takes the ready vector instead of embedding on the path to the answer.
 */
import { PiiVault } from '../security/redactPii.js';
import { detectLanguage } from '../language/languageId.js';
import type { Logger } from '../logging/logger.js';
import { versionOfChunkId } from '../storage/knowledge/documentRecords.js';
import { createHash } from 'node:crypto';
import type { AnswerCache, AnswerCacheFill, AnswerCacheLookup, AnswerCachePreview, CachedAnswer } from './answerCache.js';
import { CacheEntries, type CacheEntry } from './semanticCacheEntries.js';
import { closeness, lexicalVerdict, questionKey, type QuestionKey } from './semanticCacheMatch.js';

/** What the cache needs of an embedder: the `Embedder` seam's vector-space id and `embed`. */
export interface QuestionEmbedder {
  readonly id: string;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** The current knowledge version of each document still in the workspace; a deleted one is absent. */
export type DocumentVersions = (tenantId: string, documentIds: readonly string[]) => Promise<ReadonlyMap<string, number>>;

export interface SemanticCacheOptions {
  /** Closeness at or above which a question takes a cached answer (semanticCacheMatch.closeness). */
  similarity: number;
  maxEntriesPerWorkspace: number;
  maxEntries: number;
  maxAgeMs: number;
  /** Visitors whose typed question's embedding is kept ready (one each), and for how long. */
  maxPreviews?: number | undefined;
  previewMaxAgeMs?: number | undefined;
}

export interface SemanticCacheDeps {
  /** The server's query embedder; without one only lexically equal questions hit. */
  embedder: QuestionEmbedder | undefined;
  versions: DocumentVersions;
  log: Logger;
  now?: () => number;
}

export interface SemanticCacheStats {
  lookups: number;
  hits: number;
  /** Hits decided by the words alone (no embedding made). */
  lexicalHits: number;
  misses: number;
  /** Hits that needed the embedding and found it ready from the visitor's typed preview. */
  preparedHits: number;
  /** Previews embedded (the visitor's typed question, redacted). */
  previews: number;
  followUps: number;
  /** Entries dropped at lookup because a cited document changed or was deleted. */
  invalidated: number;
  expired: number;
  evicted: number;
  fills: number;
  entries: number;
}

export const DEFAULT_CACHE_LIMITS = { maxEntriesPerWorkspace: 1_000, maxEntries: 20_000, maxAgeMs: 24 * 60 * 60 * 1000 } as const;

const DEFAULT_MAX_PREVIEWS = 10_000;
const DEFAULT_PREVIEW_MAX_AGE_MS = 5 * 60 * 1000;

/** A visitor's typed question, ready: a hash of its redacted text (never the text) and its embedding. */
interface Prepared {
  textHash: string;
  vector: Promise<Float32Array | undefined>;
  at: number;
}

const hashOf = (redacted: string) => createHash('sha256').update(redacted).digest('base64');
const previewKey = (tenantId: string, siteId: string, visitorKey: string) => `${tenantId}\u0000${siteId}\u0000${visitorKey}`;

/** Embedders that read English only (as knowledge search decides): another language's vector would be noise. */
const ENGLISH_ONLY_EMBEDDERS = /^use-lite@/;

const API_SCOPE = 'api';

/** Undetermined (short) text shows no other language, so it matches any. */
const sameLanguage = (a: string, b: string) => a === b || a === 'und' || b === 'und';

export function createSemanticCache(deps: SemanticCacheDeps, options: SemanticCacheOptions): AnswerCache & { stats(): SemanticCacheStats } {
  const now = deps.now ?? Date.now;
  const entries = new CacheEntries({ perWorkspace: options.maxEntriesPerWorkspace, total: options.maxEntries });
  const counts = {
    lookups: 0,
    hits: 0,
    lexicalHits: 0,
    misses: 0,
    preparedHits: 0,
    previews: 0,
    followUps: 0,
    invalidated: 0,
    expired: 0,
    fills: 0,
  };
  const embedder = deps.embedder;
  const maxPreviews = options.maxPreviews ?? DEFAULT_MAX_PREVIEWS;
  const previewMaxAgeMs = options.previewMaxAgeMs ?? DEFAULT_PREVIEW_MAX_AGE_MS;
  /** Per visitor, least recently typed first: at most one question each, so a visitor cannot fill it. */
  const prepared = new Map<string, Prepared>();

  const readsLanguage = (language: string) =>
    embedder !== undefined && (!ENGLISH_ONLY_EMBEDDERS.test(embedder.id) || language === 'en' || language === 'und');

  // Redacted as knowledge search redacts a query, so both ask the shared query embedder for the same text.
  const redacted = (question: string) => new PiiVault().redact(question);

  async function embedRedacted(text: string): Promise<Float32Array | undefined> {
    const [vector] = await (embedder as QuestionEmbedder).embed([text]);
    return vector;
  }

  async function vectorOf(question: string, language: string): Promise<Float32Array | undefined> {
    if (embedder === undefined || !readsLanguage(language)) return undefined;
    return embedRedacted(redacted(question));
  }

  /** The question's embedding from the visitor's typed preview of exactly this text, when there is one (used once). */
  async function previewedVector(question: string, visitor: string | undefined): Promise<Float32Array | undefined> {
    const ready = visitor === undefined ? undefined : prepared.get(visitor);
    if (ready === undefined) return undefined;
    prepared.delete(visitor as string);
    if (now() - ready.at > previewMaxAgeMs || ready.textHash !== hashOf(redacted(question))) return undefined;
    return ready.vector;
  }

  /** The workspace's live entries a question of this scope and language may take. */
  function candidates(tenantId: string, scope: string, language: string): CacheEntry[] {
    const found: CacheEntry[] = [];
    const oldest = now() - options.maxAgeMs;
    for (const entry of [...entries.of(tenantId)]) {
      if (entry.storedAt < oldest) {
        entries.remove(entry);
        counts.expired += 1;
      } else if (entry.scope === scope && sameLanguage(entry.language, language)) found.push(entry);
    }
    return found;
  }

  /** The closest candidate at or above the threshold; embeds the question only when the words cannot decide. */
  async function closest(
    question: string,
    language: string,
    pool: readonly CacheEntry[],
    visitor: string | undefined,
  ): Promise<{ entry: CacheEntry; lexical: boolean; prepared: boolean; key: QuestionKey } | undefined> {
    const lexicalKey = questionKey(question, undefined);
    const undecided: CacheEntry[] = [];
    for (const entry of pool) {
      const verdict = lexicalVerdict(lexicalKey, entry.key);
      if (verdict === 'same') return { entry, lexical: true, prepared: false, key: lexicalKey };
      if (verdict === 'embed' && entry.key.vector !== undefined) undecided.push(entry);
    }
    if (undecided.length === 0) return undefined;
    const previewed = await previewedVector(question, visitor);
    const key = questionKey(question, previewed ?? (await vectorOf(question, language)));
    let best: { entry: CacheEntry; score: number } | undefined;
    for (const entry of undecided) {
      const score = closeness(key, entry.key);
      if (score >= options.similarity && score > (best?.score ?? -Infinity)) best = { entry, score };
    }
    return best === undefined ? undefined : { entry: best.entry, lexical: false, prepared: previewed !== undefined, key };
  }

  async function stillCurrent(entry: CacheEntry): Promise<boolean> {
    const current = await deps.versions(entry.tenantId, [...entry.versions.keys()]);
    return [...entry.versions].every(([documentId, version]) => current.get(documentId) === version);
  }

  return {
    async lookup(request: AnswerCacheLookup): Promise<CachedAnswer | undefined> {
      counts.lookups += 1;
      if (request.earlierQuestions > 0) {
        counts.followUps += 1;
        return undefined;
      }
      if (!entries.hasAny(request.tenantId) || request.question.trim() === '') {
        counts.misses += 1;
        return undefined;
      }
      const { language } = await detectLanguage(request.question);
      const pool = candidates(request.tenantId, request.siteId ?? API_SCOPE, language);
      const visitor =
        request.visitorKey === undefined ? undefined : previewKey(request.tenantId, request.siteId ?? API_SCOPE, request.visitorKey);
      const found = pool.length === 0 ? undefined : await closest(request.question, language, pool, visitor);
      if (found === undefined) {
        counts.misses += 1;
        return undefined;
      }
      if (!(await stillCurrent(found.entry))) {
        entries.remove(found.entry);
        counts.invalidated += 1;
        counts.misses += 1;
        return undefined;
      }
      entries.touch(found.entry);
      counts.hits += 1;
      if (found.lexical) counts.lexicalHits += 1;
      if (found.prepared) counts.preparedHits += 1;
      return found.entry.answer;
    },

    async prepare(preview: AnswerCachePreview): Promise<void> {
      // Only worth an embedding when a lookup could use it: the workspace has answers cached.
      if (embedder === undefined || preview.text.trim() === '' || !entries.hasAny(preview.tenantId)) return;
      const key = previewKey(preview.tenantId, preview.siteId, preview.visitorKey);
      const text = redacted(preview.text);
      const textHash = hashOf(text);
      const known = prepared.get(key);
      if (known?.textHash === textHash) {
        await known.vector;
        return;
      }
      const vector = detectLanguage(preview.text).then(({ language }) => (readsLanguage(language) ? embedRedacted(text) : undefined));
      // A failed preview only means the lookup embeds the question itself.
      const settled = vector.catch((error: unknown) => {
        deps.log.debug({ err: error }, 'answer cache: a preview could not be embedded');
        return undefined;
      });
      prepared.delete(key);
      prepared.set(key, { textHash, vector: settled, at: now() });
      counts.previews += 1;
      const oldest = now() - previewMaxAgeMs;
      for (const [k, p] of prepared) {
        if (prepared.size <= maxPreviews && p.at >= oldest) break;
        prepared.delete(k);
      }
      await settled;
    },

    async fill(entry: AnswerCacheFill): Promise<void> {
      if (entry.earlierQuestions > 0 || entry.question.trim() === '') return;
      const { citations } = entry.answer;
      // An answer citing nothing has no knowledge version to check, so it could never be invalidated.
      if (citations.length === 0) return;
      const versions = new Map(citations.map((c) => [c.documentId, versionOfChunkId(c.chunkId)]));
      if ([...versions.values()].some((v) => v < 1)) {
        deps.log.warn({ tenantId: entry.tenantId }, 'answer cache: a citation without a knowledge version; not cached');
        return;
      }
      const { language } = await detectLanguage(entry.question);
      const scope = entry.siteId ?? API_SCOPE;
      let vector: Float32Array | undefined;
      try {
        vector = await vectorOf(entry.question, language);
      } catch (error) {
        deps.log.warn({ err: error }, 'answer cache: the question could not be embedded; cached for equal wording only');
      }
      const key = questionKey(entry.question, vector);
      // The newer answer to the same question replaces the older one.
      for (const old of candidates(entry.tenantId, scope, language))
        if (old.language === language && closeness(key, old.key) >= options.similarity) entries.remove(old);
      entries.add({ tenantId: entry.tenantId, scope, language, key, answer: entry.answer, versions, storedAt: now() });
      counts.fills += 1;
    },

    stats: (): SemanticCacheStats => ({ ...counts, evicted: entries.evicted, entries: entries.size }),
  };
}
