/**
 * The server's embedding of a query, int8-quantised like the synced chunk vectors, so a client
 * searching its local knowledge cache ranks by the same vector space as server search.
 */
import { createHash } from 'node:crypto';
import { quantiseVector, type EmbedQueryOutput } from '@tandem/shared';
import { askedSentences } from '@tandem/shared/search';
import type { Logger } from '../../logging/logger.js';
import { PiiVault } from '../../security/redactPii.js';
import type { Embedder } from '../embedding/embedder.js';

/**
 * Characters of a query that get embedded. The local embedder's time grows with the text's length
 * (a 4,000-character ticket costs several times a 400-character one), and past the opening and the
 * questions a long ticket's vector mostly averages in its story; chosen on the dev split.
 */
export const EMBED_CHARS = 400;

/** The text cut at a word boundary to at most `max` characters. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const space = head.lastIndexOf(' ');
  return (space > max / 2 ? head.slice(0, space) : head.slice(0, max)).trim();
}

/**
 * Recent results of queryToEmbed, by a hash of the text: only redacted text is held, never the
 * query as asked. Small, since only the calls of drafts in flight repeat.
 */
const recent = new Map<string, string>();
const RECENT_QUERIES = 64;

/**
 * A query as any embedder gets it: query text is usually ticket text, so it is redacted whichever
 * embedder runs (chunks are redacted only for one that sends them away, see privateEmbedder). A
 * long ticket is focused on its first line (the subject) and the questions it asks. Server search
 * and the panel's query vector embed this same text, so they rank alike and a shared embedder
 * (sharedQueryEmbedder) computes it once per ticket.
 */
export function queryToEmbed(text: string, maxChars = EMBED_CHARS): string {
  // One draft asks for the same text twice (intent, then retrieval): the second is remembered.
  const key = createHash('sha256').update(`${maxChars}\u0000${text}`).digest('base64');
  const known = recent.get(key);
  if (known !== undefined) return known;
  const focused = focusQuery(text, maxChars);
  recent.set(key, focused);
  if (recent.size > RECENT_QUERIES) recent.delete(recent.keys().next().value as string);
  return focused;
}

function focusQuery(text: string, maxChars: number): string {
  const redacted = new PiiVault().redact(text).trim();
  if (redacted.length <= maxChars) return redacted;
  const firstLine = redacted.split('\n', 1)[0] ?? '';
  const asked = askedSentences(redacted).filter((q) => !firstLine.includes(q));
  const focus = asked.length > 0 ? [firstLine, ...asked].join(' ') : redacted;
  return cut(focus.replace(/\s+/g, ' '), maxChars);
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
