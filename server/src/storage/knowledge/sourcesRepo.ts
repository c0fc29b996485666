/**
 * Knowledge sources: where a tenant's documents come from (uploads, URLs, a help centre), with
 * their settings and when a URL source was last crawled.
 */
import type { Source, SourceKind } from '@tandem/shared';
import type { Database } from '../database.js';
import { newId } from '../ids.js';

interface SourceRow extends Record<string, unknown> {
  id: string;
  kind: SourceKind;
  name: string;
  location: string | null;
  created_at: Date | string;
  last_synced_at: Date | string | null;
}

const SOURCE_COLUMNS = 'id, kind, name, location, created_at, last_synced_at';

const toSource = (r: SourceRow): Source => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  ...(r.location === null ? {} : { location: r.location }),
  createdAt: new Date(r.created_at).toISOString(),
  lastSyncedAt: r.last_synced_at === null ? null : new Date(r.last_synced_at).toISOString(),
});

export function knowledgeSourcesRepo(db: Database) {
  return {
    async ensureSource(
      tenantId: string,
      kind: SourceKind,
      name: string,
      location?: string,
      settings: Record<string, unknown> = {},
    ): Promise<Source> {
      const rows = await db.query<SourceRow>(
        `insert into knowledge_sources (id, tenant_id, kind, name, location, settings) values ($1, $2, $3, $4, $5, $6)
         on conflict (tenant_id, kind, name) do update set location = coalesce(excluded.location, knowledge_sources.location),
           settings = knowledge_sources.settings || excluded.settings
         returning ${SOURCE_COLUMNS}`,
        [newId('src'), tenantId, kind, name, location ?? null, JSON.stringify(settings)],
      );
      return toSource(rows[0] as SourceRow);
    },

    async listSources(tenantId: string): Promise<Source[]> {
      const rows = await db.query<SourceRow>(
        `select ${SOURCE_COLUMNS} from knowledge_sources where tenant_id = $1 order by created_at, id`,
        [tenantId],
      );
      return rows.map(toSource);
    },

    async getSource(tenantId: string, sourceId: string): Promise<(Source & { settings: Record<string, unknown> }) | undefined> {
      const rows = await db.query<SourceRow & { settings: Record<string, unknown> }>(
        `select ${SOURCE_COLUMNS}, settings from knowledge_sources where tenant_id = $1 and id = $2`,
        [tenantId, sourceId],
      );
      const r = rows[0];
      return r === undefined ? undefined : { ...toSource(r), settings: r.settings };
    },

    /** URL sources whose re-sync interval has passed (and that are not syncing now). */
    async dueUrlSources(): Promise<{ tenantId: string; sourceId: string }[]> {
      const rows = await db.query<{ tenant_id: string; id: string }>(
        `select s.tenant_id, s.id from knowledge_sources s
         where s.kind = 'url' and (s.settings->>'resyncMinutes') is not null
           and coalesce(s.last_synced_at, s.created_at) + make_interval(mins => (s.settings->>'resyncMinutes')::int) < now()
           and not exists (select 1 from ingest_jobs j where j.source_id = s.id and j.status = 'running')`,
      );
      return rows.map((r) => ({ tenantId: r.tenant_id, sourceId: r.id }));
    },

    async markSourceSynced(sourceId: string): Promise<void> {
      await db.query('update knowledge_sources set last_synced_at = now() where id = $1', [sourceId]);
    },
  };
}
export type KnowledgeSourcesRepo = ReturnType<typeof knowledgeSourcesRepo>;
