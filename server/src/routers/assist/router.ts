import { procedureFor, router } from '../../trpc/init.js';
import { followDraftHandler } from './draft.handler.js';
import { followDraftInput, startDraftInput, startDraftOutput } from './draft.schema.js';

const anyone = procedureFor('admin', 'lead', 'agent');

export const assistRouter = router({
  /** Starts a draft for a ticket (a POST: tickets are too large for a subscription URL). */
  start: anyone
    .input(startDraftInput)
    .output(startDraftOutput)
    .mutation(({ ctx, input }) => ({
      draftId: ctx.assist.start(ctx.tenantId, input.ticket, { ...input.options, requestId: ctx.requestId }),
    })),
  /** Streams the draft's `DraftEvent`s; resumable with the last tracked event id. */
  draft: anyone
    .input(followDraftInput)
    .subscription(({ ctx, input, signal }) => followDraftHandler(ctx.assist, ctx.tenantId, input, signal)),
});
