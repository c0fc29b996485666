/**
 * Session persistence inside the Electron app: through the preload bridge to the main process,
 * which keeps the token encrypted by the OS keychain. Bridge envelopes become typed errors here.
 */
import type { DesktopBridge, IpcResponse } from '../../ipc/channels';
import { SessionPersistenceError, type SessionPersistence } from './persistence';

export function createDesktopPersistence(bridge: DesktopBridge): SessionPersistence {
  return {
    load: async () => unwrap(await bridge.session.load()),
    save: async (session) => unwrap(await bridge.session.save(session)),
    clear: async () => unwrap(await bridge.session.clear()),
  };
}

function unwrap<T>(response: IpcResponse<T>): T {
  if (response.ok) return response.value;
  throw new SessionPersistenceError(response.error);
}
