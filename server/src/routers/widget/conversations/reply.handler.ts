/** A person's reply: it reaches the visitor's widget at once, and the AI stays silent until the conversation is handed back. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { replyInput } from './reply.schema.js';

export const replyHandler = ({ ctx, input }: HandlerOptions<z.output<typeof replyInput>>) =>
  ctx.widget.queue.reply(ctx.principal, input.conversationId, input.text, input.displayName);
