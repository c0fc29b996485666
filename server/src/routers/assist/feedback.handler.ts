/**
 * What agents thought of drafts and what became of them: reports merge per draft, and leads see
 * the counts beside the draft counters in `assist.stats`.
 */
import type { DraftFeedback, Principal } from '@tandem/shared';
import type { z } from 'zod';
import type { DraftCounters } from '../../assist/assistEngine.js';
import type { Store } from '../../storage/store.js';
import type { draftStatsOutput } from './draft.schema.js';
import type { feedbackOutput } from './feedback.schema.js';

/**
 * Drafts live in memory for minutes, an outcome can come much later (the reply is sent after
 * edits), so the draft id is not checked against running drafts; rows are scoped by tenant.
 */
export async function feedbackHandler(store: Store, principal: Principal, input: DraftFeedback): Promise<z.output<typeof feedbackOutput>> {
  const stored = await store.feedback.record({
    tenantId: principal.tenantId,
    draftId: input.draftId,
    tokenId: principal.tokenId,
    rating: input.rating,
    outcome: input.outcome,
    keptRatio: input.keptRatio,
  });
  return {
    draftId: stored.draftId,
    rating: stored.rating,
    outcome: stored.outcome,
    keptRatio: stored.keptRatio,
    updatedAt: stored.updatedAt,
  };
}

export async function draftStatsHandler(
  store: Store,
  tenantId: string,
  counters: DraftCounters,
): Promise<z.output<typeof draftStatsOutput>> {
  return { ...counters, ...(await store.feedback.counts(tenantId)) };
}
