/**
 * API tokens, stored only as SHA-256 hashes (tokens are 256-bit random, so a fast hash is enough
 * and lookups stay O(1)). Every query is scoped by tenant except the lookup by hash itself.
 */
import type { ApiTokenSummary, Principal, Role } from '@tandem/shared';
import type { SqlExecutor } from './database.js';

interface TokenRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  name: string;
  role: Role;
  created_at: Date | string;
  last_used_at: Date | string | null;
}

const iso = (v: Date | string) => new Date(v).toISOString();
const toSummary = (r: TokenRow): ApiTokenSummary => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdAt: iso(r.created_at),
  lastUsedAt: r.last_used_at === null ? null : iso(r.last_used_at),
});

export function tokensRepo(db: SqlExecutor) {
  return {
    async insert(t: { id: string; tenantId: string; name: string; role: Role; tokenHash: string }): Promise<ApiTokenSummary> {
      const rows = await db.query<TokenRow>(
        `insert into api_tokens (id, tenant_id, name, role, token_hash) values ($1, $2, $3, $4, $5)
         returning id, tenant_id, name, role, created_at, last_used_at`,
        [t.id, t.tenantId, t.name, t.role, t.tokenHash],
      );
      return toSummary(rows[0] as TokenRow);
    },
    /** The principal behind a live (not revoked) token; also stamps its last use. */
    async principalByHash(tokenHash: string): Promise<Principal | undefined> {
      const rows = await db.query<TokenRow>(
        `update api_tokens set last_used_at = now() where token_hash = $1 and revoked_at is null
         returning id, tenant_id, name, role, created_at, last_used_at`,
        [tokenHash],
      );
      const r = rows[0];
      return r === undefined ? undefined : { tokenId: r.id, tenantId: r.tenant_id, name: r.name, role: r.role };
    },
    async exists(tokenHash: string): Promise<boolean> {
      const rows = await db.query('select 1 from api_tokens where token_hash = $1', [tokenHash]);
      return rows.length > 0;
    },
    async list(tenantId: string): Promise<ApiTokenSummary[]> {
      const rows = await db.query<TokenRow>(
        `select id, tenant_id, name, role, created_at, last_used_at from api_tokens
         where tenant_id = $1 and revoked_at is null order by created_at, id`,
        [tenantId],
      );
      return rows.map(toSummary);
    },
    /** Revokes within the tenant only; false when the id is not a live token of that tenant. */
    async revoke(tenantId: string, id: string): Promise<boolean> {
      const rows = await db.query(
        'update api_tokens set revoked_at = now() where tenant_id = $1 and id = $2 and revoked_at is null returning id',
        [tenantId, id],
      );
      return rows.length > 0;
    },
  };
}
export type TokensRepo = ReturnType<typeof tokensRepo>;
