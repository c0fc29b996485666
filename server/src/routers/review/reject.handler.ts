/** Rejects a review item: recorded for the workspace, so the queue no longer lists it. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { rejectReviewInput, rejectReviewOutput } from './reject.schema.js';

export async function rejectReviewHandler({
  ctx,
  input,
}: HandlerOptions<z.output<typeof rejectReviewInput>>): Promise<z.output<typeof rejectReviewOutput>> {
  await ctx.reviewDecisions.reject(ctx.tenantId, input.itemId, ctx.principal.tokenId);
  return { rejected: true };
}
