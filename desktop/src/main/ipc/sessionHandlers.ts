/**
 * Wires the session channels to Electron: the encrypted session file lives in the user's
 * application data folder, never next to the app.
 */
import path from 'node:path';
import { app, ipcMain, safeStorage } from 'electron';
import type { IpcHandlers } from '../../ipc/channels';
import { createSessionStore } from '../session/sessionStore';
import { registerIpcHandlers, type IsAppUrl } from './registerIpc';

export const SESSION_FILE_NAME = 'session.bin';

export function registerSessionIpc(isAppUrl: IsAppUrl): () => void {
  const store = createSessionStore(safeStorage, path.join(app.getPath('userData'), SESSION_FILE_NAME));
  const handlers: IpcHandlers = {
    'session:load': () => store.load(),
    'session:save': (session) => store.save(session),
    'session:clear': () => store.clear(),
  };
  return registerIpcHandlers(ipcMain, handlers, isAppUrl);
}
