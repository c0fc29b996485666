/** The open ticket's customer, live: their state now, then again after every event about them. */
import { tracked, type TrackedEnvelope } from '@trpc/server';
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { customerStateEvent, customerStateInput } from './customer.schema.js';

export async function* customerStateHandler({
  ctx,
  input,
  signal,
}: HandlerOptions<z.output<typeof customerStateInput>>): AsyncGenerator<TrackedEnvelope<z.output<typeof customerStateEvent>>> {
  for await (const [id, state] of ctx.live.customer(ctx.tenantId, input.customer, signal)) yield tracked(id, state);
}
