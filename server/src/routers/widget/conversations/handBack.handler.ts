/** Gives the conversation back to the AI: it answers the visitor's next message. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { handBackInput } from './handBack.schema.js';

export const handBackHandler = ({ ctx, input }: HandlerOptions<z.output<typeof handBackInput>>) =>
  ctx.widget.queue.handBack(ctx.principal, input.conversationId);
