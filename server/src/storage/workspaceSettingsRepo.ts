/**
 * Workspace settings: one JSON value per workspace and key (the assist policy is the first).
 * The repository stores and returns values as they are; each caller validates its own key's
 * shape with zod, so a new setting needs no migration. Reads are cached per process for a short
 * while (workspaceSettingsCache.ts): a write here is seen at once by this process, a write on
 * another node within the cache's TTL (2 s).
 */
import type { SqlExecutor } from './database.js';
import { settingsCache, type SettingsCacheOptions } from './workspaceSettingsCache.js';

interface SettingRow extends Record<string, unknown> {
  value: unknown;
  updated_at: Date | string;
}

export interface StoredSetting {
  value: unknown;
  updatedAt: string;
}

export function workspaceSettingsRepo(db: SqlExecutor, cacheOptions: SettingsCacheOptions = {}) {
  const cache = settingsCache<StoredSetting | undefined>(cacheOptions);
  const load = async (tenantId: string, key: string): Promise<StoredSetting | undefined> => {
    const rows = await db.query<SettingRow>('select value, updated_at from workspace_settings where tenant_id = $1 and key = $2', [
      tenantId,
      key,
    ]);
    const row = rows[0];
    return row === undefined ? undefined : { value: row.value, updatedAt: new Date(row.updated_at).toISOString() };
  };
  return {
    /** The stored value of `key` for the workspace; undefined when it was never set. */
    async get(tenantId: string, key: string): Promise<StoredSetting | undefined> {
      const stored = await cache.read(tenantId, key, () => load(tenantId, key));
      // Every caller gets its own copy: one that changes the value must not change the cache.
      return stored === undefined ? undefined : structuredClone(stored);
    },
    /** Replaces the value of `key` for the workspace (the last write wins). */
    async put(tenantId: string, key: string, value: unknown): Promise<StoredSetting> {
      const rows = await db.query<SettingRow>(
        `insert into workspace_settings (tenant_id, key, value) values ($1, $2, $3::jsonb)
         on conflict (tenant_id, key) do update set value = excluded.value, updated_at = now()
         returning value, updated_at`,
        [tenantId, key, JSON.stringify(value)],
      );
      const row = rows[0] as SettingRow;
      cache.invalidate(tenantId, key);
      return { value: row.value, updatedAt: new Date(row.updated_at).toISOString() };
    },
  };
}
export type WorkspaceSettingsRepo = ReturnType<typeof workspaceSettingsRepo>;
