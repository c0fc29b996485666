/**
 * The preload exposes exactly one object, `tandemDesktop`, whose only members are the typed
 * session calls and the helpdesk tabs' calls, each mapped to its own channel, and the helpdesk
 * event subscriptions, which hand the page the payload only.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DesktopBridge } from '../ipc/channels';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
  listeners: new Map<string, ((event: unknown, payload: unknown) => void)[]>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: fake.invoke,
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
      fake.listeners.set(channel, [...(fake.listeners.get(channel) ?? []), listener]),
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
      fake.listeners.set(
        channel,
        (fake.listeners.get(channel) ?? []).filter((each) => each !== listener),
      ),
  },
}));

let bridge: DesktopBridge;

beforeAll(async () => {
  await import('./preload');
  bridge = fake.exposed.get('tandemDesktop') as DesktopBridge;
});

describe('preload bridge', () => {
  it('exposes only window.tandemDesktop with the session and helpdesk APIs', () => {
    expect([...fake.exposed.keys()]).toEqual(['tandemDesktop']);
    expect(Object.keys(bridge)).toEqual(['session', 'helpdesk']);
    expect(Object.keys(bridge.helpdesk!).sort()).toEqual([
      'activate',
      'close',
      'insert',
      'list',
      'onDraftOutcome',
      'onState',
      'open',
      'setLayout',
    ]);
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

  it('maps each helpdesk call to its channel and passes only the contract fields', async () => {
    const helpdesk = bridge.helpdesk!;
    await helpdesk.list();
    expect(fake.invoke).toHaveBeenLastCalledWith('helpdeskTabs:list');
    await helpdesk.open({ url: 'https://acme.zendesk.com/agent', extra: true } as never);
    expect(fake.invoke).toHaveBeenLastCalledWith('helpdeskTabs:open', { url: 'https://acme.zendesk.com/agent' });
    await helpdesk.open({ url: 'https://support.acme.com/', site: 'zendesk' });
    expect(fake.invoke).toHaveBeenLastCalledWith('helpdeskTabs:open', { url: 'https://support.acme.com/', site: 'zendesk' });
    await helpdesk.activate(null);
    expect(fake.invoke).toHaveBeenLastCalledWith('helpdeskTabs:activate', null);
    await helpdesk.close('tab-1');
    expect(fake.invoke).toHaveBeenLastCalledWith('helpdeskTabs:close', 'tab-1');
    await helpdesk.insert({ tabId: 'tab-1', draftId: 'd1', text: 'Hello', admin: true } as never);
    expect(fake.invoke).toHaveBeenLastCalledWith('helpdeskTabs:insert', { tabId: 'tab-1', draftId: 'd1', text: 'Hello' });
    await helpdesk.setLayout({ top: 40, copilotWidth: 400 });
    expect(fake.invoke).toHaveBeenLastCalledWith('helpdeskTabs:layout', { top: 40, copilotWidth: 400 });
  });

  it('hands state events to the page without the IPC event, and stops when unsubscribed', () => {
    const states: unknown[] = [];
    const stop = bridge.helpdesk!.onState((state) => states.push(state));
    const state = { activeTabId: null, tabs: [] };
    for (const listener of fake.listeners.get('helpdeskTabs:state') ?? []) listener({ sender: 'main internals' }, state);
    expect(states).toEqual([state]);
    stop();
    expect(fake.listeners.get('helpdeskTabs:state')).toEqual([]);
  });
});
