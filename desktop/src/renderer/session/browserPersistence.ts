/**
 * Session persistence for the console in a browser tab: sessionStorage, so the token lives only
 * as long as the tab and is never written to disk by the console.
 */
import type { SessionPersistence, StoredSession } from './persistence';

export const BROWSER_SESSION_KEY = 'tandem.session';

export function createBrowserPersistence(storage: Storage): SessionPersistence {
  return {
    async load() {
      const raw = storage.getItem(BROWSER_SESSION_KEY);
      if (raw === null) return null;
      const session = parseStoredSession(raw);
      if (session === null) storage.removeItem(BROWSER_SESSION_KEY);
      return session;
    },
    async save(session) {
      storage.setItem(BROWSER_SESSION_KEY, JSON.stringify({ serverUrl: session.serverUrl, token: session.token }));
    },
    async clear() {
      storage.removeItem(BROWSER_SESSION_KEY);
    },
  };
}

function parseStoredSession(raw: string): StoredSession | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { serverUrl, token } = value as Record<string, unknown>;
  if (typeof serverUrl !== 'string' || typeof token !== 'string' || serverUrl === '' || token === '') return null;
  return { serverUrl, token };
}
