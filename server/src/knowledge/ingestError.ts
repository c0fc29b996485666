/**
 * Typed, per-document ingestion failures. A job reports each one and goes on; nothing of a failed
 * document is stored.
 */
import type { IngestErrorCode } from '@tandem/shared';

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
