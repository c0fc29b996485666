/**
 * The review queue: low-confidence and flagged widget answers of the workspace's recent
 * conversations, newest first, without those already approved into the knowledge base or rejected.
 */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { listReviewInput, listReviewOutput } from './list.schema.js';
import { REVIEWED_SOURCE, reviewDocumentId, reviewItemsOf } from './reviewItems.js';

const ALL_STATUSES = ['ai', 'waiting-for-human', 'human', 'closed'] as const;

export async function listReviewHandler({
  ctx,
  input,
}: HandlerOptions<z.output<typeof listReviewInput>>): Promise<z.output<typeof listReviewOutput>> {
  const [{ threshold }, conversations, approved, rejected] = await Promise.all([
    ctx.assist.reviewThreshold(ctx.tenantId),
    ctx.widget.queue.list(ctx.tenantId, ALL_STATUSES, input.conversations),
    approvedIds(ctx, ctx.tenantId),
    ctx.reviewDecisions.rejected(ctx.tenantId),
  ]);
  const details = await Promise.all(conversations.map((c) => ctx.widget.queue.get(ctx.tenantId, c.conversationId)));
  const items = details
    .flatMap((detail) => reviewItemsOf(detail, threshold))
    .filter((item) => !approved.has(reviewDocumentId(item.id)) && !rejected.has(item.id))
    .sort((a, b) => b.at.localeCompare(a.at));
  return { threshold, items };
}

/** External ids of the documents approved answers became. */
async function approvedIds(ctx: HandlerOptions['ctx'], tenantId: string): Promise<Set<string>> {
  const source = (await ctx.knowledge.listSources(tenantId)).find((s) => s.name === REVIEWED_SOURCE);
  if (source === undefined) return new Set();
  const docs = await ctx.knowledge.listDocuments(tenantId, { sourceId: source.id, limit: 500, offset: 0 });
  return new Set(docs.map((d) => d.externalId));
}
