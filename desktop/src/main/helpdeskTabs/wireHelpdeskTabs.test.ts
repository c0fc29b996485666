/**
 * The helpdesk tabs wired into the app: the console's channels are registered once, answer only
 * while a console window is open, and follow the window that is open now; an admin's malformed
 * host mapping stops the app with a clear error.
 */
import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HelpdeskHostsError } from './helpdeskSites';
import { FakeConsoleWindow, fakeIpcMainRef, FakeWebContentsView, resetFakeElectron } from './testing/fakeElectron';
import { wireHelpdeskTabs } from './wireHelpdeskTabs';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).fakeElectronModule);

const isAppUrl = (url: string) => url.startsWith('tandem://app/console/');
const invoke = (channel: string, args: unknown[]) => fakeIpcMainRef.current.invoke(channel, args);

beforeEach(() => {
  resetFakeElectron();
});

describe('wireHelpdeskTabs', () => {
  it('registers the console channels once and answers as unavailable until a window is attached', async () => {
    wireHelpdeskTabs(isAppUrl, {}, '/app/helpdeskPreload.cjs');
    expect(fakeIpcMainRef.current.handlers.size).toBe(6);
    await expect(invoke('helpdeskTabs:list', [])).resolves.toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } });
  });

  it('follows the window open now, and forgets a closed one', async () => {
    const wiring = wireHelpdeskTabs(isAppUrl, { TANDEM_HELPDESK_HOSTS: 'support.acme.com=zendesk' }, '/app/helpdeskPreload.cjs');
    const first = new FakeConsoleWindow();
    wiring.attach(first as unknown as BrowserWindow);
    await expect(invoke('helpdeskTabs:open', [{ url: 'https://support.acme.com/agent/tickets/3' }])).resolves.toMatchObject({
      ok: true,
      value: { site: 'zendesk', host: 'support.acme.com' },
    });
    expect(first.children).toHaveLength(1);
    expect(FakeWebContentsView.created[0]!.options.webPreferences?.preload).toBe('/app/helpdeskPreload.cjs');

    first.emit('closed');
    await expect(invoke('helpdeskTabs:list', [])).resolves.toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } });

    const second = new FakeConsoleWindow();
    wiring.attach(second as unknown as BrowserWindow);
    await expect(invoke('helpdeskTabs:list', [])).resolves.toEqual({ ok: true, value: { activeTabId: null, tabs: [] } });
    wiring.unregister();
    expect(fakeIpcMainRef.current.handlers.size).toBe(0);
  });

  it('refuses to start with a malformed TANDEM_HELPDESK_HOSTS', () => {
    expect(() => wireHelpdeskTabs(isAppUrl, { TANDEM_HELPDESK_HOSTS: '*.com=zendesk' })).toThrow(HelpdeskHostsError);
  });
});
