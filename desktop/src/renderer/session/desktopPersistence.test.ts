/**
 * In Electron the bridge's envelopes become plain results or typed errors with the main
 * process's code.
 */
import { describe, expect, it } from 'vitest';
import type { DesktopBridge } from '../../ipc/channels';
import { createDesktopPersistence } from './desktopPersistence';
import { choosePersistence, SessionPersistenceError } from './persistence';

const session = { serverUrl: 'http://127.0.0.1:8787', token: 'tdm_token' };

function bridge(overrides: Partial<DesktopBridge['session']> = {}): DesktopBridge {
  return {
    session: {
      load: async () => ({ ok: true, value: session }),
      save: async () => ({ ok: true, value: undefined }),
      clear: async () => ({ ok: true, value: undefined }),
      ...overrides,
    },
  };
}

describe('desktop session persistence', () => {
  it('unwraps successful answers', async () => {
    const persistence = createDesktopPersistence(bridge());
    await expect(persistence.load()).resolves.toEqual(session);
    await expect(persistence.save(session)).resolves.toBeUndefined();
    await expect(persistence.clear()).resolves.toBeUndefined();
  });

  it('turns a refused call into a typed error', async () => {
    const persistence = createDesktopPersistence(
      bridge({ save: async () => ({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE', message: 'no keychain' } }) }),
    );
    const error = await persistence.save(session).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SessionPersistenceError);
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', message: 'no keychain' });
  });

  it('is chosen only when the preload bridge exists', async () => {
    const fromBridge = choosePersistence({ tandemDesktop: bridge() } as unknown as Window);
    await expect(fromBridge.load()).resolves.toEqual(session);

    const storage = new Map<string, string>();
    const sessionStorage = {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
      removeItem: (key: string) => void storage.delete(key),
    };
    const fromBrowser = choosePersistence({ sessionStorage } as unknown as Window);
    await fromBrowser.save(session);
    expect(storage.has('tandem.session')).toBe(true);
  });
});
