import { router } from '../../trpc/init.js';
import { leads } from '../../trpc/procedures.js';
import { approveReviewHandler } from './approve.handler.js';
import { approveReviewInput, approveReviewOutput } from './approve.schema.js';
import { listReviewHandler } from './list.handler.js';
import { listReviewInput, listReviewOutput } from './list.schema.js';
import { rejectReviewHandler } from './reject.handler.js';
import { rejectReviewInput, rejectReviewOutput } from './reject.schema.js';

/** The console's review queue: answers to check before they teach the copilot. */
export const reviewRouter = router({
  list: leads.input(listReviewInput).output(listReviewOutput).query(listReviewHandler),
  approve: leads.input(approveReviewInput).output(approveReviewOutput).mutation(approveReviewHandler),
  reject: leads.input(rejectReviewInput).output(rejectReviewOutput).mutation(rejectReviewHandler),
});
