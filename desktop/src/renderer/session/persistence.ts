/**
 * Where the console keeps the signed-in session: one small interface, one implementation per
 * platform (the Electron bridge, or the browser's sessionStorage), chosen once at start.
 */
import type { TandemError, TandemErrorCode } from '@tandem/shared';
import type { StoredSession } from '../../ipc/channels';
import { createBrowserPersistence } from './browserPersistence';
import { createDesktopPersistence } from './desktopPersistence';

export type { StoredSession } from '../../ipc/channels';

export interface SessionPersistence {
  load(): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<void>;
  clear(): Promise<void>;
}

/** A refusal from the desktop's main process, with its shared error code. */
export class SessionPersistenceError extends Error {
  readonly code: TandemErrorCode;

  constructor(error: TandemError) {
    super(error.message);
    this.code = error.code;
    this.name = 'SessionPersistenceError';
  }
}

export function choosePersistence(win: Window): SessionPersistence {
  return win.tandemDesktop === undefined ? createBrowserPersistence(win.sessionStorage) : createDesktopPersistence(win.tandemDesktop);
}
