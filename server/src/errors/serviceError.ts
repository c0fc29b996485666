/**
 * The error a service throws when the caller should hear why: one of Tandem's shared error codes
 * and a message safe to show. Services stay free of any transport; the tRPC layer and the REST
 * routes turn it into the one error shape (`{ code, message, requestId, issues }`).
 */
import type { TandemErrorCode } from '@tandem/shared';

export class ServiceError extends Error {
  constructor(
    readonly code: TandemErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ServiceError';
  }
}
