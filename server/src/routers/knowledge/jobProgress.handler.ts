/** Streams a job's progress until it ends; resumable (events carry tracked ids). */
import { tracked, type TrackedEnvelope } from '@trpc/server';
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { jobProgressEvent, jobProgressInput } from './jobProgress.schema.js';

export async function* jobProgressHandler({
  ctx,
  input,
  signal,
}: HandlerOptions<z.output<typeof jobProgressInput>>): AsyncGenerator<TrackedEnvelope<z.output<typeof jobProgressEvent>>> {
  for await (const [id, progress] of ctx.knowledge.jobProgress(ctx.tenantId, input.jobId, signal)) yield tracked(id, progress);
}
