/**
 * Ingestion jobs as stored: the items asked for, the ones acknowledged (their documents are
 * stored), and the per-item errors. A job found `running` after a crash is `interrupted`, and
 * the items neither done nor failed are what to retry.
 */
import type { IngestDocumentError, IngestProgress } from '@tandem/shared';
import type { SqlExecutor } from './database.js';

export type IngestJobStatus = IngestProgress['status'] | 'interrupted';

export interface StoredIngestJob {
  id: string;
  tenantId: string;
  sourceId: string | null;
  status: IngestJobStatus;
  items: string[];
  done: string[];
  errors: IngestDocumentError[];
  bytesDone: number;
  createdAt: string;
  finishedAt: string | null;
}

interface JobRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  source_id: string | null;
  status: IngestJobStatus;
  items: string[];
  done: string[];
  errors: IngestDocumentError[];
  bytes_done: string | number;
  created_at: Date | string;
  finished_at: Date | string | null;
}

const COLUMNS = 'id, tenant_id, source_id, status, items, done, errors, bytes_done, created_at, finished_at';

const toJob = (r: JobRow): StoredIngestJob => ({
  id: r.id,
  tenantId: r.tenant_id,
  sourceId: r.source_id,
  status: r.status,
  items: r.items,
  done: r.done,
  errors: r.errors,
  bytesDone: Number(r.bytes_done),
  createdAt: new Date(r.created_at).toISOString(),
  finishedAt: r.finished_at === null ? null : new Date(r.finished_at).toISOString(),
});

export function ingestJobsRepo(db: SqlExecutor) {
  return {
    async create(job: { id: string; tenantId: string; sourceId: string | null; items: string[] }): Promise<StoredIngestJob> {
      const rows = await db.query<JobRow>(
        `insert into ingest_jobs (id, tenant_id, source_id, status, items) values ($1, $2, $3, 'running', $4) returning ${COLUMNS}`,
        [job.id, job.tenantId, job.sourceId, JSON.stringify(job.items)],
      );
      return toJob(rows[0] as JobRow);
    },
    /** Items discovered while running (crawled pages) join the job's list. */
    async addItems(jobId: string, items: string[]): Promise<void> {
      await db.query('update ingest_jobs set items = items || $2::jsonb, updated_at = now() where id = $1', [jobId, JSON.stringify(items)]);
    },
    async recordError(jobId: string, error: IngestDocumentError): Promise<void> {
      await db.query('update ingest_jobs set errors = errors || $2::jsonb, updated_at = now() where id = $1', [
        jobId,
        JSON.stringify([error]),
      ]);
    },
    async finish(jobId: string, status: 'succeeded' | 'failed' | 'cancelled'): Promise<void> {
      await db.query('update ingest_jobs set status = $2, finished_at = now(), updated_at = now() where id = $1', [jobId, status]);
    },
    async get(tenantId: string, jobId: string): Promise<StoredIngestJob | undefined> {
      const rows = await db.query<JobRow>(`select ${COLUMNS} from ingest_jobs where tenant_id = $1 and id = $2`, [tenantId, jobId]);
      return rows[0] === undefined ? undefined : toJob(rows[0]);
    },
    async list(tenantId: string, limit: number): Promise<StoredIngestJob[]> {
      const rows = await db.query<JobRow>(`select ${COLUMNS} from ingest_jobs where tenant_id = $1 order by created_at desc, id limit $2`, [
        tenantId,
        limit,
      ]);
      return rows.map(toJob);
    },
    /** At start: jobs a crash left running can no longer finish; mark them so they report what to retry. */
    async interruptRunning(): Promise<number> {
      const rows = await db.query(
        `update ingest_jobs set status = 'interrupted', updated_at = now() where status = 'running' returning id`,
      );
      return rows.length;
    },
  };
}
export type IngestJobsRepo = ReturnType<typeof ingestJobsRepo>;

/** Items of a job that are neither stored nor failed: what an interrupted job must retry. */
export function pendingItems(job: StoredIngestJob): string[] {
  const settled = new Set([...job.done, ...job.errors.map((e) => e.item)]);
  return job.items.filter((item) => !settled.has(item));
}
