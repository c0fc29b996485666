/**
 * The preload exposes exactly one object, `tandemDesktop`, whose only members are the typed
 * session calls, each mapped to its own channel.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DesktopBridge } from '../ipc/channels';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: { invoke: fake.invoke },
}));

let bridge: DesktopBridge;

beforeAll(async () => {
  await import('./preload');
  bridge = fake.exposed.get('tandemDesktop') as DesktopBridge;
});

describe('preload bridge', () => {
  it('exposes only window.tandemDesktop with the session API', () => {
    expect([...fake.exposed.keys()]).toEqual(['tandemDesktop']);
    expect(Object.keys(bridge)).toEqual(['session']);
    expect(Object.keys(bridge.session).sort()).toEqual(['clear', 'load', 'save']);
    expect(Object.values(bridge.session).every((member) => typeof member === 'function')).toBe(true);
  });

  it('maps each call to its channel and passes only the session fields', async () => {
    await bridge.session.load();
    expect(fake.invoke).toHaveBeenLastCalledWith('session:load');

    const extra = { serverUrl: 'http://127.0.0.1:8787', token: 'secret', admin: true };
    await bridge.session.save(extra);
    expect(fake.invoke).toHaveBeenLastCalledWith('session:save', { serverUrl: 'http://127.0.0.1:8787', token: 'secret' });

    await bridge.session.clear();
    expect(fake.invoke).toHaveBeenLastCalledWith('session:clear');
  });

  it('returns the envelope main answered with', async () => {
    fake.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE', message: 'no keychain' } });
    await expect(bridge.session.save({ serverUrl: 'http://x.test', token: 't' })).resolves.toEqual({
      ok: false,
      error: { code: 'UPSTREAM_UNAVAILABLE', message: 'no keychain' },
    });
  });
});
