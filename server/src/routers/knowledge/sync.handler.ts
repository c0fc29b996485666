/**
 * knowledge.sync: the change feed as pages for clients' local caches, or "reset" (the paging and
 * the reset rules live in knowledge/sync/).
 */
import type { KnowledgeSyncAnswer, KnowledgeSyncRequest } from '@tandem/shared';
import type { HandlerOptions } from '../../trpc/procedures.js';

export const syncHandler = ({ ctx, input }: HandlerOptions<KnowledgeSyncRequest>): Promise<KnowledgeSyncAnswer> =>
  ctx.knowledge.sync(ctx.tenantId, input);
