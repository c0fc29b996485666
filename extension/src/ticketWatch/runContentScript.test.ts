// @vitest-environment jsdom
/**
 * A content script under the agent's site settings, with a stand-in for chrome.*: a site switched
 * off does nothing (no report, no mark, no draft insert), switching it on or off applies without a
 * reload, and the auto script reads a loopback page with the adapter its markup names.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptMessage } from '../messages/messages';
import { DEFAULT_SITE_SETTINGS } from '../settings/siteSettings';
import { gmailAdapter } from '../adapters/gmailAdapter';
import { autoScript } from './autoSites';
import { siteScript } from './pageSites';
import { runContentScript, shouldRun, type RunningContentScript } from './runContentScript';

type MessageListener = (raw: unknown, sender: chrome.runtime.MessageSender, sendResponse: (response: unknown) => void) => unknown;
type StorageListener = (changes: Record<string, chrome.storage.StorageChange>, areaName: string) => void;

const OWN_ID = 'tandem-extension-id';
const GMAIL_PAGE = `<div role="main"><h2 class="hP" data-legacy-thread-id="190a1b2c3d4e5f60">Cracked battery mount</h2>
  <div class="adn" data-message-id="m-1"><span class="gD" email="tomasz.w@example.org" name="Tomasz">Tomasz</span><div class="a3s">It cracked.</div></div>
  <div class="M9"><div contenteditable="true" id="composer"></div></div></div>`;

let stored: Record<string, unknown>;
let sent: ContentScriptMessage[];
let messageListeners: MessageListener[];
let storageListeners: StorageListener[];
let running: RunningContentScript | undefined;

function setStored(values: Record<string, unknown>) {
  Object.assign(stored, values);
  const changes = Object.fromEntries(Object.keys(values).map((key) => [key, { newValue: values[key] }]));
  for (const listener of storageListeners) listener(changes, 'local');
}

function insertRequest(): unknown[] {
  const responses: unknown[] = [];
  for (const listener of messageListeners) {
    listener({ type: 'draft.insert', draftId: 'd-1', text: 'Hello' }, { id: OWN_ID }, (response) => responses.push(response));
  }
  return responses;
}

beforeEach(() => {
  stored = {};
  sent = [];
  messageListeners = [];
  storageListeners = [];
  vi.stubGlobal('chrome', {
    runtime: {
      id: OWN_ID,
      sendMessage: async (message: ContentScriptMessage) => {
        sent.push(message);
        return { ok: true };
      },
      onMessage: {
        addListener: (listener: MessageListener) => messageListeners.push(listener),
        removeListener: (listener: MessageListener) => (messageListeners = messageListeners.filter((each) => each !== listener)),
      },
    },
    storage: {
      local: { get: async () => ({ ...stored }) },
      onChanged: {
        addListener: (listener: StorageListener) => storageListeners.push(listener),
        removeListener: (listener: StorageListener) => (storageListeners = storageListeners.filter((each) => each !== listener)),
      },
    },
  });
  document.body.innerHTML = GMAIL_PAGE;
  document.title = 'Inbox - priya@lumenbikes.test - Gmail';
  window.history.replaceState(null, '', '/gmail-thread.html');
});

afterEach(() => {
  running?.stop();
  running = undefined;
  Reflect.deleteProperty(globalThis, '__tandemContentScript');
  delete document.documentElement.dataset.tandemTicket;
  vi.unstubAllGlobals();
});

describe('runContentScript', () => {
  it('reads a loopback page with the adapter its markup names, and answers draft inserts', async () => {
    running = runContentScript(autoScript());

    await vi.waitFor(() => expect(sent.map((message) => message.type)).toEqual(['ticket.opened']));
    expect(sent[0]).toMatchObject({ ticket: { site: 'gmail', ticketId: '190a1b2c3d4e5f60' } });
    expect(document.documentElement.dataset.tandemTicket).toBe('190a1b2c3d4e5f60');
    expect(insertRequest()).toEqual([{ ok: true, composer: 'Gmail reply box' }]);
    expect(document.getElementById('composer')?.textContent).toBe('Hello');
  });

  it('does nothing on a site switched off, and starts when it is switched on', async () => {
    stored = { enabledSites: { gmail: false, zendesk: true, salesforce: true } };
    running = runContentScript(siteScript(gmailAdapter));
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(sent).toEqual([]);
    expect(messageListeners).toEqual([]);
    expect(document.documentElement.dataset.tandemTicket).toBeUndefined();

    setStored({ enabledSites: { gmail: true, zendesk: true, salesforce: true } });
    await vi.waitFor(() => expect(messageListeners).toHaveLength(1));
    // Running now; the Gmail script reads only mail.google.com, so this test page is no ticket to it.
    await vi.waitFor(() => expect(sent).toEqual([{ type: 'ticket.closed' }]));
  });

  it('stops and tells the background the ticket is gone when its site is switched off', async () => {
    running = runContentScript(autoScript());
    await vi.waitFor(() => expect(sent).toHaveLength(1));

    setStored({ enabledSites: { gmail: false, zendesk: true, salesforce: true } });

    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ type: 'ticket.closed' }));
    expect(document.documentElement.dataset.tandemTicket).toBeUndefined();
  });

  it('runs once per page, however many scripts match it', async () => {
    running = runContentScript(autoScript());
    const second = runContentScript(siteScript(gmailAdapter));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(messageListeners).toHaveLength(1);
    second.stop();
  });
});

describe('shouldRun', () => {
  const gmailOff = { ...DEFAULT_SITE_SETTINGS, enabledSites: { gmail: false, zendesk: true, salesforce: true } };

  it('follows the enabled setting of its own site', () => {
    expect(shouldRun('gmail', gmailOff, 'mail.google.com')).toBe(false);
    expect(shouldRun('zendesk', gmailOff, 'acme.zendesk.com')).toBe(true);
  });

  it('keeps the auto script off a host mapped to a site that is off, and on elsewhere', () => {
    const mapped = { ...gmailOff, hostMappings: [{ host: 'mail.acme.com', scheme: 'https' as const, site: 'gmail' as const }] };
    expect(shouldRun('auto', mapped, 'mail.acme.com')).toBe(false);
    expect(shouldRun('auto', mapped, '127.0.0.1')).toBe(true);
  });
});
