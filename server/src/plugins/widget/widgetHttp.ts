/**
 * HTTP plumbing of the widget's public routes: one error shape (`{ code, message, requestId,
 * issues }`, the status following the code, `Retry-After` on a rate limit), CORS headers for an
 * origin the site allows (and for nobody else), and what a bundle may send and read.
 */
import { httpStatusOf, invalidInputError, tandemError, type TandemError } from '@tandem/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ServiceError } from '../../errors/serviceError.js';
import { RateLimitedError } from '../../widget/rateLimits.js';

export const ALLOWED_METHODS = 'GET, POST, OPTIONS';
export const ALLOWED_HEADERS = 'authorization, content-type, last-event-id, x-request-id';
export const EXPOSED_HEADERS = 'retry-after, x-request-id';

/** The headers that let a page on `origin` read the answer; set only once the origin is known to be allowed. */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': EXPOSED_HEADERS,
    vary: 'Origin',
  };
}

/** The status always follows the code, so the two cannot disagree. */
export function sendError(reply: FastifyReply, error: TandemError): FastifyReply {
  return reply.code(httpStatusOf(error.code)).send(error);
}

/** A thrown error as the one shape: a service's refusal as it is, bad input with its issues, anything else an internal error (logged). */
export function errorReply(req: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
  if (error instanceof ServiceError) return sendError(reply, tandemError(error.code, error.message, { requestId: req.id }));
  if (error instanceof z.ZodError) return sendError(reply, invalidInputError(error, { requestId: req.id }));
  req.log.error({ err: error }, 'widget request failed');
  return sendError(reply, tandemError('INTERNAL_SERVER_ERROR', 'Something went wrong; try again', { requestId: req.id }));
}

/** The bearer token of a request, or undefined. */
export function bearer(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S{1,2000})$/i.exec(header.trim()) : null;
  return match?.[1];
}
