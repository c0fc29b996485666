/** Starts a draft for a ticket (a POST: tickets are too large for a subscription URL); returns the id to follow. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { startDraftInput, startDraftOutput } from './start.schema.js';

export function startDraftHandler({ ctx, input }: HandlerOptions<z.output<typeof startDraftInput>>): z.output<typeof startDraftOutput> {
  return { draftId: ctx.assist.start(ctx.tenantId, input.ticket, { ...input.options, requestId: ctx.requestId }) };
}
