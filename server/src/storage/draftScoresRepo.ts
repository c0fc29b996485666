/**
 * The confidence each draft was given and by which confidence model, so a workspace's review
 * threshold can be chosen from its own drafts once agents have rated enough of them: `labelled`
 * joins the scores with the agents' feedback (draft_feedback) for one model version.
 */
import type { SqlExecutor } from './database.js';
import type { DraftOutcome, DraftRating } from './feedbackRepo.js';

export interface ScoredFeedback {
  confidence: number;
  rating: DraftRating | null;
  outcome: DraftOutcome | null;
  keptRatio: number | null;
}

interface ScoredRow extends Record<string, unknown> {
  confidence: number;
  rating: DraftRating | null;
  outcome: DraftOutcome | null;
  kept_ratio: number | null;
}

export function draftScoresRepo(db: SqlExecutor) {
  return {
    /** Records a draft's confidence; a draft scored again (a resumed run) keeps its first score. */
    async record(tenantId: string, draftId: string, confidence: number, modelVersion: string): Promise<void> {
      await db.query(
        `insert into draft_scores (tenant_id, draft_id, confidence, model_version) values ($1, $2, $3, $4)
         on conflict (tenant_id, draft_id) do nothing`,
        [tenantId, draftId, confidence, modelVersion],
      );
    },

    /** The newest `limit` drafts scored by `modelVersion` that agents rated or sent, discarded or edited. */
    async labelled(tenantId: string, modelVersion: string, limit: number): Promise<ScoredFeedback[]> {
      const rows = await db.query<ScoredRow>(
        `select s.confidence, f.rating, f.outcome, f.kept_ratio
         from draft_scores s join draft_feedback f on f.tenant_id = s.tenant_id and f.draft_id = s.draft_id
         where s.tenant_id = $1 and s.model_version = $2
         order by s.created_at desc
         limit $3`,
        [tenantId, modelVersion, limit],
      );
      return rows.map((r) => ({
        confidence: Number(r.confidence),
        rating: r.rating,
        outcome: r.outcome,
        keptRatio: r.kept_ratio === null ? null : Number(r.kept_ratio),
      }));
    },
  };
}
export type DraftScoresRepo = ReturnType<typeof draftScoresRepo>;
