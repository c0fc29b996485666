/**
 * Visitors' ratings of widget conversations (CSAT, 1-5 with an optional comment): one per
 * conversation, a second rating replaces the first.
 */
import { appendAnalyticsEvent } from '../analytics/analyticsEventsRepo.js';
import { inTransaction } from '../analytics/inTransaction.js';
import { analyticsChannelOf, opaqueCustomerId } from '../analytics/widgetAnalyticsEvents.js';
import type { Database, SqlExecutor } from '../database.js';

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

export function widgetRatingsRepo(db: SqlExecutor | Database) {
  return {
    async rate(rating: Omit<StoredWidgetRating, 'ratedAt'>): Promise<StoredWidgetRating> {
      return inTransaction(db, async (tx) => {
        const rows = await tx.query<RatingRow>(
          `insert into widget_ratings (tenant_id, conversation_id, score, comment) values ($1, $2, $3, $4)
           on conflict (conversation_id) do update set score = excluded.score, comment = excluded.comment, rated_at = now()
           returning ${COLUMNS}`,
          [rating.tenantId, rating.conversationId, rating.score, rating.comment],
        );
        const stored = toRating(rows[0] as RatingRow);
        const conversation = await tx.query<{ visitor_id: string; channel: string; agent_token_id: string | null }>(
          'select visitor_id, channel, agent_token_id from widget_conversations where tenant_id = $1 and id = $2',
          [rating.tenantId, rating.conversationId],
        );
        const c = conversation[0];
        // The first rating is the one counted (CSAT per conversation); a changed rating keeps its row here.
        if (c !== undefined)
          await appendAnalyticsEvent(tx, {
            workspaceId: stored.tenantId,
            channel: analyticsChannelOf(c.channel),
            agentId: c.agent_token_id,
            customerId: opaqueCustomerId(c.visitor_id),
            conversationId: stored.conversationId,
            occurredAt: stored.ratedAt,
            dedupeKey: `wc:${stored.conversationId}:rating`,
            data: { kind: 'rating', score: stored.score },
          });
        return stored;
      });
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
