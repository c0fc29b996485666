// @vitest-environment jsdom
/**
 * The Salesforce adapter against our own invented case pages (Lightning console and Classic),
 * modelled on the real DOM: exact fields, the active console tab only, the composer, pages it must
 * refuse, a hostile feed item, and an oversized feed.
 */
// eslint-disable-next-line no-restricted-imports -- the test (not the extension) reads its fixture pages from disk
import { readFileSync } from 'node:fs';
import { ticketReadResultSchema, type TicketContext, type TicketReadResult } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { findSalesforceComposer, readSalesforceTicket } from './salesforceAdapter';

const LIGHTNING_URL = 'https://tandem-demo.lightning.force.com/lightning/r/Case/500000000000026AAA/view';
const CLASSIC_URL = 'https://tandem-demo.my.salesforce.com/500000000000031';

function fixtureHtml(name: string): string {
  return readFileSync(`${import.meta.dirname}/fixtures/${name}`, 'utf8');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const lightningHtml = fixtureHtml('salesforce/lightning-console.html');
const classicHtml = fixtureHtml('salesforce/classic-description-only.html');

function expectTicket(result: TicketReadResult): TicketContext {
  expect(ticketReadResultSchema.safeParse(result).success).toBe(true);
  if (result.kind !== 'ticket') throw new Error(`expected a ticket, got ${result.reason}: ${result.detail}`);
  return result.ticket;
}

function activeTab(doc: Document): Element {
  const tab = doc.querySelector('.tabContent.active');
  if (tab === null) throw new Error('the fixture has no active tab');
  return tab;
}

function feedItem(index: number, sentAt: string | undefined): string {
  const time = sentAt === undefined ? '' : `<time datetime="${sentAt}"></time>`;
  return `<article class="cuf-feedItem"><a class="cuf-entityLink">Oskar Lind</a><div class="cuf-feedBodyText">note ${index}</div>${time}</article>`;
}

/** The active tab's feed replaced by `count` items, newest first as Salesforce lists them. */
function withFeed(count: number, timed: boolean): Document {
  const doc = parse(lightningHtml);
  const list = activeTab(doc).querySelector('.cuf-feedItem-list');
  if (list === null) throw new Error('the fixture has no feed');
  const start = Date.parse('2026-01-01T00:00:00Z');
  list.innerHTML = Array.from({ length: count }, (_, offset) => {
    const index = count - 1 - offset;
    return feedItem(index, timed ? new Date(start + index * 60_000).toISOString() : undefined);
  }).join('');
  return doc;
}

describe('readSalesforceTicket (Lightning console)', () => {
  it('reads the active console tab into a TicketContext, oldest message first', () => {
    const ticket = expectTicket(readSalesforceTicket(parse(lightningHtml), LIGHTNING_URL));

    expect(ticket).toEqual({
      site: 'salesforce',
      ticketId: '00001026',
      subject: 'Label printer skips every second label',
      requester: { name: 'Mara Quill', email: 'mara.quill@example.org' },
      tags: [],
      status: 'unknown',
      url: LIGHTNING_URL,
      messages: [
        {
          id: '0D5000000000011AAA',
          authorRole: 'customer',
          partial: false,
          authorName: 'Mara Quill',
          authorEmail: 'Mara.Quill@example.org',
          sentAt: '2026-03-03T08:40:00Z',
          body: 'Our label printer skips every second label since this morning.',
        },
        {
          id: '0D5000000000012AAA',
          authorRole: 'agent',
          partial: false,
          authorName: 'Oskar Lind',
          authorEmail: 'oskar.lind@tandem-demo.test',
          sentAt: '2026-03-03T09:05:00Z',
          body: 'Hi Mara,\nwhich firmware version is installed?',
        },
        {
          id: '0D5000000000013AAA',
          authorRole: 'internal',
          partial: false,
          authorName: 'Oskar Lind',
          sentAt: '2026-03-03T09:30:00Z',
          body: 'Firmware 4.2 changed the gap sensor default.\n\nAsked hardware team.',
        },
        {
          id: '0D5000000000014AAA',
          authorRole: 'customer',
          partial: false,
          authorName: 'Mara Quill',
          authorEmail: 'mara.quill@example.org',
          body: 'Here is the log you asked for.',
        },
      ],
    });
  });

  it('renders the hostile feed item inert: plain text, no markup, nothing run', () => {
    const ticket = expectTicket(readSalesforceTicket(parse(lightningHtml), LIGHTNING_URL));

    expect(JSON.stringify(ticket)).not.toMatch(/<script|<img|onerror|pwned/);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('reads whichever console tab is active, never a background one', () => {
    const doc = parse(lightningHtml);
    activeTab(doc).classList.remove('active');
    doc.querySelector('#tab-1')?.classList.add('active');

    const ticket = expectTicket(
      readSalesforceTicket(doc, 'https://tandem-demo.lightning.force.com/lightning/r/Case/500000000000019AAA/view'),
    );

    expect(ticket.ticketId).toBe('00001019');
    expect(ticket.subject).toBe('Dock station flickers at 60 Hz');
    expect(ticket.requester).toEqual({ name: 'Juno Patel' });
    expect(ticket.messages).toEqual([
      {
        id: '0D5000000000001AAA',
        authorRole: 'customer',
        partial: false,
        authorName: 'Juno Patel',
        authorEmail: 'juno.patel@example.net',
        sentAt: '2026-03-02T08:00:00Z',
        body: 'My dock flickers whenever the laptop wakes up.',
      },
    ]);
  });

  it('falls back to the record id in the URL when the page shows no case number', () => {
    const doc = parse(lightningHtml);
    for (const field of Array.from(activeTab(doc).querySelectorAll('[field-label="Case Number"], [slot="primaryField"]'))) field.remove();

    const ticket = expectTicket(readSalesforceTicket(doc, LIGHTNING_URL));

    expect(ticket.ticketId).toBe('500000000000026AAA');
    expect(ticket.subject).toBe('Label printer skips every second label');
  });

  it('refuses a case without its Subject field rather than take the header title, which is the case number', () => {
    const doc = parse(lightningHtml);
    activeTab(doc).querySelector('[field-label="Subject"]')?.remove();

    expect(readSalesforceTicket(doc, LIGHTNING_URL)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it('finds the reply composer of the active tab', () => {
    const composer = findSalesforceComposer(parse(lightningHtml));

    expect(composer?.getAttribute('data-tab')).toBe('active');
    expect(composer?.classList.contains('ql-editor')).toBe(true);
  });

  it('finds no composer when the active tab is ambiguous or has none', () => {
    const twoActive = parse(lightningHtml);
    twoActive.querySelector('#tab-1')?.classList.add('active');
    const noComposer = parse(lightningHtml);
    activeTab(noComposer).querySelector('.forceChatterPublisherPresentationDesktop')?.remove();

    expect(findSalesforceComposer(twoActive)).toBeNull();
    expect(findSalesforceComposer(noComposer)).toBeNull();
  });

  it('says not-a-ticket-page for other sites, other records and list views', () => {
    const account = parse(lightningHtml);
    for (const field of Array.from(activeTab(account).querySelectorAll('[field-label]'))) field.remove();

    expect(
      readSalesforceTicket(parse(lightningHtml), 'https://helpdesk.example.com/lightning/r/Case/500000000000026AAA/view'),
    ).toMatchObject({
      kind: 'no-ticket',
      reason: 'not-a-ticket-page',
    });
    expect(
      readSalesforceTicket(account, 'https://tandem-demo.lightning.force.com/lightning/r/Account/001000000000001AAA/view'),
    ).toMatchObject({
      kind: 'no-ticket',
      reason: 'not-a-ticket-page',
    });
    expect(
      readSalesforceTicket(parse('<html><body><h1>Home</h1></body></html>'), 'https://tandem-demo.lightning.force.com/lightning/page/home'),
    ).toMatchObject({ kind: 'no-ticket', reason: 'not-a-ticket-page' });
    expect(readSalesforceTicket(parse('<html><body><p>Hi</p></body></html>'), 'https://www.salesforce.com/')).toMatchObject({
      kind: 'no-ticket',
      reason: 'not-a-ticket-page',
    });
  });

  it('says unreadable-layout rather than guess between two active tabs', () => {
    const doc = parse(lightningHtml);
    doc.querySelector('#tab-1')?.classList.add('active');

    expect(readSalesforceTicket(doc, LIGHTNING_URL)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it('says unreadable-layout for a case with no subject, or a case URL with no active tab', () => {
    const noSubject = parse(lightningHtml);
    for (const field of Array.from(activeTab(noSubject).querySelectorAll('[field-label="Subject"], .slds-page-header'))) field.remove();
    const noActiveTab = parse(lightningHtml);
    activeTab(noActiveTab).classList.remove('active');

    expect(readSalesforceTicket(noSubject, LIGHTNING_URL)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
    expect(readSalesforceTicket(noActiveTab, LIGHTNING_URL)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it('keeps the newest 200 of 5,000 feed items, oldest first', () => {
    for (const timed of [true, false]) {
      const ticket = expectTicket(readSalesforceTicket(withFeed(5000, timed), LIGHTNING_URL));

      expect(ticket.messages).toHaveLength(200);
      expect(ticket.messages[0]?.body).toBe('note 4800');
      expect(ticket.messages.at(-1)?.body).toBe('note 4999');
    }
  });
});

describe('readSalesforceTicket (Classic)', () => {
  it('reads a Classic case page into a TicketContext', () => {
    const ticket = expectTicket(readSalesforceTicket(parse(classicHtml), CLASSIC_URL));

    expect(ticket).toEqual({
      site: 'salesforce',
      ticketId: '00001031',
      subject: 'Invoice PDF shows the wrong VAT number',
      requester: { name: 'Theo Brandt', email: 'theo.brandt@example.com' },
      tags: [],
      status: 'unknown',
      url: CLASSIC_URL,
      messages: [
        {
          authorRole: 'customer',
          partial: false,
          authorName: 'Theo Brandt',
          authorEmail: 'theo.brandt@example.com',
          body: 'Hello,\nthe invoice for March lists VAT number DE000000000.\nOurs is DE111111111.',
        },
      ],
    });
  });

  it('says not-a-ticket-page for a Classic page about another record', () => {
    const doc = parse(classicHtml.replace('<h1 class="pageType">Case', '<h1 class="pageType">Account'));

    expect(readSalesforceTicket(doc, 'https://tandem-demo.my.salesforce.com/001000000000001')).toMatchObject({
      kind: 'no-ticket',
      reason: 'not-a-ticket-page',
    });
  });

  it('says unreadable-layout for a Classic case without a Subject field', () => {
    const doc = parse(classicHtml);
    doc.querySelector('#cas14_ileinner')?.closest('tr')?.remove();

    expect(readSalesforceTicket(doc, CLASSIC_URL)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });
});
