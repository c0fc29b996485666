/** The extension says whether a requested draft landed in the composer. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { ackInput, ackOutput } from './ack.schema.js';

export function ackHandler({ ctx, input }: HandlerOptions<z.output<typeof ackInput>>): z.output<typeof ackOutput> {
  return ctx.presence.acknowledge(ctx.principal, input);
}
