/**
 * The server's embedding of a query, int8-quantised like the synced chunk vectors, so a client
 * searching its local knowledge cache ranks by the same vector space as server search.
 */
import { quantiseVector, type EmbedQueryOutput } from '@tandem/shared';
import type { Logger } from '../../logging/logger.js';
import { PiiVault } from '../../security/redactPii.js';
import type { Embedder } from '../embedding/embedder.js';

/**
 * `vector: null` when there is no embedder or it cannot embed right now (model missing, provider
 * down): the client then ranks lexically. Waits for nothing but the embedder's own call.
 */
export async function embedQuery(embedder: Embedder | undefined, text: string, log: Pick<Logger, 'warn'>): Promise<EmbedQueryOutput> {
  if (embedder === undefined) return { embedder: null, vector: null };
  // Query text is usually ticket text, and a remote embedder is a third party: it gets placeholders, as drafts do.
  const redacted = new PiiVault().redact(text);
  try {
    const [vector] = await embedder.embed([redacted]);
    return { embedder: embedder.id, vector: vector === undefined ? null : quantiseVector(vector) };
  } catch (error) {
    log.warn({ err: error }, 'query embedding failed; the client ranks lexically');
    return { embedder: embedder.id, vector: null };
  }
}
