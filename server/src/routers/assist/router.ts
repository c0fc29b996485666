import { procedureFor, router } from '../../trpc/init.js';
import { followDraftHandler } from './draft.handler.js';
import { draftStatsOutput, followDraftInput, startDraftInput, startDraftOutput } from './draft.schema.js';

const anyone = procedureFor('admin', 'lead', 'agent');
const leads = procedureFor('admin', 'lead');

export const assistRouter = router({
  /** Starts a draft for a ticket (a POST: tickets are too large for a subscription URL). */
  start: anyone
    .input(startDraftInput)
    .output(startDraftOutput)
    .mutation(({ ctx, input }) => ({
      draftId: ctx.assist.start(ctx.tenantId, input.ticket, { ...input.options, requestId: ctx.requestId }),
    })),
  /** Streams a draft's `DraftEvent`s (by id, or for a ticket given inline); resumable with the last tracked event id. */
  /** Drafts started, flagged for review, answered by the fallback drafter, failed: this process, this workspace. */
  stats: leads.output(draftStatsOutput).query(({ ctx }) => ctx.assist.counters(ctx.tenantId)),
  draft: anyone
    .input(followDraftInput)
    .subscription(({ ctx, input, signal }) => followDraftHandler(ctx.assist, ctx.tenantId, ctx.requestId, input, signal)),
});
