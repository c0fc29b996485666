/**
 * The knowledge engine's public entry point: what other domain units (assist) may use of it.
 * Everything else under knowledge/ is its own business.
 */
export { createKnowledgeEngine, type KnowledgeEngine, type KnowledgeEngineOptions } from './knowledgeEngine.js';
export type { Embedder } from './embedding/embedder.js';
export type { KnowledgeSearchResult } from './search/searchKnowledge.js';
/** The text a query embedding is made of: intent detection embedding this too shares the ticket's one embedding. */
export { queryToEmbed } from './search/queryEmbedding.js';
