/**
 * The server's embedding of a query, int8-quantised like the synced chunk vectors, so a client
 * searching its local knowledge cache ranks by the same vector space as server search.
 */
import { quantiseVector, type EmbedQueryOutput } from '@tandem/shared';
import type { Logger } from '../../logging/logger.js';
import { PiiVault } from '../../security/redactPii.js';
import type { Embedder } from '../embedding/embedder.js';

/**
 * A query as any embedder gets it: query text is usually ticket text, so it is redacted whichever
 * embedder runs (chunks are redacted only for one that sends them away, see privateEmbedder). Server
 * search and the panel's query vector embed the same redacted text, so they rank alike.
 */
export function queryToEmbed(text: string): string {
  return new PiiVault().redact(text);
}

/**
 * `vector: null` when there is no embedder or it cannot embed right now (model missing, provider
 * down): the client then ranks lexically. Waits for nothing but the embedder's own call.
 */
export async function embedQuery(embedder: Embedder | undefined, text: string, log: Pick<Logger, 'warn'>): Promise<EmbedQueryOutput> {
  if (embedder === undefined) return { embedder: null, vector: null };
  try {
    const [vector] = await embedder.embed([queryToEmbed(text)]);
    return { embedder: embedder.id, vector: vector === undefined ? null : quantiseVector(vector) };
  } catch (error) {
    log.warn({ err: error }, 'query embedding failed; the client ranks lexically');
    return { embedder: embedder.id, vector: null };
  }
}
