/**
 * The knowledge change feed: one row per stored version, vector fill and deletion, numbered by a
 * monotonic cursor (`seq`) that every search index and client cache follows. Old rows are pruned:
 * a row another row of the same document supersedes tells a reader nothing it will not learn from
 * the newer one, but a pruned deletion is news a lagging reader can no longer get, so each tenant
 * keeps a horizon (its newest pruned deletion) below which a reader must start over.
 */
import type { Database, SqlExecutor } from '../database.js';

export type KnowledgeChangeOp = 'upsert' | 'delete' | 'vectors';

export interface KnowledgeChange {
  seq: number;
  tenantId: string;
  documentId: string;
  op: KnowledgeChangeOp;
  version: number;
}

/** Where a tenant's feed stands, read in one round trip. */
export interface FeedState {
  /** The store's data epoch: cursors are meaningful only within it (a wiped data dir gets another). */
  epoch: string;
  /** The tenant's newest change (0 without any). */
  latestSeq: number;
  /** The tenant's newest pruned deletion (0 while none was pruned): a cursor below it may have missed one. */
  horizon: number;
}

/** Appends one change inside the caller's transaction, so the feed never disagrees with the data. */
export async function appendChange(
  tx: SqlExecutor,
  change: { tenantId: string; documentId: string; op: KnowledgeChangeOp; version: number },
): Promise<void> {
  await tx.query('insert into knowledge_changes (tenant_id, document_id, op, version) values ($1, $2, $3, $4)', [
    change.tenantId,
    change.documentId,
    change.op,
    change.version,
  ]);
}

// bigint columns come back as strings or numbers depending on the driver.
type SeqValue = string | number | bigint | null;

export function knowledgeChangeFeedRepo(db: Database) {
  return {
    /** The newest change's cursor: across tenants (index followers), or one tenant's (sync progress). */
    async latestChangeSeq(tenantId?: string): Promise<number> {
      const rows = await db.query<{ seq: SeqValue }>(
        'select max(seq) as seq from knowledge_changes where ($1::text is null or tenant_id = $1)',
        [tenantId ?? null],
      );
      return Number(rows[0]?.seq ?? 0);
    },

    async changesSince(cursor: number, limit: number, tenantId?: string): Promise<KnowledgeChange[]> {
      const rows = await db.query<{ seq: SeqValue; tenant_id: string; document_id: string; op: KnowledgeChangeOp; version: number }>(
        `select seq, tenant_id, document_id, op, version from knowledge_changes where seq > $1 and ($3::text is null or tenant_id = $3)
         order by seq limit $2`,
        [cursor, limit, tenantId ?? null],
      );
      return rows.map((r) => ({ seq: Number(r.seq), tenantId: r.tenant_id, documentId: r.document_id, op: r.op, version: r.version }));
    },

    async feedState(tenantId: string): Promise<FeedState> {
      const rows = await db.query<{ epoch: string; latest: SeqValue; horizon: SeqValue }>(
        `select (select epoch from store_identity) as epoch,
                (select max(seq) from knowledge_changes where tenant_id = $1) as latest,
                (select seq from knowledge_feed_horizons where tenant_id = $1) as horizon`,
        [tenantId],
      );
      const row = rows[0];
      if (row === undefined) throw new Error('The store has no identity row: its migrations did not run');
      return { epoch: row.epoch, latestSeq: Number(row.latest ?? 0), horizon: Number(row.horizon ?? 0) };
    },

    /** Every tenant's horizon that is above 0, for index followers spanning tenants. */
    async feedHorizons(): Promise<Map<string, number>> {
      const rows = await db.query<{ tenant_id: string; seq: SeqValue }>('select tenant_id, seq from knowledge_feed_horizons');
      return new Map(rows.map((r) => [r.tenant_id, Number(r.seq)]));
    },

    /**
     * Deletes change rows written before `before` that are superseded by a newer row of the same
     * document, and deletion rows written before it; raises each tenant's horizon to its newest
     * pruned deletion. Every document still stored keeps its newest row, so a reader from cursor 0
     * still meets all of them. Returns how many rows went.
     */
    async pruneChanges(before: Date): Promise<number> {
      const rows = await db.query<{ pruned: number }>(
        `with pruned as (
           delete from knowledge_changes c
           where c.at < $1 and (c.op = 'delete' or exists (
             select 1 from knowledge_changes n where n.document_id = c.document_id and n.seq > c.seq))
           returning c.tenant_id, c.seq, c.op
         ), raised as (
           insert into knowledge_feed_horizons (tenant_id, seq)
           select tenant_id, max(seq) from pruned where op = 'delete' group by tenant_id
           on conflict (tenant_id) do update set seq = greatest(knowledge_feed_horizons.seq, excluded.seq)
           returning 1
         )
         select (select count(*)::int from pruned) as pruned`,
        [before.toISOString()],
      );
      return rows[0]?.pruned ?? 0;
    },
  };
}
export type KnowledgeChangeFeedRepo = ReturnType<typeof knowledgeChangeFeedRepo>;
