/**
 * The one error shape every Tandem boundary returns: a stable machine code, a human message,
 * the request id to find it in the logs, and, for bad input, the flattened zod issues.
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

/** zod's `flattenError` output: issues not tied to a field, and issues per top-level field. */
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
