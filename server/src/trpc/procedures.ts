/**
 * The role procedures every router uses, declared once. There is no public procedure on purpose:
 * every call needs a token. `HandlerOptions` is what each `<procedure>.handler.ts` receives.
 */
import { TRPCError } from '@trpc/server';
import type { Principal, Role } from '@tandem/shared';
import type { Context } from './context.js';
import { baseProcedure } from './init.js';

/** Any valid token, whatever its role. */
export const anyone = baseProcedure.use(({ ctx, next }) => {
  if (ctx.principal === undefined) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'A valid API token is required (Authorization: Bearer <token>)' });
  }
  return next({ ctx: { ...ctx, principal: ctx.principal, tenantId: ctx.principal.tenantId } });
});

function withRoles(...roles: Role[]) {
  return anyone.use(({ ctx, next }) => {
    if (!roles.includes(ctx.principal.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This needs one of the roles: ${roles.join(', ')}` });
    }
    return next();
  });
}

/** People who work tickets: agents, leads and admins. */
export const agents = withRoles('admin', 'lead', 'agent');
/** Team leads and admins: the console's views, knowledge curation. */
export const leads = withRoles('admin', 'lead');
/** Admins: tokens, webhook sources and endpoints. */
export const admins = withRoles('admin');

/** The context a handler sees: a signed-in principal and its workspace. */
export type AuthedContext = Context & { principal: Principal; tenantId: string };

export interface HandlerOptions<TInput = undefined> {
  ctx: AuthedContext;
  input: TInput;
  signal?: AbortSignal | undefined;
}
