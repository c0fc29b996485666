/**
 * The server's embedding of a query (int8, PII redacted first), so a client ranks its local
 * knowledge cache in the same vector space as server search; `vector: null` without an embedder.
 */
import type { HandlerOptions } from '../../trpc/procedures.js';

export const embedQueryHandler = ({ ctx, input }: HandlerOptions<{ text: string }>) => ctx.knowledge.embedQuery(input.text, ctx.log);
