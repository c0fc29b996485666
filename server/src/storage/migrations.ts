/**
 * Schema migrations, applied in order at start, each in its own transaction and recorded so it
 * runs once. Plain PostgreSQL that both drivers accept; pgvector is optional (see DESIGN).
 */
import type { Database } from './database.js';

interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'tenants and api tokens',
    sql: `
      create table tenants (
        id text primary key,
        name text not null,
        created_at timestamptz not null default now()
      );
      create table api_tokens (
        id text primary key,
        tenant_id text not null references tenants(id) on delete cascade,
        name text not null,
        role text not null check (role in ('admin', 'lead', 'agent')),
        token_hash text not null unique,
        created_at timestamptz not null default now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      create index api_tokens_tenant on api_tokens (tenant_id);
    `,
  },
];

export async function migrate(db: Database): Promise<number[]> {
  await db.exec(
    `create table if not exists schema_migrations (id integer primary key, name text not null, applied_at timestamptz not null default now())`,
  );
  const done = new Set((await db.query<{ id: number }>('select id from schema_migrations')).map((r) => r.id));
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (done.has(migration.id)) continue;
    await db.transaction(async (tx) => {
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (id, name) values ($1, $2)', [migration.id, migration.name]);
    });
    applied.push(migration.id);
  }
  return applied;
}

/** Migrations hold no semicolons inside literals, so a plain split is enough. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
