/**
 * tRPC building blocks: the error formatter that turns every failure into Tandem's one error
 * shape, and the procedures every router uses. There is no public procedure on purpose: every
 * call needs a token from day one.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import type { Role, TandemError, TandemErrorCode } from '@tandem/shared';
import type { Context } from './context.js';

const knownCodes = new Set<string>([
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE_CONTENT',
  'TIMEOUT',
  'INTERNAL_SERVER_ERROR',
]);

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const code: TandemErrorCode = knownCodes.has(error.code) ? (error.code as TandemErrorCode) : 'INTERNAL_SERVER_ERROR';
    const zodIssues = error.cause instanceof ZodError ? z.flattenError(error.cause) : undefined;
    const tandem: TandemError = {
      code,
      // Internal errors keep their detail in the logs, not in the response.
      message: code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : zodIssues ? 'Invalid input' : error.message,
      ...(ctx?.requestId === undefined ? {} : { requestId: ctx.requestId }),
      ...(zodIssues === undefined ? {} : { issues: zodIssues }),
    };
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message: tandem.message, data: { ...data, tandem } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Any valid token of any role. */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (ctx.principal === undefined) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'A valid API token is required (Authorization: Bearer <token>)' });
  }
  return next({ ctx: { ...ctx, principal: ctx.principal, tenantId: ctx.principal.tenantId } });
});

/** A token whose role is one of `roles`. */
export function procedureFor(...roles: Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.principal.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This needs one of the roles: ${roles.join(', ')}` });
    }
    return next();
  });
}
