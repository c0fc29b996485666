/**
 * One knowledge search for a tenant: detect the query's language, expand a non-English query
 * with English support vocabulary, embed it when the embedder understands that language, and
 * run the tenant's hybrid index.
 */
import type { SearchQuery } from '@tandem/shared';
import { expandAcrossLanguages, type RankedHit } from '@tandem/shared/search';
import { detectLanguage } from '../../language/languageId.js';
import type { Embedder } from '../embedding/embedder.js';
import type { KnowledgeIndexes } from './knowledgeIndexes.js';
import { queryToEmbed } from './queryEmbedding.js';

/** Embedders that only understand English: a vector of a Spanish query would be noise. */
const ENGLISH_ONLY_EMBEDDERS = /^use-lite@/;

export interface KnowledgeSearchResult {
  hits: RankedHit[];
  language: string;
  usedVector: boolean;
  tookMs: number;
}

export interface KnowledgeSearchDeps {
  indexes: KnowledgeIndexes;
  embedder: Embedder | undefined;
}

export async function searchKnowledge(deps: KnowledgeSearchDeps, tenantId: string, query: SearchQuery): Promise<KnowledgeSearchResult> {
  const started = performance.now();
  const [index, detected] = await Promise.all([deps.indexes.forTenant(tenantId), detectLanguage(query.query)]);
  const language = detected.language;
  const canEmbed =
    deps.embedder !== undefined && (language === 'en' || language === 'und' || !ENGLISH_ONLY_EMBEDDERS.test(deps.embedder.id));
  const vector = canEmbed && index.vectorCount > 0 ? (await (deps.embedder as Embedder).embed([queryToEmbed(query.query)]))[0] : undefined;
  const hits = index.search({
    text: query.query,
    k: query.k,
    filters: query.filters,
    vector,
    extraTerms: language === 'en' || language === 'und' ? [] : expandAcrossLanguages(query.query, language),
  });
  return { hits, language, usedVector: vector !== undefined, tookMs: performance.now() - started };
}
