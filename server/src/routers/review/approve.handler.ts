/**
 * Approves a review item: the question and its (possibly edited) answer become a document of the
 * "Reviewed answers" source, ingested through the knowledge service and awaited, so it is
 * searchable when this returns.
 */
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { approveReviewInput, approveReviewOutput } from './approve.schema.js';
import { REVIEWED_SOURCE, reviewDocumentId } from './reviewItems.js';

const TITLE_CHARS = 200;

export async function approveReviewHandler({
  ctx,
  input,
}: HandlerOptions<z.output<typeof approveReviewInput>>): Promise<z.output<typeof approveReviewOutput>> {
  const externalId = reviewDocumentId(input.itemId);
  const title = input.question.length > TITLE_CHARS ? `${input.question.slice(0, TITLE_CHARS - 1)}…` : input.question;
  const { jobId, sourceId } = await ctx.knowledge.upsertArticles(ctx.tenantId, REVIEWED_SOURCE, [
    { id: externalId, title, body: `${input.question}\n\n${input.answer}`, tags: ['reviewed'] },
  ]);
  await ctx.knowledge.ingest.settled(jobId);
  // The search index follows the change feed on its own poll; catch it up now so the answer is found at once.
  await ctx.knowledge.indexes.settle();
  const report = await ctx.knowledge.job(ctx.tenantId, jobId);
  const error = report.errors[0];
  if (report.status !== 'succeeded' || error !== undefined)
    throw new TRPCError({ code: 'BAD_REQUEST', message: `The answer could not be stored: ${error?.message ?? report.status}` });
  const docs = await ctx.knowledge.listDocuments(ctx.tenantId, { sourceId, limit: 500, offset: 0 });
  const doc = docs.find((d) => d.externalId === externalId);
  if (doc === undefined) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'The approved answer was not stored' });
  return { documentId: doc.id, title: doc.title };
}
