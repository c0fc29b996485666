/**
 * Where the console keeps the signed-in session: one small interface, one implementation per
 * platform (the Electron bridge, or the browser's sessionStorage), chosen once at start.
 */
import type { DesktopErrorCode, StoredSession } from '../../ipc/channels';
import { createBrowserPersistence } from './browserPersistence';
import { createDesktopPersistence } from './desktopPersistence';

export type { StoredSession } from '../../ipc/channels';

export interface SessionPersistence {
  load(): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<void>;
  clear(): Promise<void>;
}

export class SessionPersistenceError extends Error {
  constructor(
    readonly code: DesktopErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SessionPersistenceError';
  }
}

export function choosePersistence(win: Window): SessionPersistence {
  return win.tandemDesktop === undefined ? createBrowserPersistence(win.sessionStorage) : createDesktopPersistence(win.tandemDesktop);
}
