/**
 * tRPC building blocks: the error formatter that turns every failure into Tandem's one error
 * shape (`error.data.tandem`: code from the shared list, message, request id, zod issues), and
 * the base procedure that turns a service's ServiceError into the matching tRPC error. Role
 * procedures live in procedures.ts.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { flattenIssues, tandemError, tandemErrorCodeSchema, type TandemError, type TandemErrorCode } from '@tandem/shared';
import { ZodError } from 'zod';
import { ServiceError } from '../errors/serviceError.js';
import type { Context } from './context.js';

type TrpcCode = TRPCError['code'];

/** tRPC has no "upstream unavailable"; its 503 carries it. Every other Tandem code is a tRPC code too. */
const trpcCodeOf = (code: TandemErrorCode): TrpcCode => (code === 'UPSTREAM_UNAVAILABLE' ? 'SERVICE_UNAVAILABLE' : code);
const TANDEM_CODE_OF: Partial<Record<TrpcCode, TandemErrorCode>> = {
  SERVICE_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  BAD_GATEWAY: 'UPSTREAM_UNAVAILABLE',
  GATEWAY_TIMEOUT: 'TIMEOUT',
};

function tandemCodeOf(error: TRPCError): TandemErrorCode {
  // A service's error thrown where no middleware sees it (inside a subscription's stream) keeps its code.
  if (error.cause instanceof ServiceError) return error.cause.code;
  const direct = tandemErrorCodeSchema.safeParse(error.code);
  return TANDEM_CODE_OF[error.code] ?? (direct.success ? direct.data : 'INTERNAL_SERVER_ERROR');
}

/** The tRPC error for a service's refusal, keeping a zod cause so the response carries the issues. */
export function trpcErrorOf(failure: ServiceError): TRPCError {
  return new TRPCError({
    code: trpcCodeOf(failure.code),
    message: failure.message,
    cause: failure.cause instanceof ZodError ? failure.cause : failure,
  });
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const code = tandemCodeOf(error);
    const issues = error.cause instanceof ZodError ? flattenIssues(error.cause) : undefined;
    const tandem: TandemError = tandemError(
      code,
      // Internal errors keep their detail in the logs, not in the response.
      code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : issues ? 'Invalid input' : error.message,
      { requestId: ctx?.requestId, issues },
    );
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message: tandem.message, data: { ...data, tandem } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure starts here: a ServiceError from a handler's service becomes its tRPC error
 * (keeping a zod cause for the issues), whether thrown by the call or later inside a
 * subscription's stream.
 */
export const baseProcedure = t.procedure.use(async ({ type, next }) => {
  const result = await next();
  if (!result.ok) {
    if (result.error.cause instanceof ServiceError) throw trpcErrorOf(result.error.cause);
    return result;
  }
  if (type === 'subscription' && isAsyncIterable(result.data)) return { ...result, data: translatingErrors(result.data) };
  return result;
});

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

async function* translatingErrors<T>(stream: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* stream;
  } catch (error) {
    throw error instanceof ServiceError ? trpcErrorOf(error) : error;
  }
}
