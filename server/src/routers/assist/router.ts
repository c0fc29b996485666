import { router } from '../../trpc/init.js';
import { admins, agents, leads } from '../../trpc/procedures.js';
import { followDraftHandler } from './draft.handler.js';
import { followDraftInput } from './draft.schema.js';
import { feedbackHandler } from './feedback.handler.js';
import { feedbackInput, feedbackOutput } from './feedback.schema.js';
import { getPolicyHandler } from './policy/get.handler.js';
import { getPolicyOutput } from './policy/get.schema.js';
import { setPolicyHandler } from './policy/set.handler.js';
import { setPolicyInput, setPolicyOutput } from './policy/set.schema.js';
import { reviewThresholdHandler } from './reviewThreshold.handler.js';
import { reviewThresholdOutput } from './reviewThreshold.schema.js';
import { startDraftHandler } from './start.handler.js';
import { startDraftInput, startDraftOutput } from './start.schema.js';
import { draftStatsHandler } from './stats.handler.js';
import { draftStatsOutput } from './stats.schema.js';

export const assistRouter = router({
  /** Starts a draft for a ticket (a POST: tickets are too large for a subscription URL). */
  start: agents.input(startDraftInput).output(startDraftOutput).mutation(startDraftHandler),
  /** This process's draft counters and the workspace's feedback counts. */
  stats: leads.output(draftStatsOutput).query(draftStatsHandler),
  /** The confidence below which drafts are marked for review: the shipped default, or the workspace's own once its feedback chose one. */
  reviewThreshold: leads.output(reviewThresholdOutput).query(reviewThresholdHandler),
  /** The agent's rating of a draft and/or what became of it; repeated reports for one draft merge. */
  feedback: agents.input(feedbackInput).output(feedbackOutput).mutation(feedbackHandler),
  /** Streams a draft's `DraftEvent`s (by id, or for a ticket given inline); resumable with the last tracked event id. */
  draft: agents.input(followDraftInput).subscription(followDraftHandler),
  /** The workspace's assist policy: whether knowledge passages flagged as possible injections are left out of drafts (default: marked, kept). */
  policy: router({
    get: admins.output(getPolicyOutput).query(getPolicyHandler),
    set: admins.input(setPolicyInput).output(setPolicyOutput).mutation(setPolicyHandler),
  }),
});
