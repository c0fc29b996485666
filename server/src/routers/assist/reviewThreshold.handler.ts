/**
 * The confidence below which the workspace's drafts are marked for review: the shipped default
 * until agents have rated enough drafts, then one chosen from their verdicts (leads only).
 */
import type { HandlerOptions } from '../../trpc/procedures.js';

export const reviewThresholdHandler = ({ ctx }: HandlerOptions) => ctx.assist.reviewThreshold(ctx.tenantId);
