// @vitest-environment jsdom
/**
 * Where the Copilot screen runs decides what it offers: at /console in a browser (no
 * `window.tandemDesktop.helpdesk`) only following the browser's ticket, unchanged; in the Electron
 * app also the helpdesk tab strip, whose shown tab's ticket takes the pane over the followed one.
 * The bridge is a fake (Electron's IPC cannot run here); the client answers only what the screen
 * calls: a presence stream that stays connecting, and empty knowledge searches.
 */
import type { PresenceSnapshot, SessionInfo, TicketContext } from '@tandem/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleClient } from '../api/client';
import { ConsoleSessionProvider, type ConsoleSession } from '../shell/consoleSession';
import { get, mount, query, waitFor, type Mounted } from '../testing/dom';
import { fakeBridge } from './copilot/fakeHelpdeskBridge';
import { CopilotScreen } from './CopilotScreen';

const TICKET: TicketContext = {
  site: 'gmail',
  ticketId: 'thread-9',
  subject: 'Invoice sent twice',
  requester: { name: 'Kim Okafor' },
  messages: [{ authorRole: 'customer', partial: false, body: 'I was billed twice this month.' }],
  tags: [],
  status: 'open',
};

const INFO = {
  workspace: { id: 'ws_1', name: 'Acme Support' },
  principal: { tokenId: 'tok_agent', tenantId: 'ws_1', name: 'Sam', role: 'agent' },
  serverVersion: '0.1.0',
  limits: { maxUploadBytes: 1_000_000 },
} as unknown as SessionInfo;

let mounted: Mounted | undefined;
let follows: number;

afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  vi.unstubAllGlobals();
  delete window.tandemDesktop;
});

async function renderScreen() {
  follows = 0;
  const client = {
    presence: {
      follow: {
        subscribe: (_input: unknown, _observer: { onData: (event: { data: PresenceSnapshot }) => void }) => {
          follows += 1;
          return { unsubscribe: () => undefined };
        },
      },
    },
    knowledge: { search: { query: async () => ({ hits: [] }) } },
    assist: {
      start: { mutate: async () => ({ draftId: 'dr_1' }) },
      draft: { subscribe: () => ({ unsubscribe: () => undefined }) },
      feedback: { mutate: async () => ({}) },
    },
    actions: { execute: { mutate: async () => ({}) } },
  } as unknown as ConsoleClient;
  const session: ConsoleSession = {
    client,
    info: INFO,
    serverUrl: 'http://localhost',
    token: 't',
    notice: null,
    onUnauthorized: () => undefined,
  };
  mounted = await mount(
    <ConsoleSessionProvider session={session}>
      <CopilotScreen />
    </ConsoleSessionProvider>,
  );
}

describe('the Copilot screen', () => {
  it('in a browser follows the browser only, with no helpdesk tabs', async () => {
    await renderScreen();
    expect(get('copilot-following').textContent).toBe('Connecting…');
    expect(follows).toBe(1);
    expect(query('helpdesk-strip')).toBeNull();
  });

  it('in the app adds the helpdesk tabs, and the shown tab’s ticket takes the pane', async () => {
    const fake = fakeBridge({ activeTabId: null, tabs: [] });
    window.tandemDesktop = {
      session: { load: vi.fn(), save: vi.fn(), clear: vi.fn() },
      helpdesk: fake.bridge,
    };
    await renderScreen();
    expect(get('helpdesk-strip')).not.toBeNull();
    expect(get('copilot-following').textContent).toBe('Connecting…');
    await waitFor(() => expect(fake.calls.setLayout).toHaveBeenCalled());

    fake.emit({
      activeTabId: 'g1',
      tabs: [
        { tabId: 'g1', site: 'gmail', label: 'Gmail', host: 'mail.google.com', title: 'Inbox', ticket: { kind: 'ticket', ticket: TICKET } },
      ],
    });
    await waitFor(() => expect(get('ticket-subject').textContent).toBe('Invoice sent twice'));
    expect(query('copilot-following')).toBeNull();
    expect(get('helpdesk-following').textContent).toBe('Following the Gmail tab (mail.google.com).');
  });
});
