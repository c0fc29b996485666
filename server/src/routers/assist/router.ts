import { procedureFor, router } from '../../trpc/init.js';
import { followDraftHandler } from './draft.handler.js';
import { draftStatsOutput, followDraftInput, startDraftInput, startDraftOutput } from './draft.schema.js';
import { draftStatsHandler, feedbackHandler } from './feedback.handler.js';
import { feedbackInput, feedbackOutput } from './feedback.schema.js';

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
  /**
   * Drafts started, flagged for review, answered by the fallback drafter, failed (this process, this
   * workspace), and the workspace's feedback: rated helpful or not, sent as is, sent edited, discarded.
   */
  stats: leads.output(draftStatsOutput).query(({ ctx }) => draftStatsHandler(ctx.store, ctx.tenantId, ctx.assist.counters(ctx.tenantId))),
  /** The agent's rating of a draft and/or what became of it; repeated reports for one draft merge. */
  feedback: anyone
    .input(feedbackInput)
    .output(feedbackOutput)
    .mutation(({ ctx, input }) => feedbackHandler(ctx.store, ctx.principal, input)),
  /** Streams a draft's `DraftEvent`s (by id, or for a ticket given inline); resumable with the last tracked event id. */
  draft: anyone
    .input(followDraftInput)
    .subscription(({ ctx, input, signal }) => followDraftHandler(ctx.assist, ctx.tenantId, ctx.requestId, input, signal)),
});
