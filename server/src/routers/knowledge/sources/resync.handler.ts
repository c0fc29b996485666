/** Crawls a web source again now: edits become new versions, pages that are gone are deleted. */
import type { HandlerOptions } from '../../../trpc/procedures.js';

export const resyncHandler = ({ ctx, input }: HandlerOptions<{ sourceId: string }>) =>
  ctx.knowledge.resyncSource(ctx.tenantId, input.sourceId);
