/**
 * The one-line messages the console shows for each way a call can fail.
 */
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeError, NOT_TANDEM_MESSAGE, UNAUTHORIZED_MESSAGE, UNREACHABLE_MESSAGE } from './errors';

function serverError(code: string, message: string, tandem = true) {
  return TRPCClientError.from({
    error: {
      message,
      code: -32000,
      data: { code, httpStatus: 400, path: 'session.get', ...(tandem ? { tandem: { code, message } } : {}) },
    },
  });
}

describe('describeError', () => {
  it('names a refused token and flags it', () => {
    expect(describeError(serverError('UNAUTHORIZED', 'A valid API token is required'))).toEqual({
      unauthorized: true,
      message: UNAUTHORIZED_MESSAGE,
    });
    expect(UNAUTHORIZED_MESSAGE).toBe('That token was not accepted');
  });

  it('calls a failed fetch unreachable', () => {
    expect(describeError(TRPCClientError.from(new TypeError('Failed to fetch')))).toEqual({
      unauthorized: false,
      message: UNREACHABLE_MESSAGE,
    });
    expect(UNREACHABLE_MESSAGE).toBe('Server unreachable');
  });

  it('spots an answer that is not from a Tandem server', () => {
    expect(describeError(TRPCClientError.from(new SyntaxError('Unexpected token <'))).message).toBe(NOT_TANDEM_MESSAGE);
  });

  it("shows the server's own message for other errors", () => {
    expect(describeError(serverError('FORBIDDEN', 'This needs one of the roles: admin'))).toEqual({
      unauthorized: false,
      message: 'This needs one of the roles: admin',
    });
    expect(describeError(serverError('NOT_FOUND', 'Workspace not found', false)).message).toBe('Workspace not found');
  });

  it('copes with things that are not tRPC errors', () => {
    expect(describeError(new Error('boom')).message).toBe('boom');
    expect(describeError('weird').message).toBe('Something went wrong');
  });
});
