/**
 * Visitors' ratings of widget conversations (CSAT, 1-5 with an optional comment): one per
 * conversation, a second rating replaces the first.
 */
import type { SqlExecutor } from '../database.js';

export interface StoredWidgetRating {
  tenantId: string;
  conversationId: string;
  score: number;
  comment: string | null;
  ratedAt: string;
}

interface RatingRow extends Record<string, unknown> {
  tenant_id: string;
  conversation_id: string;
  score: number;
  comment: string | null;
  rated_at: Date | string;
}

const COLUMNS = 'tenant_id, conversation_id, score, comment, rated_at';

const toRating = (r: RatingRow): StoredWidgetRating => ({
  tenantId: r.tenant_id,
  conversationId: r.conversation_id,
  score: Number(r.score),
  comment: r.comment,
  ratedAt: new Date(r.rated_at).toISOString(),
});

export function widgetRatingsRepo(db: SqlExecutor) {
  return {
    async rate(rating: Omit<StoredWidgetRating, 'ratedAt'>): Promise<StoredWidgetRating> {
      const rows = await db.query<RatingRow>(
        `insert into widget_ratings (tenant_id, conversation_id, score, comment) values ($1, $2, $3, $4)
         on conflict (conversation_id) do update set score = excluded.score, comment = excluded.comment, rated_at = now()
         returning ${COLUMNS}`,
        [rating.tenantId, rating.conversationId, rating.score, rating.comment],
      );
      return toRating(rows[0] as RatingRow);
    },

    async get(tenantId: string, conversationId: string): Promise<StoredWidgetRating | undefined> {
      const rows = await db.query<RatingRow>(`select ${COLUMNS} from widget_ratings where tenant_id = $1 and conversation_id = $2`, [
        tenantId,
        conversationId,
      ]);
      return rows[0] === undefined ? undefined : toRating(rows[0]);
    },
  };
}
export type WidgetRatingsRepo = ReturnType<typeof widgetRatingsRepo>;
