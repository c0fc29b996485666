/** Closes the conversation; the visitor is asked to rate it. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { closeInput } from './close.schema.js';

export const closeHandler = ({ ctx, input }: HandlerOptions<z.output<typeof closeInput>>) =>
  ctx.widget.queue.close(ctx.principal, input.conversationId);
