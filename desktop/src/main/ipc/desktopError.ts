/**
 * The error main-process code throws when it has a reason the renderer should see; the IPC layer
 * turns it into the `{ ok: false, error }` envelope, keeping its code.
 */
import type { DesktopError, DesktopErrorCode } from '../../ipc/channels';

export class DesktopIpcError extends Error {
  constructor(
    readonly code: DesktopErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DesktopIpcError';
  }

  toJSON(): DesktopError {
    return { code: this.code, message: this.message };
  }
}
