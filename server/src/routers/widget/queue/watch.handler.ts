/** Changes in the workspace's widget conversations as they happen (after a reconnect, list the queue again). */
import { tracked, type TrackedEnvelope } from '@trpc/server';
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { watchQueueEvent, watchQueueInput } from './watch.schema.js';

export async function* watchQueueHandler({
  ctx,
  signal,
}: HandlerOptions<z.output<typeof watchQueueInput>>): AsyncGenerator<TrackedEnvelope<z.output<typeof watchQueueEvent>>> {
  for await (const [id, change] of ctx.widget.queue.watch(ctx.tenantId, signal ?? new AbortController().signal)) yield tracked(id, change);
}
