/** A presence now and after every change: the desktop Copilot screen follows its own user, a lead an agent. */
import { tracked, type TrackedEnvelope } from '@trpc/server';
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { followEvent, followInput } from './follow.schema.js';

export async function* followHandler({
  ctx,
  input,
  signal,
}: HandlerOptions<z.output<typeof followInput>>): AsyncGenerator<TrackedEnvelope<z.output<typeof followEvent>>> {
  for await (const snapshot of ctx.presence.follow(ctx.principal, input.userId, signal)) yield tracked(String(snapshot.seq), snapshot);
}
