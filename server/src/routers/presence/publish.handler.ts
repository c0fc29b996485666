/** The extension publishes the agent's open ticket and draft; the server redacts it before anyone follows it. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { publishInput, publishOutput } from './publish.schema.js';

export function publishHandler({ ctx, input }: HandlerOptions<z.output<typeof publishInput>>): z.output<typeof publishOutput> {
  return ctx.presence.publish(ctx.principal, input.ticket, input.draft);
}
