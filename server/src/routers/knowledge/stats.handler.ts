/** How much the workspace's knowledge base holds: documents, chunks, chunks with vectors. */
import type { HandlerOptions } from '../../trpc/procedures.js';

export const knowledgeStatsHandler = ({ ctx }: HandlerOptions) => ctx.knowledge.stats(ctx.tenantId);
