/**
 * Knowledge search for the caller's workspace (knowledge cards, the CLI, the console).
 */
import type { SearchQuery, SearchResult } from '@tandem/shared';
import type { KnowledgeEngine } from '../../knowledge/knowledgeEngine.js';

export async function searchHandler(knowledge: KnowledgeEngine, tenantId: string, query: SearchQuery): Promise<SearchResult> {
  const result = await knowledge.search(tenantId, query);
  return {
    hits: result.hits.map(({ signals: _signals, ...hit }) => hit),
    language: result.language,
    tookMs: Math.round(result.tookMs * 100) / 100,
  };
}
