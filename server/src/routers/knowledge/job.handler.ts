/** An ingestion job's progress, per-document errors, and what an interrupted job never stored. */
import type { HandlerOptions } from '../../trpc/procedures.js';

export const jobHandler = ({ ctx, input }: HandlerOptions<{ jobId: string }>) => ctx.knowledge.job(ctx.tenantId, input.jobId);
