// @vitest-environment jsdom
/**
 * The Gmail adapter against two invented Gmail thread pages (the current layout and the one the
 * fallback selectors cover), the pages it must refuse, and a thread far over the message limit.
 */
import { TICKET_LIMITS, ticketReadResultSchema, type TicketContext, type TicketReadResult } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import variantHtml from './fixtures/gmail/older-layout-search.html?raw';
import threadHtml from './fixtures/gmail/thread-with-collapsed-message.html?raw';
import { findGmailComposer, readGmailTicket } from './gmailAdapter';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxRkTbWplmNcZsJdLqHgtPwXv';
const SEARCH_URL = 'https://mail.google.com/mail/u/1/#search/battery+mount';

/** The fixture pages, loaded as text by Vite (`?raw`): the extension lint allows no Node API such as fs. */
const FIXTURES: Record<string, string> = {
  'gmail/thread-with-collapsed-message.html': threadHtml,
  'gmail/older-layout-search.html': variantHtml,
};

function fixture(name: string): string {
  const html = FIXTURES[name];
  if (html === undefined) throw new Error(`no fixture ${name}`);
  return html;
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Gmail's tooltips are in the agent's local time, so the expected instant is built the same way. */
function localIso(month: number, day: number, hour: number, minute: number): string {
  return new Date(2026, month - 1, day, hour, minute).toISOString();
}

function expectTicket(result: TicketReadResult): TicketContext {
  expect(ticketReadResultSchema.safeParse(result).success).toBe(true);
  if (result.kind !== 'ticket') throw new Error(`expected a ticket, got ${result.reason}: ${result.detail}`);
  return result.ticket;
}

function gmailPage(main: string, title = 'Inbox - priya@lumenbikes.test - Gmail'): Document {
  return parse(`<!doctype html><html><head><title>${title}</title></head><body><div role="main">${main}</div></body></html>`);
}

function gmailMessage(index: number): string {
  return `<div class="adn" data-message-id="m-${index}"><span class="gD" email="tomasz.w@example.org" name="Tomasz Wielgus">Tomasz</span><div class="a3s">message ${index}</div></div>`;
}

describe('readGmailTicket', () => {
  it('reads the current Gmail thread layout into a TicketContext', () => {
    const doc = parse(fixture('gmail/thread-with-collapsed-message.html'));

    const ticket = expectTicket(readGmailTicket(doc, THREAD_URL));

    expect(ticket).toEqual({
      site: 'gmail',
      ticketId: 'FMfcgzQVxRkTbWplmNcZsJdLqHgtPwXv',
      subject: 'Cracked battery mount on order LB-7781',
      requester: { name: 'Tomasz Wielgus', email: 'tomasz.w@example.org' },
      tags: [],
      status: 'unknown',
      url: THREAD_URL,
      messages: [
        {
          id: '#msg-f:1804455667788990011',
          authorRole: 'customer',
          partial: false,
          authorName: 'Tomasz Wielgus',
          authorEmail: 'tomasz.w@example.org',
          sentAt: localIso(11, 16, 9, 12),
          body: 'Hi,\nmy e-bike from order LB-7781 arrived with a cracked battery mount.\nCould you send a replacement part?\n\nThanks, Tomasz',
        },
        {
          // Collapsed: only its snippet is on screen, so it is read as a partial message, not dropped.
          id: '#msg-f:1804455667788990012',
          authorRole: 'customer',
          partial: true,
          authorName: 'Tomasz Wielgus',
          authorEmail: 'tomasz.w@example.org',
          sentAt: localIso(11, 16, 9, 20),
          body: 'Also the charger light blinks red…',
        },
        {
          id: '#msg-a:r-4417702288133',
          authorRole: 'agent',
          partial: false,
          authorName: 'Priya Raman',
          authorEmail: 'Priya@lumenbikes.test',
          sentAt: localIso(11, 16, 11, 40),
          body: 'Hello Tomasz,\n\nSorry about that! A new mount is on its way.',
        },
        {
          id: '#msg-f:1804455667788990013',
          authorRole: 'customer',
          partial: false,
          authorName: 'Tomasz Wielgus',
          authorEmail: 'tomasz.w@example.org',
          sentAt: localIso(11, 17, 20, 5),
          body: 'Got it, thank you! See you.',
        },
      ],
    });
  });

  it('keeps hostile markup in a body out of the ticket and leaves the page untouched', () => {
    const doc = parse(fixture('gmail/thread-with-collapsed-message.html'));

    const ticket = expectTicket(readGmailTicket(doc, THREAD_URL));

    expect(JSON.stringify(ticket)).not.toMatch(/<script|<img|onerror|tandemPwned/);
    expect(doc.querySelectorAll('.gmail_quote')).toHaveLength(2);
    expect(doc.querySelector('img[onerror]')).not.toBeNull();
  });

  it('reads the fallback layout, taking the thread id from the first message', () => {
    const doc = parse(fixture('gmail/older-layout-search.html'));

    const ticket = expectTicket(readGmailTicket(doc, SEARCH_URL));

    expect(ticket).toEqual({
      site: 'gmail',
      ticketId: '18c4f2a9b7d3e015',
      subject: 'Warranty claim W-2210: frame creak',
      requester: { name: 'Ana Okafor', email: 'ana.okafor@example.net' },
      tags: [],
      status: 'unknown',
      url: SEARCH_URL,
      messages: [
        {
          id: 'm-01',
          authorRole: 'agent',
          partial: false,
          authorName: 'Lumen Support',
          authorEmail: 'support@lumenbikes.test',
          sentAt: '2026-11-18T14:30:00+01:00',
          body: 'Hello Ana,\nwe received your warranty claim W-2210. Could you describe when the creak happens?',
        },
        {
          id: 'm-02',
          authorRole: 'customer',
          partial: false,
          authorName: 'Ana Okafor',
          authorEmail: 'ana.okafor@example.net',
          sentAt: localIso(11, 19, 7, 45),
          body: 'Only when climbing.\n\nError from the app: <script>alert("creak")</script><img src=x onerror=alert(1)>',
        },
        {
          id: 'm-03',
          authorRole: 'agent',
          partial: false,
          authorName: 'Lumen Support',
          authorEmail: 'support@lumenbikes.test',
          body: 'Thanks, Ana. A technician will call you.',
        },
      ],
    });
  });

  it('says not-a-ticket-page off Gmail, and on Gmail with no conversation open', () => {
    const inbox = gmailPage(
      '<table class="F cf zt"><tr class="zA"><td><span data-legacy-thread-id="18fb6c1d2e3f4a5b">A thread</span></td></tr></table>',
    );

    expect(
      readGmailTicket(
        parse(fixture('gmail/thread-with-collapsed-message.html')),
        'https://example.com/#inbox/FMfcgzQVxRkTbWplmNcZsJdLqHgtPwXv',
      ),
    ).toMatchObject({
      kind: 'no-ticket',
      reason: 'not-a-ticket-page',
    });
    expect(readGmailTicket(inbox, 'https://mail.google.com/mail/u/0/#inbox')).toMatchObject({
      kind: 'no-ticket',
      reason: 'not-a-ticket-page',
    });
    expect(readGmailTicket(inbox, 'https://mail.google.com/mail/u/0/#label/Support%20queue')).toMatchObject({
      kind: 'no-ticket',
      reason: 'not-a-ticket-page',
    });
  });

  it('says unreadable-layout for a thread it cannot read for certain', () => {
    const current = fixture('gmail/thread-with-collapsed-message.html');
    const cases: [string, Document, string][] = [
      ['the URL names a thread but the view is unrecognised', gmailPage('<div class="new-thread-view">Hello</div>'), THREAD_URL],
      ['messages without a subject', parse(current.replace(/<h2 class="hP"[\s\S]*?<\/h2>/, '')), THREAD_URL],
      ['a subject without messages', parse(current.replaceAll('class="adn', 'class="renamed')), THREAD_URL],
      ['bodies renamed', parse(current.replaceAll('class="a3s aiL"', 'class="x"').replaceAll('class="ii gt"', 'class="y"')), THREAD_URL],
      [
        'a body with no sender',
        parse(current.replace('<span class="gD" email="Priya@lumenbikes.test" name="Priya Raman">', '<span class="gD">')),
        THREAD_URL,
      ],
      [
        'no thread id in the URL or the DOM',
        parse(fixture('gmail/older-layout-search.html').replace(' data-legacy-thread-id="18c4f2a9b7d3e015"', '')),
        SEARCH_URL,
      ],
      ['no known mailbox owner', parse(fixture('gmail/older-layout-search.html').replace('support@lumenbikes.test - ', '')), SEARCH_URL],
    ];

    for (const [label, doc, url] of cases) {
      expect(readGmailTicket(doc, url), label).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
    }
  });

  it('keeps the newest messages of a 5,000-message thread', () => {
    const messages = Array.from({ length: 5000 }, (_, index) => gmailMessage(index)).join('');
    const doc = gmailPage(`<h2 class="hP">Long thread</h2>${messages}`);

    const ticket = expectTicket(readGmailTicket(doc, THREAD_URL));

    expect(ticket.messages).toHaveLength(TICKET_LIMITS.messages);
    expect(ticket.messages[0]?.body).toBe(`message ${5000 - TICKET_LIMITS.messages}`);
    expect(ticket.messages.at(-1)).toEqual({
      id: 'm-4999',
      authorRole: 'customer',
      partial: false,
      authorName: 'Tomasz Wielgus',
      authorEmail: 'tomasz.w@example.org',
      body: 'message 4999',
    });
  });
});

describe('findGmailComposer', () => {
  it('finds the reply box in both layouts, and nothing when no reply is open', () => {
    const current = parse(fixture('gmail/thread-with-collapsed-message.html'));
    const variant = parse(fixture('gmail/older-layout-search.html'));

    expect(findGmailComposer(current)).toBe(current.querySelector('div.M9 div[contenteditable="true"]'));
    expect(findGmailComposer(current)?.getAttribute('aria-label')).toBe('Message Body');
    expect(findGmailComposer(variant)).toBe(variant.querySelector('.Ap .Am'));
    expect(findGmailComposer(variant)).not.toBeNull();
    expect(findGmailComposer(gmailPage('<h2 class="hP">No reply open</h2>'))).toBeNull();
  });
});
