/**
 * knowledge.changes: the workspace's change-feed position now, again whenever it moves, and
 * heartbeats; resumable (events carry tracked ids). Clients pull `knowledge.sync` on a nudge.
 */
import { tracked, type TrackedEnvelope } from '@trpc/server';
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { changesEvent, changesInput } from './changes.schema.js';

export async function* changesHandler({
  ctx,
  input,
  signal,
}: HandlerOptions<z.output<typeof changesInput>>): AsyncGenerator<TrackedEnvelope<z.output<typeof changesEvent>>> {
  for await (const [id, event] of ctx.knowledge.changes(ctx.tenantId, input.lastEventId, signal)) yield tracked(id, event);
}
