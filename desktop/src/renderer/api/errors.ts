/**
 * Turns whatever a tRPC call threw into one short sentence for the user, and tells the caller
 * whether the token itself was refused (which ends the session).
 */
import { isTRPCClientError } from '@trpc/client';
import type { AppRouter } from '@tandem/server/app-router';

export const UNAUTHORIZED_MESSAGE = 'That token was not accepted';
export const UNREACHABLE_MESSAGE = 'Server unreachable';
export const NOT_TANDEM_MESSAGE = 'No Tandem server answered at that address';

export interface DescribedError {
  unauthorized: boolean;
  message: string;
}

export function describeError(err: unknown): DescribedError {
  if (!isTRPCClientError<AppRouter>(err)) {
    return { unauthorized: false, message: err instanceof Error && err.message !== '' ? err.message : 'Something went wrong' };
  }
  const data = err.data;
  if (data === undefined || data === null) {
    // No error body from the server: the request never got a tRPC answer. A body that is not
    // JSON means something answered, just not a Tandem server (a wrong port or path).
    return { unauthorized: false, message: err.cause instanceof SyntaxError ? NOT_TANDEM_MESSAGE : UNREACHABLE_MESSAGE };
  }
  const code = data.tandem?.code ?? data.code;
  if (code === 'UNAUTHORIZED') return { unauthorized: true, message: UNAUTHORIZED_MESSAGE };
  return { unauthorized: false, message: data.tandem?.message ?? err.message };
}
