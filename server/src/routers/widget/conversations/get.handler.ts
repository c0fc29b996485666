/** A widget conversation with everything to answer it: transcript, analysis, live context, the change asked for, the rating. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { getConversationInput } from './get.schema.js';

export const getConversationHandler = ({ ctx, input }: HandlerOptions<z.output<typeof getConversationInput>>) =>
  ctx.widget.queue.get(ctx.tenantId, input.conversationId);
