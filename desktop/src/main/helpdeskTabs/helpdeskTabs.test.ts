/**
 * The helpdesk tabs against a stand-in for Electron: each tab is a WebContentsView with the
 * hardened web preferences, its site's partition and the helpdesk preload; it stays on the site's
 * hosts; messages from its page are accepted only from its main frame on a reading host and only
 * when they parse; the console hears the latest ticket per tab; inserts go to the page and back.
 */
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  HELPDESK_ARGUMENT_PREFIX,
  HELPDESK_CONSOLE_EVENTS,
  HELPDESK_INSERT_CHANNEL,
  HELPDESK_PAGE_CHANNELS,
  type HelpdeskTabsState,
} from '../../ipc/helpdeskChannels';
import { hardenedWebPreferences } from '../hardening';
import { helpdeskSiteConfigs, parseHelpdeskHosts } from './helpdeskSites';
import { createHelpdeskTabs, MAX_HELPDESK_TABS, type HelpdeskTabs } from './helpdeskTabs';
import {
  FakeConsoleWindow,
  FakeFrame,
  fakeSessions,
  FakeWebContentsView,
  openedExternally,
  resetFakeElectron,
  type FakeWebContents,
} from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).fakeElectronModule);

const PRELOAD = '/app/dist/preload/helpdeskPreload.cjs';
const ZENDESK_TICKET = 'https://acme.zendesk.com/agent/tickets/4821';

const ticket = {
  site: 'zendesk',
  ticketId: '4821',
  subject: 'Refund for a double charge',
  requester: { name: 'Mira Okafor', email: 'mira@example.org' },
  messages: [{ authorRole: 'customer', body: 'I was charged twice for order 1182.', partial: false }],
  tags: [],
  status: 'open',
};

let window: FakeConsoleWindow;
let tabs: HelpdeskTabs;
let log: ReturnType<typeof vi.fn<(entry: Record<string, unknown>) => void>>;

function open(url = ZENDESK_TICKET, site?: 'gmail' | 'zendesk' | 'salesforce') {
  const summary = tabs.open(site === undefined ? { url } : { url, site });
  const view = FakeWebContentsView.created.at(-1)!;
  return { summary, view, contents: view.webContents };
}

function lastState(): HelpdeskTabsState {
  return window.sentOn(HELPDESK_CONSOLE_EVENTS.state).at(-1) as HelpdeskTabsState;
}

function navigation(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}

function report(contents: FakeWebContents, payload: unknown, frame: FakeFrame | null = contents.mainFrame) {
  contents.sendFromFrame(frame, HELPDESK_PAGE_CHANNELS.report, payload);
}

beforeEach(() => {
  resetFakeElectron();
  window = new FakeConsoleWindow();
  log = vi.fn();
  tabs = createHelpdeskTabs({
    window: window as unknown as BrowserWindow,
    sites: helpdeskSiteConfigs(parseHelpdeskHosts('support.acme.com=zendesk,acme.okta.com=zendesk:sign-in')),
    preloadPath: PRELOAD,
    isAppUrl: (url) => url.startsWith('tandem://app/console/'),
    log,
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('opening a helpdesk tab', () => {
  it('creates a WebContentsView with the hardened preferences, the site partition and the helpdesk preload', () => {
    const { view, contents, summary } = open();
    const preferences = view.options.webPreferences!;
    expect(preferences).toMatchObject({
      ...hardenedWebPreferences(PRELOAD),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      preload: PRELOAD,
      partition: 'persist:helpdesk-zendesk',
    });
    const argument = preferences.additionalArguments?.find((each) => each.startsWith(HELPDESK_ARGUMENT_PREFIX));
    expect(JSON.parse(decodeURIComponent(argument!.slice(HELPDESK_ARGUMENT_PREFIX.length)))).toEqual({
      site: 'zendesk',
      mappedHosts: ['support.acme.com'],
    });
    expect(contents.loaded).toEqual([ZENDESK_TICKET]);
    expect(window.children).toEqual([view]);
    expect(summary).toMatchObject({ site: 'zendesk', label: 'Zendesk', host: 'acme.zendesk.com', ticket: { kind: 'none' } });
  });

  it('gives every site its own persistent partition', () => {
    const partitions = [
      open('https://mail.google.com/mail/u/0/'),
      open('https://acme.zendesk.com/agent'),
      open('https://acme.lightning.force.com/lightning/page/home'),
    ].map(({ view }) => view.options.webPreferences?.partition);
    expect(partitions).toEqual(['persist:helpdesk-gmail', 'persist:helpdesk-zendesk', 'persist:helpdesk-salesforce']);
    expect([...fakeSessions.keys()].sort()).toEqual(['persist:helpdesk-gmail', 'persist:helpdesk-salesforce', 'persist:helpdesk-zendesk']);
  });

  it('opens an admin-mapped host with the mapped site', () => {
    const { summary, view } = open('https://support.acme.com/agent/tickets/7');
    expect(summary.site).toBe('zendesk');
    expect(view.options.webPreferences?.partition).toBe('persist:helpdesk-zendesk');
  });

  it.each([
    ['a host no site owns or an admin mapped', 'https://evil.example/agent', undefined],
    ['a sign-in host alone', 'https://accounts.google.com/signin', undefined],
    ['plain http off loopback', 'http://acme.zendesk.com/agent', undefined],
    ['a host of another site than the one named', 'https://mail.google.com/', 'zendesk'],
    ['credentials in the URL', 'https://user:pw@acme.zendesk.com/agent', undefined],
  ] as const)('refuses %s, creating nothing', (_name, url, site) => {
    expect(() => tabs.open(site === undefined ? { url } : { url, site })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(FakeWebContentsView.created).toEqual([]);
  });

  it('stops at a dozen tabs', () => {
    for (let index = 0; index < MAX_HELPDESK_TABS; index += 1) open();
    expect(() => open()).toThrow(expect.objectContaining({ code: 'TOO_MANY_REQUESTS' }));
  });
});

describe('a partition', () => {
  it('grants only notifications and clipboard writes, and only to the site itself', () => {
    open();
    const session = fakeSessions.get('persist:helpdesk-zendesk')!;
    expect(session.request('notifications', ZENDESK_TICKET)).toBe(true);
    expect(session.request('clipboard-sanitized-write', 'https://support.acme.com/agent')).toBe(true);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen', 'midiSysex']) {
      expect(session.request(permission, ZENDESK_TICKET), permission).toBe(false);
    }
    expect(session.request('notifications', 'https://ads.example/frame', false)).toBe(false);
    expect(session.request('notifications', 'https://acme.okta.com/login')).toBe(false);
    expect(session.permissionCheckHandler!({}, 'notifications', 'https://acme.zendesk.com', { isMainFrame: true })).toBe(true);
    expect(session.permissionCheckHandler!({}, 'media', 'https://acme.zendesk.com', { isMainFrame: true })).toBe(false);
    expect(session.devicePermissionHandler!({})).toBe(false);
  });

  it('presents a browser user agent, without the Electron and app tokens', () => {
    open('https://mail.google.com/mail/u/0/');
    const { userAgent } = fakeSessions.get('persist:helpdesk-gmail')!;
    expect(userAgent).toContain('Chrome/146');
    expect(userAgent).not.toMatch(/Electron|tandem/i);
  });
});

describe('navigation', () => {
  it('refuses navigation of the main frame to a foreign host', () => {
    const { contents } = open();
    for (const url of ['https://evil.example/', 'http://acme.zendesk.com/agent', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const event = navigation(url);
      contents.emit('will-navigate', event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ msg: 'helpdesk page refused', reason: 'foreign-host', host: 'evil.example' }),
    );
    expect(openedExternally).toEqual([]);
  });

  it("lets the page move between the site's own, mapped and sign-in hosts", () => {
    const { contents } = open();
    for (const url of ['https://acme.zendesk.com/agent/tickets/9', 'https://support.acme.com/agent', 'https://acme.okta.com/app/sso']) {
      const event = navigation(url);
      contents.emit('will-navigate', event);
      expect(event.preventDefault, url).not.toHaveBeenCalled();
    }
  });

  it('stops main-frame redirects off the site, not those of subframes', () => {
    const { contents } = open();
    const main = navigation('https://evil.example/landing');
    const sub = navigation('https://widgets.example/frame', false);
    contents.emit('will-redirect', main);
    contents.emit('will-redirect', sub);
    expect(main.preventDefault).toHaveBeenCalled();
    expect(sub.preventDefault).not.toHaveBeenCalled();
  });

  it('sends foreign web links to the system browser, opens on-site ones as a tab, refuses the rest', () => {
    const { contents } = open();
    const openWindow = (url: string) => contents.windowOpenHandler!({ url });
    expect(openWindow('https://www.example.com/manual')).toEqual({ action: 'deny' });
    expect(openedExternally).toEqual(['https://www.example.com/manual']);

    expect(openWindow('https://acme.zendesk.com/agent/tickets/12')).toEqual({ action: 'deny' });
    expect(FakeWebContentsView.created).toHaveLength(2);
    expect(FakeWebContentsView.created[1]!.options.webPreferences?.partition).toBe('persist:helpdesk-zendesk');

    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'tandem://app/console/']) {
      expect(openWindow(url)).toEqual({ action: 'deny' });
    }
    expect(openedExternally).toEqual(['https://www.example.com/manual']);
  });
});

describe('messages from a helpdesk page', () => {
  it('forwards the latest ticket of each tab to the console', () => {
    const { contents, summary } = open();
    report(contents, { type: 'ticket.opened', ticket });
    expect(lastState().tabs).toEqual([expect.objectContaining({ tabId: summary.tabId, ticket: { kind: 'ticket', ticket } })]);

    report(contents, { type: 'ticket.unreadable', detail: 'The ticket layout changed' });
    expect(lastState().tabs[0]!.ticket).toEqual({ kind: 'unreadable', detail: 'The ticket layout changed' });

    report(contents, { type: 'ticket.closed' });
    expect(lastState().tabs[0]!.ticket).toEqual({ kind: 'none' });
  });

  it.each([
    ['no payload', []],
    ['two payloads', [{ type: 'ticket.closed' }, { type: 'ticket.closed' }]],
    ['an unknown type', [{ type: 'ticket.stolen' }]],
    ['a ticket without an id', [{ type: 'ticket.opened', ticket: { ...ticket, ticketId: '' } }]],
    ['a javascript: ticket URL', [{ type: 'ticket.opened', ticket: { ...ticket, url: 'javascript:alert(1)' } }]],
    ['an extra field', [{ type: 'ticket.closed', html: '<html>' }]],
    ['a huge detail', [{ type: 'ticket.unreadable', detail: 'x'.repeat(501) }]],
    ['a string', ['ticket.opened']],
  ])('rejects a malformed report: %s', (_name, args) => {
    const { contents } = open();
    report(contents, { type: 'ticket.opened', ticket });
    const before = window.sentOn(HELPDESK_CONSOLE_EVENTS.state).length;
    contents.sendFromFrame(contents.mainFrame, HELPDESK_PAGE_CHANNELS.report, ...args);
    expect(window.sentOn(HELPDESK_CONSOLE_EVENTS.state)).toHaveLength(before);
    expect(tabs.list().tabs[0]!.ticket).toEqual({ kind: 'ticket', ticket });
    expect(log).toHaveBeenLastCalledWith(expect.objectContaining({ reason: 'malformed', what: HELPDESK_PAGE_CHANNELS.report }));
    expect(JSON.stringify(log.mock.calls)).not.toContain('Mira');
  });

  it('rejects a report from a subframe, a stale frame or no frame', () => {
    const { contents } = open();
    const iframe = new FakeFrame(ZENDESK_TICKET, 1, 2);
    const otherProcess = new FakeFrame(ZENDESK_TICKET, 7, 1);
    for (const frame of [iframe, otherProcess, null]) report(contents, { type: 'ticket.opened', ticket }, frame);
    expect(tabs.list().tabs[0]!.ticket).toEqual({ kind: 'none' });
    expect(log.mock.calls.map(([entry]) => entry.reason)).toEqual(['foreign-frame', 'foreign-frame', 'no-frame']);
  });

  it('rejects reports from the main frame once it is on a sign-in or foreign host', () => {
    const { contents } = open();
    contents.navigated('https://acme.okta.com/login');
    report(contents, { type: 'ticket.opened', ticket });
    contents.navigated('https://evil.example/');
    report(contents, { type: 'ticket.opened', ticket });
    expect(tabs.list().tabs[0]!.ticket).toEqual({ kind: 'none' });
    expect(log.mock.calls.filter(([entry]) => entry.reason === 'foreign-host')).toHaveLength(2);
  });

  it("forgets a tab's ticket when its main frame loads another document", () => {
    const { contents } = open();
    report(contents, { type: 'ticket.opened', ticket });
    contents.navigated('https://acme.zendesk.com/agent/tickets/9');
    expect(lastState().tabs[0]!.ticket).toEqual({ kind: 'none' });
  });

  it('never sends tickets to a console window that left the app', () => {
    const { contents } = open();
    window.webContents.mainFrame = new FakeFrame('https://evil.example/', 9, 9);
    const before = window.webContents.sentToPage.length;
    report(contents, { type: 'ticket.opened', ticket });
    expect(window.webContents.sentToPage).toHaveLength(before);
  });

  it('forwards valid draft outcomes with the tab id, and drops invalid ones', () => {
    const { contents, summary } = open();
    contents.sendFromFrame(contents.mainFrame, HELPDESK_PAGE_CHANNELS.draftOutcome, {
      draftId: 'd1',
      outcome: 'sent-edited',
      keptRatio: 0.8,
    });
    contents.sendFromFrame(contents.mainFrame, HELPDESK_PAGE_CHANNELS.draftOutcome, {
      draftId: 'd1',
      outcome: 'sent-edited',
      keptRatio: 3,
    });
    contents.sendFromFrame(new FakeFrame(ZENDESK_TICKET, 1, 5), HELPDESK_PAGE_CHANNELS.draftOutcome, {
      draftId: 'd2',
      outcome: 'discarded',
      keptRatio: 0,
    });
    expect(window.sentOn(HELPDESK_CONSOLE_EVENTS.draftOutcome)).toEqual([
      { tabId: summary.tabId, draftId: 'd1', outcome: 'sent-edited', keptRatio: 0.8 },
    ]);
  });
});

describe('inserting a draft', () => {
  function insertCommand(contents: FakeWebContents) {
    const sent = contents.mainFrame.sent.at(-1)!;
    expect(sent.channel).toBe(HELPDESK_INSERT_CHANNEL);
    return sent.args[0] as { requestId: string; draftId: string; text: string };
  }

  it("sends the command to the tab's main frame and resolves with the page's answer", async () => {
    const { contents, summary } = open();
    const inserted = tabs.insert(summary.tabId, 'd1', 'Sorry about the double charge.');
    const command = insertCommand(contents);
    expect(command).toMatchObject({ draftId: 'd1', text: 'Sorry about the double charge.' });
    contents.sendFromFrame(contents.mainFrame, HELPDESK_PAGE_CHANNELS.insertResult, {
      requestId: command.requestId,
      reply: { ok: true, composer: 'Zendesk reply box' },
    });
    await expect(inserted).resolves.toEqual({ composer: 'Zendesk reply box' });
  });

  it("passes on the page's refusal as a typed error", async () => {
    const { contents, summary } = open();
    const inserted = tabs.insert(summary.tabId, 'd1', 'Hello');
    contents.sendFromFrame(contents.mainFrame, HELPDESK_PAGE_CHANNELS.insertResult, {
      requestId: insertCommand(contents).requestId,
      reply: { ok: false, error: 'No reply box is open on this page' },
    });
    await expect(inserted).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT', message: 'No reply box is open on this page' });
  });

  it('ignores an answer from another frame or for another request, then times out', async () => {
    vi.useFakeTimers();
    const { contents, summary } = open();
    const inserted = tabs.insert(summary.tabId, 'd1', 'Hello');
    const outcome = expect(inserted).rejects.toMatchObject({ code: 'TIMEOUT' });
    const { requestId } = insertCommand(contents);
    contents.sendFromFrame(new FakeFrame(ZENDESK_TICKET, 1, 3), HELPDESK_PAGE_CHANNELS.insertResult, {
      requestId,
      reply: { ok: true, composer: 'forged' },
    });
    contents.sendFromFrame(contents.mainFrame, HELPDESK_PAGE_CHANNELS.insertResult, {
      requestId: 'someone-else',
      reply: { ok: true, composer: 'forged' },
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await outcome;
  });

  it('never types into a tab that left the reading hosts, nor into an unknown tab', async () => {
    const { contents, summary } = open();
    contents.navigated('https://acme.okta.com/login');
    await expect(tabs.insert(summary.tabId, 'd1', 'Hello')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(contents.mainFrame.sent).toEqual([]);
    await expect(tabs.insert('no-such-tab', 'd1', 'Hello')).rejects.toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('fails a pending insert when its tab closes', async () => {
    const { summary } = open();
    const inserted = tabs.insert(summary.tabId, 'd1', 'Hello');
    tabs.close(summary.tabId);
    await expect(inserted).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('layout and tab switching', () => {
  it('lays the visible tab out beside the Copilot pane and follows window resizes', () => {
    const { view } = open();
    expect(view.bounds).toEqual({ x: 0, y: 44, width: 780, height: 756 });
    window.resize(1000, 600);
    expect(view.bounds).toEqual({ x: 0, y: 44, width: 580, height: 556 });
    tabs.setLayout({ top: 40, copilotWidth: 360 });
    expect(view.bounds).toEqual({ x: 0, y: 40, width: 640, height: 560 });
    // Right of the console's navigation, which stays visible.
    tabs.setLayout({ top: 40, left: 200, copilotWidth: 360 });
    expect(view.bounds).toEqual({ x: 200, y: 40, width: 440, height: 560 });
  });

  it('shows one tab at a time, and the last one left when the shown tab closes', () => {
    const first = open();
    const second = open('https://mail.google.com/mail/u/0/');
    expect([first.view.visible, second.view.visible]).toEqual([false, true]);
    tabs.activate(first.summary.tabId);
    expect([first.view.visible, second.view.visible]).toEqual([true, false]);
    expect(lastState().activeTabId).toBe(first.summary.tabId);

    tabs.close(first.summary.tabId);
    expect(first.view.webContents.destroyed).toBe(true);
    expect(window.children).toEqual([second.view]);
    expect(lastState()).toMatchObject({ activeTabId: second.summary.tabId, tabs: [{ tabId: second.summary.tabId }] });

    tabs.activate(null);
    expect(second.view.visible).toBe(false);
    expect(() => tabs.activate('no-such-tab')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('closes every tab with the window', () => {
    const { view } = open();
    window.emit('closed');
    expect(view.webContents.destroyed).toBe(true);
  });
});
