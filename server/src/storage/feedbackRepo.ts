/**
 * Draft feedback: one row per draft and tenant, merged as the agent's verdicts arrive (a rating
 * when they read the draft, an outcome when they send or discard it), and the per-tenant counts
 * leads see in `assist.stats`.
 */
import type { DraftFeedback } from '@tandem/shared';
import { appendAnalyticsEvent } from './analytics/analyticsEventsRepo.js';
import { draftOutcomeEvent } from './analytics/copilotAnalyticsEvents.js';
import { inTransaction } from './analytics/inTransaction.js';
import type { Database, SqlExecutor } from './database.js';

export type DraftRating = NonNullable<DraftFeedback['rating']>;
export type DraftOutcome = NonNullable<DraftFeedback['outcome']>;

export interface FeedbackInput {
  tenantId: string;
  draftId: string;
  /** The token that reported it (the latest reporter when several did). */
  tokenId: string;
  rating?: DraftRating | undefined;
  outcome?: DraftOutcome | undefined;
  keptRatio?: number | undefined;
}

export interface StoredFeedback {
  draftId: string;
  tokenId: string;
  rating: DraftRating | null;
  outcome: DraftOutcome | null;
  keptRatio: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface FeedbackCounts {
  helpful: number;
  notHelpful: number;
  sentAsIs: number;
  sentEdited: number;
  discarded: number;
}

interface FeedbackRow extends Record<string, unknown> {
  draft_id: string;
  token_id: string;
  rating: DraftRating | null;
  outcome: DraftOutcome | null;
  kept_ratio: number | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const toFeedback = (r: FeedbackRow): StoredFeedback => ({
  draftId: r.draft_id,
  tokenId: r.token_id,
  rating: r.rating,
  outcome: r.outcome,
  keptRatio: r.kept_ratio === null ? null : Number(r.kept_ratio),
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const FEEDBACK_COLUMNS = 'draft_id, token_id, rating, outcome, kept_ratio, created_at, updated_at';

export function feedbackRepo(db: SqlExecutor | Database) {
  return {
    /**
     * Records feedback for a draft, merged with what was reported before: a value given replaces
     * the earlier one, a value left out keeps it. The kept ratio describes an outcome, so a new
     * outcome brings its own ratio (or none) instead of inheriting the old outcome's.
     */
    async record(input: FeedbackInput): Promise<StoredFeedback> {
      // An outcome is an analytics event (draft inserted, edited, discarded), stored with it.
      return inTransaction(db, async (tx) => {
        const rows = await tx.query<FeedbackRow>(
          `insert into draft_feedback (tenant_id, draft_id, token_id, rating, outcome, kept_ratio) values ($1, $2, $3, $4, $5, $6)
         on conflict (tenant_id, draft_id) do update set
           token_id = excluded.token_id,
           rating = coalesce(excluded.rating, draft_feedback.rating),
           outcome = coalesce(excluded.outcome, draft_feedback.outcome),
           kept_ratio = case when excluded.outcome is not null then excluded.kept_ratio
                             else coalesce(excluded.kept_ratio, draft_feedback.kept_ratio) end,
           updated_at = now()
         returning ${FEEDBACK_COLUMNS}`,
          [input.tenantId, input.draftId, input.tokenId, input.rating ?? null, input.outcome ?? null, input.keptRatio ?? null],
        );
        const stored = toFeedback(rows[0] as FeedbackRow);
        if (input.outcome !== undefined) {
          const event = draftOutcomeEvent({
            tenantId: input.tenantId,
            draftId: input.draftId,
            tokenId: input.tokenId,
            outcome: input.outcome,
            keptRatio: stored.keptRatio,
            at: stored.updatedAt,
          });
          await appendAnalyticsEvent(tx, event);
        }
        return stored;
      });
    },

    async get(tenantId: string, draftId: string): Promise<StoredFeedback | undefined> {
      const rows = await db.query<FeedbackRow>(`select ${FEEDBACK_COLUMNS} from draft_feedback where tenant_id = $1 and draft_id = $2`, [
        tenantId,
        draftId,
      ]);
      return rows[0] === undefined ? undefined : toFeedback(rows[0]);
    },

    async counts(tenantId: string): Promise<FeedbackCounts> {
      const rows = await db.query<{
        helpful: number;
        not_helpful: number;
        sent_as_is: number;
        sent_edited: number;
        discarded: number;
      }>(
        `select count(*) filter (where rating = 'helpful')::int as helpful,
                count(*) filter (where rating = 'not-helpful')::int as not_helpful,
                count(*) filter (where outcome = 'sent-as-is')::int as sent_as_is,
                count(*) filter (where outcome = 'sent-edited')::int as sent_edited,
                count(*) filter (where outcome = 'discarded')::int as discarded
         from draft_feedback where tenant_id = $1`,
        [tenantId],
      );
      const r = rows[0];
      return {
        helpful: r?.helpful ?? 0,
        notHelpful: r?.not_helpful ?? 0,
        sentAsIs: r?.sent_as_is ?? 0,
        sentEdited: r?.sent_edited ?? 0,
        discarded: r?.discarded ?? 0,
      };
    },
  };
}
export type FeedbackRepo = ReturnType<typeof feedbackRepo>;
