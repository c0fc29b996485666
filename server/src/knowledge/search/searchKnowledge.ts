/**
 * One knowledge search for a tenant: prepare the ticket query (language, questions, glossary
 * expansion, one query embedding; ticketQuery.ts) and rank the tenant's documents for the whole
 * ticket with the shared learned ranker (searchTicket).
 */
import type { SearchQuery } from '@tandem/shared';
import { searchTicket, type TicketHit } from '@tandem/shared/search';
import type { Embedder } from '../embedding/embedder.js';
import type { KnowledgeIndexes } from './knowledgeIndexes.js';
import { prepareTicketQuery } from './ticketQuery.js';

export interface KnowledgeSearchResult {
  hits: TicketHit[];
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
  const index = await deps.indexes.forTenant(tenantId);
  const prepared = await prepareTicketQuery(index, deps.embedder, query.query, query.filters);
  const hits = searchTicket(index, prepared.query, query.k);
  return { hits, language: prepared.language, usedVector: prepared.usedVector, tookMs: performance.now() - started };
}
