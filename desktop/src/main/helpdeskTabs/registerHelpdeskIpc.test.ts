/**
 * The console's helpdesk channels: answered only for the app's own page (never for a helpdesk
 * page), arguments checked against their schemas before the tab manager sees them, and every
 * answer an envelope with the shared error shape.
 */
import { tandemErrorSchema } from '@tandem/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { FakeIpcMain } from '../testing/fakeIpcMain';
import { DesktopIpcError } from '../ipc/desktopError';
import type { HelpdeskTabs } from './helpdeskTabs';
import { helpdeskIpcHandlers, registerHelpdeskIpc } from './registerHelpdeskIpc';

const summary = { tabId: 't1', site: 'zendesk', label: 'Zendesk', host: 'acme.zendesk.com', title: '', ticket: { kind: 'none' } } as const;

let ipcMain: FakeIpcMain;
let tabs: { [K in keyof HelpdeskTabs]: ReturnType<typeof vi.fn<HelpdeskTabs[K]>> };

beforeEach(() => {
  ipcMain = new FakeIpcMain();
  tabs = {
    list: vi.fn<HelpdeskTabs['list']>(() => ({ activeTabId: null, tabs: [] })),
    open: vi.fn<HelpdeskTabs['open']>(() => summary),
    activate: vi.fn<HelpdeskTabs['activate']>(),
    close: vi.fn<HelpdeskTabs['close']>(),
    insert: vi.fn<HelpdeskTabs['insert']>(async () => ({ composer: 'Zendesk reply box' })),
    setLayout: vi.fn<HelpdeskTabs['setLayout']>(),
    closeAll: vi.fn<HelpdeskTabs['closeAll']>(),
  };
  registerHelpdeskIpc(
    ipcMain,
    helpdeskIpcHandlers(() => tabs),
    (url) => url.startsWith('tandem://app/console/'),
  );
});

describe('registerHelpdeskIpc', () => {
  it('registers every channel of the contract', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([
      'helpdeskTabs:activate',
      'helpdeskTabs:close',
      'helpdeskTabs:insert',
      'helpdeskTabs:layout',
      'helpdeskTabs:list',
      'helpdeskTabs:open',
    ]);
  });

  it('passes valid calls to the tab manager and wraps the result', async () => {
    await expect(ipcMain.invoke('helpdeskTabs:open', [{ url: 'https://acme.zendesk.com/agent' }])).resolves.toEqual({
      ok: true,
      value: summary,
    });
    expect(tabs.open).toHaveBeenCalledWith({ url: 'https://acme.zendesk.com/agent' });
    await expect(ipcMain.invoke('helpdeskTabs:insert', [{ tabId: 't1', draftId: 'd1', text: 'Hello' }])).resolves.toEqual({
      ok: true,
      value: { composer: 'Zendesk reply box' },
    });
    expect(tabs.insert).toHaveBeenCalledWith('t1', 'd1', 'Hello');
    await ipcMain.invoke('helpdeskTabs:activate', [null]);
    expect(tabs.activate).toHaveBeenCalledWith(null);
    await ipcMain.invoke('helpdeskTabs:layout', [{ top: 40, copilotWidth: 380 }]);
    expect(tabs.setLayout).toHaveBeenCalledWith({ top: 40, copilotWidth: 380 });
  });

  it.each([
    ['helpdeskTabs:open', [{ url: 'file:///etc/passwd' }]],
    ['helpdeskTabs:open', [{ url: 'javascript:alert(1)' }]],
    ['helpdeskTabs:open', [{ url: 'https://acme.zendesk.com/', site: 'outlook' }]],
    ['helpdeskTabs:open', [{ url: 'https://acme.zendesk.com/', partition: 'persist:main' }]],
    ['helpdeskTabs:open', []],
    ['helpdeskTabs:insert', [{ tabId: 't1', draftId: 'd1', text: '' }]],
    ['helpdeskTabs:insert', [{ tabId: 't1', draftId: 'd1', text: 'x'.repeat(50_001) }]],
    ['helpdeskTabs:insert', [{ tabId: 't1', text: 'Hello' }]],
    ['helpdeskTabs:close', [42]],
    ['helpdeskTabs:activate', []],
    ['helpdeskTabs:layout', [{ top: -1, copilotWidth: 300 }]],
    ['helpdeskTabs:layout', [{ top: 40, copilotWidth: 300.5 }]],
    ['helpdeskTabs:list', ['extra']],
  ])('rejects %s with %j before the tab manager sees it', async (channel, args) => {
    const response = await ipcMain.invoke(channel, args);
    const { error } = z.object({ ok: z.literal(false), error: tandemErrorSchema }).parse(response);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: `Invalid ${channel} payload` });
    for (const mock of Object.values(tabs)) expect(mock).not.toHaveBeenCalled();
  });

  it('answers only the app page, never a helpdesk page', async () => {
    for (const sender of ['https://acme.zendesk.com/agent/tickets/1', 'https://evil.example/', null]) {
      await expect(ipcMain.invoke('helpdeskTabs:insert', [{ tabId: 't1', draftId: 'd1', text: 'Hi' }], sender)).resolves.toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(tabs.insert).not.toHaveBeenCalled();
  });

  it("keeps a typed error's code and hides an unexpected error's message", async () => {
    tabs.open.mockImplementationOnce(() => {
      throw new DesktopIpcError('FORBIDDEN', "That address is not one of Zendesk's hosts");
    });
    await expect(ipcMain.invoke('helpdeskTabs:open', [{ url: 'https://acme.zendesk.com/' }])).resolves.toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: "That address is not one of Zendesk's hosts" },
    });
    tabs.insert.mockRejectedValueOnce(new Error('could not insert "Dear Mira, your refund..."'));
    const response = await ipcMain.invoke('helpdeskTabs:insert', [{ tabId: 't1', draftId: 'd1', text: 'Dear Mira' }]);
    expect(response).toEqual({ ok: false, error: { code: 'INTERNAL_SERVER_ERROR', message: 'helpdeskTabs:insert failed' } });
  });
});
