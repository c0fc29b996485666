/**
 * Drafts started, flagged for review, answered by the fallback drafter, failed (this process, this
 * workspace), and the workspace's feedback: rated helpful or not, sent as is, sent edited, discarded.
 */
import type { HandlerOptions } from '../../trpc/procedures.js';

export const draftStatsHandler = ({ ctx }: HandlerOptions) => ctx.assist.stats(ctx.tenantId);
