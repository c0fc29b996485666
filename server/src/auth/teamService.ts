/**
 * The team and who is calling: API tokens of a workspace (one per member or integration), the
 * principal behind a bearer token, and the caller's session. Every query is scoped to the
 * caller's tenant, so one workspace can never see or revoke another's tokens.
 */
import type { ApiTokenSummary, CreatedToken, CreateTokenInput, Principal, SessionInfo } from '@tandem/shared';
import { ServiceError } from '../errors/serviceError.js';
import { generateApiToken, hashApiToken } from '../security/apiTokens.js';
import { newId } from '../storage/ids.js';
import type { Store } from '../storage/store.js';

export function teamService(store: Pick<Store, 'tokens' | 'tenants'>, server: Pick<SessionInfo, 'serverVersion' | 'limits'>) {
  return {
    /** The principal a bearer token stands for, or undefined for an unknown or revoked one. */
    principalForToken: (token: string): Promise<Principal | undefined> => store.tokens.principalByHash(hashApiToken(token)),

    async session(principal: Principal): Promise<SessionInfo> {
      const workspace = await store.tenants.get(principal.tenantId);
      if (workspace === undefined) throw new ServiceError('NOT_FOUND', 'Workspace not found');
      return { workspace, principal, ...server };
    },

    listTokens: (tenantId: string): Promise<ApiTokenSummary[]> => store.tokens.list(tenantId),

    /** A new token for the caller's workspace; the token itself is returned only here (only its hash is stored). */
    async createToken(principal: Principal, input: CreateTokenInput): Promise<CreatedToken> {
      const token = generateApiToken();
      const summary = await store.tokens.insert({
        id: newId('tok'),
        tenantId: principal.tenantId,
        name: input.name,
        role: input.role,
        tokenHash: hashApiToken(token),
      });
      return { ...summary, token };
    },

    async revokeToken(principal: Principal, id: string): Promise<void> {
      if (id === principal.tokenId) throw new ServiceError('CONFLICT', 'A token cannot revoke itself');
      if (!(await store.tokens.revoke(principal.tenantId, id))) throw new ServiceError('NOT_FOUND', 'No such token in this workspace');
    },
  };
}

export type TeamService = ReturnType<typeof teamService>;
