/**
 * Who the caller is and which workspace they are signed in to.
 */
import { TRPCError } from '@trpc/server';
import type { Principal, SessionInfo } from '@tandem/shared';
import type { ServerDeps } from '../../trpc/context.js';

export async function getSession(deps: ServerDeps, principal: Principal): Promise<SessionInfo> {
  const workspace = await deps.store.tenants.get(principal.tenantId);
  if (workspace === undefined) throw new TRPCError({ code: 'NOT_FOUND', message: 'Workspace not found' });
  return { workspace, principal, serverVersion: deps.version };
}
