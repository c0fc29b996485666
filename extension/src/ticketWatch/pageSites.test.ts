// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://mail.acme.test/mail/u/0/#inbox/FMfcgzQVxRkTbWplmNcZsJdLqHgtPwXw"}
/**
 * A site's own content script on a host an admin mapped to it (the background registers the site's
 * script there): it reads the page only where the settings map the host to its own site, reads
 * its own hosts as before, and obeys the enabled-sites setting. The page here is served from
 * mail.acme.test, a host no helpdesk owns.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import gmailFixture from '../adapters/fixtures/gmail/long-thread-older-messages-compact.html?raw';
import salesforceFixture from '../adapters/fixtures/salesforce/lightning-console.html?raw';
import zendeskFixture from '../adapters/fixtures/zendesk/agent-workspace-tabs.html?raw';
import { gmailAdapter } from '../adapters/gmailAdapter';
import { salesforceAdapter } from '../adapters/salesforceAdapter';
import type { SiteAdapter } from '../adapters/siteAdapter';
import type { HelpdeskSite, MappedSite } from '../adapters/siteHosts';
import { zendeskAdapter } from '../adapters/zendeskAdapter';
import type { ContentScriptMessage } from '../messages/messages';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../settings/siteSettings';
import { siteReadOptions, siteScript } from './pageSites';
import { runContentScript, type RunningContentScript } from './runContentScript';

const HOST = 'mail.acme.test';
const THREAD_ID = 'FMfcgzQVxRkTbWplmNcZsJdLqHgtPwXw';

function mappedTo(site: MappedSite, host = HOST): SiteSettings {
  return { ...DEFAULT_SITE_SETTINGS, hostMappings: [{ host, scheme: 'https', site }] };
}

function parsed(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('siteReadOptions', () => {
  it("skips the adapter's host check exactly where this host is mapped to this site", () => {
    const url = `https://${HOST}/thread`;

    expect(siteReadOptions(gmailAdapter, url, mappedTo('gmail'))).toEqual({ anyHost: true });
    expect(siteReadOptions(gmailAdapter, url, mappedTo('zendesk'))).toEqual({ anyHost: false });
    expect(siteReadOptions(gmailAdapter, url, mappedTo('auto'))).toEqual({ anyHost: false });
    expect(siteReadOptions(gmailAdapter, url, DEFAULT_SITE_SETTINGS)).toEqual({ anyHost: false });
    expect(siteReadOptions(gmailAdapter, 'not a url', mappedTo('gmail'))).toEqual({ anyHost: false });
  });

  it('lets the most specific mapping decide, as the auto script does', () => {
    const settings: SiteSettings = {
      ...DEFAULT_SITE_SETTINGS,
      hostMappings: [
        { host: '*.acme.test', scheme: 'https', site: 'gmail' },
        { host: HOST, scheme: 'https', site: 'zendesk' },
      ],
    };

    expect(siteReadOptions(gmailAdapter, `https://${HOST}/`, settings)).toEqual({ anyHost: false });
    expect(siteReadOptions(zendeskAdapter, `https://${HOST}/`, settings)).toEqual({ anyHost: true });
    expect(siteReadOptions(gmailAdapter, 'https://other.acme.test/', settings)).toEqual({ anyHost: true });
  });

  it("leaves the site's own hosts to the adapter's own check", () => {
    expect(siteReadOptions(gmailAdapter, 'https://mail.google.com/mail/u/0/', mappedTo('gmail'))).toEqual({ anyHost: false });
  });
});

describe("a site script's reading on a mapped host", () => {
  const cases: [HelpdeskSite, SiteAdapter<HelpdeskSite>, string, string, string][] = [
    [
      'gmail',
      gmailAdapter,
      gmailFixture,
      'https://mail.google.com/mail/u/1/#label/Support%2FWarranty/FMfcgzGxSmVwBvKqPjRtLdNcHsXzFgTw',
      `https://${HOST}/mail/u/1/#label/Support%2FWarranty/FMfcgzGxSmVwBvKqPjRtLdNcHsXzFgTw`,
    ],
    [
      'zendesk',
      zendeskAdapter,
      zendeskFixture,
      'https://brightkettle.zendesk.com/agent/tickets/30412',
      `https://${HOST}/agent/tickets/30412`,
    ],
    [
      'salesforce',
      salesforceAdapter,
      salesforceFixture,
      'https://tandem-demo.lightning.force.com/lightning/r/Case/500000000000026AAA/view',
      `https://${HOST}/lightning/r/Case/500000000000026AAA/view`,
    ],
  ];

  it.each(cases)(
    '%s: reads the page as on its own host where mapped to it, and refuses it otherwise',
    (site, adapter, html, ownUrl, mappedUrl) => {
      const script = siteScript(adapter);
      const doc = parsed(html);
      const own = script.read(doc, ownUrl, DEFAULT_SITE_SETTINGS);
      expect(own.kind).toBe('ticket');

      expect(own.kind === 'ticket' && own.ticket.url).toBe(ownUrl);

      const mapped = script.read(doc, mappedUrl, mappedTo(site));
      expect(mapped).toEqual(own.kind === 'ticket' ? { kind: 'ticket', ticket: { ...own.ticket, url: mappedUrl } } : own);
      expect(script.read(doc, mappedUrl, DEFAULT_SITE_SETTINGS)).toMatchObject({ kind: 'no-ticket', reason: 'not-a-ticket-page' });
      expect(script.read(doc, mappedUrl, mappedTo(site === 'gmail' ? 'zendesk' : 'gmail'))).toMatchObject({ kind: 'no-ticket' });
    },
  );
});

type MessageListener = (raw: unknown, sender: chrome.runtime.MessageSender, sendResponse: (response: unknown) => void) => unknown;
type StorageListener = (changes: Record<string, chrome.storage.StorageChange>, areaName: string) => void;

const GMAIL_PAGE = `<div role="main"><h2 class="hP" data-legacy-thread-id="190a1b2c3d4e5f60">Cracked battery mount</h2>
  <div class="adn" data-message-id="m-1"><span class="gD" email="tomasz.w@example.org" name="Tomasz">Tomasz</span><div class="a3s">It cracked.</div></div>
  <div class="M9"><div contenteditable="true" id="composer"></div></div></div>`;

describe('the Gmail content script on a host mapped to Gmail', () => {
  let stored: Record<string, unknown>;
  let sent: ContentScriptMessage[];
  let messageListeners: MessageListener[];
  let storageListeners: StorageListener[];
  let running: RunningContentScript | undefined;

  const setStored = (values: Record<string, unknown>) => {
    Object.assign(stored, values);
    const changes = Object.fromEntries(Object.keys(values).map((key) => [key, { newValue: values[key] }]));
    for (const listener of storageListeners) listener(changes, 'local');
  };

  beforeEach(() => {
    stored = { hostMappings: [{ host: HOST, scheme: 'https', site: 'gmail' }] };
    sent = [];
    messageListeners = [];
    storageListeners = [];
    vi.stubGlobal('chrome', {
      runtime: {
        id: 'tandem-extension-id',
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
  });

  afterEach(() => {
    running?.stop();
    running = undefined;
    Reflect.deleteProperty(globalThis, '__tandemContentScript');
    delete document.documentElement.dataset.tandemTicket;
    vi.unstubAllGlobals();
  });

  it('reads the ticket and answers draft inserts', async () => {
    expect(location.hostname).toBe(HOST);
    running = runContentScript(siteScript(gmailAdapter));

    await vi.waitFor(() => expect(sent.map((message) => message.type)).toEqual(['ticket.opened']));
    // Gmail's ticket id is the thread's id in the URL, as on mail.google.com.
    expect(sent[0]).toMatchObject({ ticket: { site: 'gmail', ticketId: THREAD_ID, url: location.href } });
    expect(document.documentElement.dataset.tandemTicket).toBe(THREAD_ID);
    const responses: unknown[] = [];
    for (const listener of messageListeners) {
      listener({ type: 'draft.insert', draftId: 'd-1', text: 'Hello' }, { id: 'tandem-extension-id' }, (response) =>
        responses.push(response),
      );
    }
    expect(responses).toEqual([{ ok: true, composer: 'Gmail reply box' }]);
  });

  it('lets go of the ticket when the mapping is removed, and does nothing while Gmail is switched off', async () => {
    running = runContentScript(siteScript(gmailAdapter));
    await vi.waitFor(() => expect(sent).toHaveLength(1));

    setStored({ hostMappings: [] });
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ type: 'ticket.closed' }));
    expect(document.documentElement.dataset.tandemTicket).toBeUndefined();

    setStored({
      hostMappings: [{ host: HOST, scheme: 'https', site: 'gmail' }],
      enabledSites: { gmail: false, zendesk: true, salesforce: true },
    });
    await vi.waitFor(() => expect(messageListeners).toEqual([]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent.filter((message) => message.type === 'ticket.opened')).toHaveLength(1);

    setStored({ enabledSites: { gmail: true, zendesk: true, salesforce: true } });
    await vi.waitFor(() => expect(sent.at(-1)).toMatchObject({ type: 'ticket.opened', ticket: { ticketId: THREAD_ID } }));
  });
});
