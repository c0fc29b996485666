/** The agent pauses follow mode: the stored ticket is dropped and nothing more is published until resume. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { pauseOutput } from './pause.schema.js';

export function pauseHandler({ ctx }: HandlerOptions): z.output<typeof pauseOutput> {
  return ctx.presence.pause(ctx.principal);
}
