/**
 * The error main-process code throws when it has a reason the renderer should see; the IPC layer
 * turns it into the `{ ok: false, error }` envelope, keeping its code (one of the shared list).
 */
import { tandemError, type TandemError, type TandemErrorCode } from '@tandem/shared';

export class DesktopIpcError extends Error {
  constructor(
    readonly code: TandemErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DesktopIpcError';
  }

  toJSON(): TandemError {
    return tandemError(this.code, this.message);
  }
}
