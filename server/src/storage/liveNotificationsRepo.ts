/**
 * Notifications fired by proactive triggers. The occurrence key is unique per workspace, so a
 * trigger evaluated again (another event, a restart, a second node) fires each occurrence once.
 */
import type { SqlExecutor } from './database.js';

export interface StoredNotification {
  seq: number;
  tenantId: string;
  occurrenceKey: string;
  kind: string;
  customerKey: string;
  title: string;
  detail: string;
  at: string;
}

interface NotificationRow extends Record<string, unknown> {
  seq: string | number;
  tenant_id: string;
  occurrence_key: string;
  kind: string;
  customer_key: string;
  title: string;
  detail: string;
  at: Date | string;
}

const COLUMNS = 'seq, tenant_id, occurrence_key, kind, customer_key, title, detail, at';

const toNotification = (r: NotificationRow): StoredNotification => ({
  seq: Number(r.seq),
  tenantId: r.tenant_id,
  occurrenceKey: r.occurrence_key,
  kind: r.kind,
  customerKey: r.customer_key,
  title: r.title,
  detail: r.detail,
  at: new Date(r.at).toISOString(),
});

export function liveNotificationsRepo(db: SqlExecutor) {
  return {
    /** Stores the notification unless that occurrence already fired; returns it only when new. */
    async fireOnce(n: Omit<StoredNotification, 'seq'>): Promise<StoredNotification | undefined> {
      const rows = await db.query<NotificationRow>(
        `insert into live_notifications (tenant_id, occurrence_key, kind, customer_key, title, detail, at)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (tenant_id, occurrence_key) do nothing returning ${COLUMNS}`,
        [n.tenantId, n.occurrenceKey, n.kind, n.customerKey, n.title, n.detail, n.at],
      );
      return rows[0] === undefined ? undefined : toNotification(rows[0]);
    },
    /** A workspace's notifications after `cursor` (a seq; 0 for all), oldest first. */
    async since(tenantId: string, cursor: number, limit: number): Promise<StoredNotification[]> {
      const rows = await db.query<NotificationRow>(
        `select ${COLUMNS} from live_notifications where tenant_id = $1 and seq > $2 order by seq limit $3`,
        [tenantId, cursor, limit],
      );
      return rows.map(toNotification);
    },
  };
}
export type LiveNotificationsRepo = ReturnType<typeof liveNotificationsRepo>;
