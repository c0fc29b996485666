/**
 * The team: API tokens of the caller's workspace, one per member or integration. Every query is
 * scoped to the caller's tenant, so one workspace can never see or revoke another's tokens.
 */
import { TRPCError } from '@trpc/server';
import type { ApiTokenSummary, CreatedToken, CreateTokenInput, Principal } from '@tandem/shared';
import { generateApiToken, hashApiToken } from '../../security/apiTokens.js';
import { newId } from '../../storage/ids.js';
import type { ServerDeps } from '../../trpc/context.js';

export function listTokens(deps: ServerDeps, principal: Principal): Promise<ApiTokenSummary[]> {
  return deps.store.tokens.list(principal.tenantId);
}

export async function createToken(deps: ServerDeps, principal: Principal, input: CreateTokenInput): Promise<CreatedToken> {
  const token = generateApiToken();
  const summary = await deps.store.tokens.insert({
    id: newId('tok'),
    tenantId: principal.tenantId,
    name: input.name,
    role: input.role,
    tokenHash: hashApiToken(token),
  });
  return { ...summary, token };
}

export async function revokeToken(deps: ServerDeps, principal: Principal, id: string): Promise<{ revoked: true }> {
  if (id === principal.tokenId) throw new TRPCError({ code: 'CONFLICT', message: 'A token cannot revoke itself' });
  if (!(await deps.store.tokens.revoke(principal.tenantId, id))) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such token in this workspace' });
  }
  return { revoked: true };
}
