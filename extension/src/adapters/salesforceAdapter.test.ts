// @vitest-environment jsdom
/**
 * The Salesforce adapter against our own invented case pages (Lightning console and Classic),
 * modelled on the real DOM: exact fields, the active console tab only, the composer, pages it must
 * refuse, a hostile feed item, and an oversized feed.
 */
// eslint-disable-next-line no-restricted-imports -- the test (not the extension) reads its fixture pages from disk
import { readFileSync } from 'node:fs';
import { ticketReadResultSchema, type TicketContext, type TicketReadResult } from '@tandem/shared';
import { parseHTML } from 'linkedom';
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

/**
 * The active tab's feed replaced by `count` items, newest first as Salesforce lists them. Built over
 * linkedom (the `tandem-extract` DOM): jsdom spends most of such a test building and querying its
 * own tree, which says nothing about the adapter.
 */
function withFeed(count: number, timed: boolean): Document {
  const doc = parseHTML(lightningHtml).document as unknown as Document;
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

/** One of the layout fixtures (fixtures/salesforce/<name>.html) parsed, with the address it is read at. */
function layout(name: string): { doc: Document; url: string } {
  const expected = JSON.parse(fixtureHtml(`salesforce/${name}.expected.json`)) as { url: string };
  return { doc: parse(fixtureHtml(`salesforce/${name}.html`)), url: expected.url };
}

function rolesOf(ticket: TicketContext): string[] {
  return ticket.messages.map((message) => message.authorRole);
}

function renameClass(doc: Document, from: string, to: string): void {
  for (const element of Array.from(doc.getElementsByClassName(from))) {
    element.classList.remove(from);
    element.classList.add(to);
  }
}

describe('readSalesforceTicket: which tab, which case', () => {
  it('reads the tab the tab bar selects when the panel lost its active class, and refuses when the two disagree', () => {
    const page = layout('lightning-console-tabs');
    page.doc.querySelector('#tab-32')?.classList.remove('active');

    expect(expectTicket(readSalesforceTicket(page.doc, page.url)).ticketId).toBe('00001044');

    page.doc.querySelector('#tab-31')?.classList.add('active');
    expect(readSalesforceTicket(page.doc, page.url)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it('never reads a background case, even when the console panels lose their class', () => {
    const page = layout('lightning-console-list-view');
    renameClass(page.doc, 'oneConsoleTab', 'renamedPanel');

    expect(readSalesforceTicket(page.doc, page.url)).toMatchObject({ kind: 'no-ticket', reason: 'not-a-ticket-page' });
  });

  it('reads only the page on screen when standard navigation keeps an earlier case hidden beside it', () => {
    const page = layout('lightning-web-to-case-es');
    const current = page.doc.querySelector('.oneContent.active');
    const earlier = page.doc.createElement('div');
    earlier.className = 'windowViewMode-normal oneContent';
    earlier.innerHTML =
      '<records-record-layout-item field-label="Asunto" data-target-selection-name="sfdc:RecordField.Case.Subject">' +
      '<slot name="outputField"><lightning-formatted-text slot="outputField">Pedido duplicado</lightning-formatted-text></slot>' +
      '</records-record-layout-item>';
    current?.before(earlier);

    expect(expectTicket(readSalesforceTicket(page.doc, page.url)).subject).toBe('No puedo restablecer la contraseña del portal de pedidos');

    earlier.classList.add('active');
    expect(readSalesforceTicket(page.doc, page.url)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it('refuses when the address names another case than the tab on screen', () => {
    const page = layout('lightning-console-tabs');

    expect(
      readSalesforceTicket(page.doc, 'https://northwind-tools.lightning.force.com/lightning/r/Case/500000000000039AAA/view'),
    ).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it('refuses when two places on the tab disagree on a field, or a field shows no value', () => {
    const conflicting = layout('lightning-compact-feed');
    const highlighted = conflicting.doc.querySelector('records-highlights-details-item lightning-formatted-text');
    if (highlighted !== null) highlighted.textContent = 'Export to PDF drops the last column';
    const valueless = layout('lightning-console-tabs');
    valueless.doc.querySelector('#tab-32 [data-target-selection-name="sfdc:RecordField.Case.ContactId"] slot')?.remove();

    expect(readSalesforceTicket(conflicting.doc, conflicting.url)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
    expect(readSalesforceTicket(valueless.doc, valueless.url)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it('reads the requester alone from a contact field with a label, initials and a badge', () => {
    const page = layout('lightning-rtl-he');

    expect(expectTicket(readSalesforceTicket(page.doc, page.url)).requester).toEqual({
      name: 'נועה כהן',
      email: 'noa.cohen@example.co.il',
    });
  });

  it('reads the requester from the web form when the case has no contact', () => {
    const page = layout('lightning-web-to-case-es');

    expect(expectTicket(readSalesforceTicket(page.doc, page.url)).requester).toEqual({
      name: 'Marta Ibáñez',
      email: 'marta.ibanez@example.es',
    });
  });
});

describe('readSalesforceTicket: who wrote each message', () => {
  it('takes the author of an e-mail whose header names no one from its From line', () => {
    const page = layout('lightning-console-tabs');

    const ticket = expectTicket(readSalesforceTicket(page.doc, page.url));

    expect(ticket.messages[2]).toMatchObject({ authorRole: 'customer', authorName: 'Ines Okafor', authorEmail: 'ines.okafor@example.net' });
  });

  it('reads a reply sent from the shared mailbox by the case owner, or by another user, as the agent', () => {
    const owner = expectTicket(readSalesforceTicket(layout('lightning-console-tabs').doc, layout('lightning-console-tabs').url));
    const colleague = layout('lightning-rtl-he');

    expect(owner.messages.at(-1)).toMatchObject({
      authorRole: 'agent',
      authorName: 'Pavel Novak',
      authorEmail: 'support@northwind-tools.test',
    });
    expect(expectTicket(readSalesforceTicket(colleague.doc, colleague.url)).messages.at(-1)).toMatchObject({
      authorRole: 'agent',
      authorEmail: 'support@northwind-tools.test',
    });
  });

  it('makes a post internal only on the visibility Salesforce states, even when the marker loses its class', () => {
    const renamed = layout('lightning-console-tabs');
    renameClass(renamed.doc, 'preamble_custom-preamble', 'renamedMarker');
    const unmarked = layout('lightning-console-tabs');
    unmarked.doc.querySelector('[data-id="0D5000000000444AAA"] .preamble_custom-preamble')?.remove();

    expect(expectTicket(readSalesforceTicket(renamed.doc, renamed.url)).messages[3]?.authorRole).toBe('internal');
    // Without a marker the owner's post is his own reply, never a guessed note.
    expect(expectTicket(readSalesforceTicket(unmarked.doc, unmarked.url)).messages[3]?.authorRole).toBe('agent');
  });

  it('reads a portal reply by the customer as hers, though the agent has the same first name', () => {
    const page = layout('lightning-compact-feed');

    const ticket = expectTicket(readSalesforceTicket(page.doc, page.url));

    expect(ticket.messages.at(-2)).toMatchObject({ authorRole: 'agent', authorName: 'Dana Kowalski' });
    expect(ticket.messages.at(-1)).toMatchObject({ authorRole: 'customer', authorName: 'Dana Whitfield' });
  });

  it('reads an e-mail from a second address as the customer only when the case records that address', () => {
    const recorded = layout('lightning-second-address-ja');
    const unrecorded = layout('lightning-second-address-ja');
    unrecorded.doc
      .querySelector('records-highlights-details-item p[title="Web メール"]')
      ?.closest('records-highlights-details-item')
      ?.remove();

    expect(expectTicket(readSalesforceTicket(recorded.doc, recorded.url)).messages[0]?.authorRole).toBe('customer');
    expect(expectTicket(readSalesforceTicket(unrecorded.doc, unrecorded.url)).messages[0]?.authorRole).toBe('unknown');
  });

  it('leaves a colleague of the customer and an unidentified user unknown', () => {
    const page = layout('lightning-web-to-case-es');

    expect(rolesOf(expectTicket(readSalesforceTicket(page.doc, page.url)))).toEqual([
      'customer',
      'agent',
      'unknown',
      'unknown',
      'customer',
    ]);
  });
});

describe('readSalesforceTicket: what each message says', () => {
  it('reads collapsed e-mails as partial previews, and bodies kept only in the rich-text value without running them', () => {
    const page = layout('lightning-collapsed-thread-de');

    const ticket = expectTicket(readSalesforceTicket(page.doc, page.url));

    expect(ticket.messages.map((message) => message.partial)).toEqual([false, true, true, true, false, false, false, false]);
    expect(ticket.messages[5]?.body).toContain('Die korrigierte Version 5.0.2 finden Sie im Kundenportal');
    expect(JSON.stringify(ticket)).not.toMatch(/<img|onerror/);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('reads the description once when the first e-mail repeats it, and the e-mail when there is no description', () => {
    const repeated = layout('lightning-compact-feed');
    const noDescription = layout('lightning-compact-feed');
    noDescription.doc.querySelector('[data-target-selection-name="sfdc:RecordField.Case.Description"]')?.remove();

    expect(expectTicket(readSalesforceTicket(repeated.doc, repeated.url)).messages).toHaveLength(6);
    expect(expectTicket(readSalesforceTicket(noDescription.doc, noDescription.url)).messages[0]).toMatchObject({
      authorRole: 'customer',
      partial: true,
      body: 'Hello support, when I export the stock report to CSV the last column (Region) is missing.',
    });
  });

  it('refuses an e-mail whose body is only in an iframe it cannot read, rather than read it as an empty message', () => {
    const page = layout('lightning-console-tabs');
    const body = page.doc.querySelector('[data-id="0D5000000000443AAA"] emailui-rich-text-output');
    if (body !== null) body.innerHTML = '<iframe title="Message body"></iframe>';

    expect(readSalesforceTicket(page.doc, page.url)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it("reads a post that pastes an e-mail's From line as the post it is", () => {
    const page = layout('lightning-console-tabs');
    page.doc
      .querySelector('[data-id="0D5000000000444AAA"] .feedBodyInner')
      ?.insertAdjacentHTML('beforeend', '<p><b>From:</b> Ines Okafor</p>');

    const ticket = expectTicket(readSalesforceTicket(page.doc, page.url));

    expect(ticket.messages[3]).toMatchObject({ authorRole: 'internal', authorName: 'Pavel Novak' });
  });

  it('refuses a feed item it cannot recognise rather than skip it', () => {
    const page = layout('lightning-console-tabs');
    renameClass(page.doc, 'cuf-trackedChange', 'renamedChange');
    renameClass(page.doc, 'forceChatterFeedAuxBodyTrackedChange', 'renamedAuxBody');

    expect(readSalesforceTicket(page.doc, page.url)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });
});

describe('readSalesforceTicket (Classic related lists)', () => {
  it('merges case comments and e-mails oldest first by their dates, after the description', () => {
    const page = layout('classic-related-lists');

    const ticket = expectTicket(readSalesforceTicket(page.doc, page.url));

    expect(rolesOf(ticket)).toEqual(['customer', 'agent', 'customer', 'internal', 'agent', 'customer', 'agent']);
    expect(ticket.messages.map((message) => message.partial)).toEqual([false, true, true, false, false, false, true]);
    expect(ticket.messages[1]?.body).toBe(
      'Hello Amara, thank you for the report. Which version of the warehouse app is installed on the handhelds?',
    );
  });

  it('refuses a related-list row it cannot date, or an e-mail without its direction', () => {
    const undated = layout('classic-related-lists');
    const dateCell = Array.from(undated.doc.querySelectorAll('[id$="_RelatedEmailMessageList_body"] td')).find(
      (cell) => cell.textContent === '3/2/2026 1:52 PM',
    );
    if (dateCell !== undefined) dateCell.textContent = 'Yesterday';
    const undirected = layout('classic-related-lists');
    undirected.doc.querySelector('img[src*="emailInbound"]')?.remove();

    expect(readSalesforceTicket(undated.doc, undated.url)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
    expect(readSalesforceTicket(undirected.doc, undirected.url)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it('refuses the web form fields when their cells were read crosswise', () => {
    const page = layout('classic-web-to-case-de');
    const name = page.doc.querySelector('#cas22_ileinner');
    const email = page.doc.querySelector('#cas23_ileinner');
    if (name !== null && email !== null) {
      const nameCell = name.parentElement;
      email.parentElement?.append(name);
      nameCell?.append(email);
    }

    expect(readSalesforceTicket(page.doc, page.url)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });
});
