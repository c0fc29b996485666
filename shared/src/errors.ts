/**
 * The one error shape every Tandem boundary returns: a stable machine code, a human message,
 * the request id to find it in the logs, and, for bad input, the flattened zod issues. The tRPC
 * API, the live-event webhook, the demo store API and the desktop IPC all answer with it.
 */
import { z } from 'zod';

export const tandemErrorCodeSchema = z.enum([
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
  'UPSTREAM_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
]);
export type TandemErrorCode = z.infer<typeof tandemErrorCodeSchema>;

/**
 * Bad input's issues: those about the input as a whole, and those per field. A top-level field is
 * keyed by its name, as zod's `flattenError` does; a nested one by its dotted path
 * (`events.1.occurredAt`), so the sender of a batch learns which item is wrong.
 */
export const flattenedIssuesSchema = z.object({
  formErrors: z.array(z.string()),
  fieldErrors: z.record(z.string(), z.array(z.string()).optional()),
});
export type FlattenedIssues = z.infer<typeof flattenedIssuesSchema>;

export const tandemErrorSchema = z.object({
  code: tandemErrorCodeSchema,
  message: z.string(),
  requestId: z.string().optional(),
  issues: flattenedIssuesSchema.optional(),
});
export type TandemError = z.infer<typeof tandemErrorSchema>;

const httpStatusByCode: Record<TandemErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  UPSTREAM_UNAVAILABLE: 503,
  TIMEOUT: 504,
};

export function httpStatusOf(code: TandemErrorCode): number {
  return httpStatusByCode[code];
}

const codeByHttpStatus = new Map<number, TandemErrorCode>(
  Object.entries(httpStatusByCode).map(([code, status]) => [status, tandemErrorCodeSchema.parse(code)]),
);

/** The code for a status a framework chose (Fastify's 413, 415…); any other 4xx is a bad request, any other status an internal error. */
export function codeForHttpStatus(status: number): TandemErrorCode {
  return codeByHttpStatus.get(status) ?? (status >= 400 && status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR');
}

/** zod's issues in the shared `issues` shape (see flattenedIssuesSchema). */
export function flattenIssues(error: Pick<z.ZodError, 'issues'>): FlattenedIssues {
  const formErrors: string[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    if (issue.path.length === 0) {
      formErrors.push(issue.message);
      continue;
    }
    const key = issue.path.map(String).join('.');
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { formErrors, fieldErrors };
}

/** A TandemError without undefined keys, so every boundary serialises it the same way. */
export function tandemError(
  code: TandemErrorCode,
  message: string,
  extra: { requestId?: string | undefined; issues?: FlattenedIssues | undefined } = {},
): TandemError {
  return {
    code,
    message,
    ...(extra.requestId === undefined ? {} : { requestId: extra.requestId }),
    ...(extra.issues === undefined ? {} : { issues: extra.issues }),
  };
}

/**
 * The answer to input that failed its schema: BAD_REQUEST (or the code given) with the issues.
 * zod's own messages name what was expected, not the value received, so a secret sent in the
 * wrong field is not echoed back.
 */
export function invalidInputError(
  error: Pick<z.ZodError, 'issues'>,
  options: { message?: string; requestId?: string | undefined; code?: TandemErrorCode } = {},
): TandemError {
  return tandemError(options.code ?? 'BAD_REQUEST', options.message ?? 'Invalid input', {
    requestId: options.requestId,
    issues: flattenIssues(error),
  });
}
