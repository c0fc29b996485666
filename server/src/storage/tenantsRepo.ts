/**
 * Workspaces (tenants). Every other table hangs off a tenant id.
 */
import type { Workspace } from '@tandem/shared';
import type { SqlExecutor } from './database.js';

interface TenantRow extends Record<string, unknown> {
  id: string;
  name: string;
  created_at: Date | string;
}

const toWorkspace = (r: TenantRow): Workspace => ({ id: r.id, name: r.name, createdAt: new Date(r.created_at).toISOString() });

export function tenantsRepo(db: SqlExecutor) {
  return {
    async create(id: string, name: string): Promise<Workspace> {
      const rows = await db.query<TenantRow>('insert into tenants (id, name) values ($1, $2) returning id, name, created_at', [id, name]);
      return toWorkspace(rows[0] as TenantRow);
    },
    async get(id: string): Promise<Workspace | undefined> {
      const rows = await db.query<TenantRow>('select id, name, created_at from tenants where id = $1', [id]);
      return rows[0] === undefined ? undefined : toWorkspace(rows[0]);
    },
    async count(): Promise<number> {
      const rows = await db.query<{ n: number }>('select count(*)::int as n from tenants');
      return rows[0]?.n ?? 0;
    },
  };
}
export type TenantsRepo = ReturnType<typeof tenantsRepo>;
