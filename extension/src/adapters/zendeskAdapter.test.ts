// @vitest-environment jsdom
/**
 * The Zendesk adapter against our own invented agent-workspace pages (fixtures/zendesk/*.html) in
 * both layouts: the active tab read and no other, internal notes marked, hostile text kept inert,
 * pages it must refuse, and an oversized thread cut to its newest messages.
 */
// eslint-disable-next-line no-restricted-imports -- the test (not the extension) reads its fixture pages from disk
import { readFileSync } from 'node:fs';
import { TICKET_LIMITS, ticketReadResultSchema, type TicketContext, type TicketReadResult } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { findZendeskComposer, readZendeskTicket } from './zendeskAdapter';

const TICKET_URL = 'https://tandem-test.zendesk.com/agent/tickets/4821';
const VARIANT_URL = 'https://tandem-test.zendesk.com/agent/tickets/5012';

function fixture(name: string): string {
  return readFileSync(`${import.meta.dirname}/fixtures/${name}`, 'utf8');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function expectTicket(result: TicketReadResult): TicketContext {
  expect(ticketReadResultSchema.safeParse(result).success).toBe(true);
  if (result.kind !== 'ticket') throw new Error(`expected a ticket, got ${result.reason}: ${result.detail}`);
  return result.ticket;
}

/** A one-tab page in the current layout with `count` public replies from the requester. */
function longThreadPage(count: number): Document {
  const articles = Array.from(
    { length: count },
    (_, index) =>
      `<article><div data-test-id="omni-log-item-sender">Ana Ruiz</div><time datetime="2026-01-01T00:00:00Z"></time><div data-test-id="omni-log-message-content">message ${index}</div></article>`,
  ).join('');
  return parse(
    `<div data-is-active="true"><input data-test-id="omni-header-subject" value="Long"><div data-test-id="ticket-system-field-requester-select">Ana Ruiz</div><div data-test-id="omni-log-container">${articles}</div></div>`,
  );
}

describe('readZendeskTicket', () => {
  it('reads the active tab of the current layout, not the other open ticket', () => {
    const ticket = expectTicket(readZendeskTicket(parse(fixture('zendesk/two-tabs-assumed-hooks.html')), TICKET_URL));

    expect(ticket).toEqual({
      site: 'zendesk',
      ticketId: '4821',
      subject: 'Parcel arrived damaged',
      requester: { name: 'Noor Haddad', email: 'noor.haddad@example.org' },
      tags: ['shipping', 'damaged_item'],
      status: 'open',
      url: TICKET_URL,
      messages: [
        {
          id: '9101',
          authorRole: 'customer',
          partial: false,
          authorName: 'Noor Haddad',
          sentAt: '2026-03-03T09:15:00Z',
          body: 'Hello, my order 7731 arrived with a crushed box.\n\nThe lamp inside is cracked.',
        },
        {
          id: '9102',
          authorRole: 'internal',
          partial: false,
          authorName: 'Felix Moreau',
          sentAt: '2026-03-03T09:20:00Z',
          body: 'Carrier claim needed, photos first.',
        },
        {
          id: '9103',
          authorRole: 'agent',
          partial: false,
          authorName: 'Felix Moreau',
          sentAt: '2026-03-03T09:22:00Z',
          body: 'Sorry to hear that!\nCould you send a photo of the lamp?',
        },
        {
          id: '9104',
          authorRole: 'customer',
          partial: false,
          authorName: 'Noor Haddad',
          sentAt: '2026-03-03T10:01:00Z',
          body: 'Photo attached <script>alert(1)</script><img src=x onerror=alert(1)>',
        },
      ],
    });
    expect(JSON.stringify(ticket)).not.toMatch(/Tobias|export|pwned/);
  });

  it('keeps hostile markup as inert text: the typed tags stay literal, the real elements are dropped', () => {
    const doc = parse(fixture('zendesk/two-tabs-assumed-hooks.html'));

    const ticket = expectTicket(readZendeskTicket(doc, TICKET_URL));

    const body = ticket.messages.at(-1)?.body;
    expect(typeof body).toBe('string');
    expect(body).toBe('Photo attached <script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(body).not.toContain('window.pwned');
  });

  it('reads the older layout (ticket-pane-subject, .ticket-panes-grid-layout.active, article text bodies)', () => {
    const ticket = expectTicket(readZendeskTicket(parse(fixture('zendesk/older-layout-input-subject.html')), VARIANT_URL));

    expect(ticket).toEqual({
      site: 'zendesk',
      ticketId: '5012',
      subject: 'Invoice address change',
      requester: { name: 'Jonas Berg', email: 'jonas.berg@example.com' },
      tags: [],
      status: 'on-hold',
      url: VARIANT_URL,
      messages: [
        {
          authorRole: 'customer',
          partial: false,
          authorName: 'Jonas Berg',
          sentAt: '2026-04-11T07:30:00+02:00',
          body: 'Please change the invoice address to our new office.\n\nStorgatan 12, Umeå',
        },
        {
          authorRole: 'internal',
          partial: false,
          authorName: 'Lea Santos',
          sentAt: '2026-04-11T08:05:00+02:00',
          body: 'Billing team owns this, waiting on them.',
        },
        {
          authorRole: 'agent',
          partial: false,
          authorName: 'Lea Santos',
          sentAt: '2026-04-11T08:10:00+02:00',
          body: 'Thanks Jonas, we are on it.',
        },
      ],
    });
  });

  it('follows the active marker when the other tab becomes active', () => {
    const doc = parse(fixture('zendesk/two-tabs-assumed-hooks.html'));
    const panes = doc.querySelectorAll('[data-test-id="ticket-pane"]');
    panes[0]?.setAttribute('data-is-active', 'true');
    panes[1]?.setAttribute('data-is-active', 'false');

    const ticket = expectTicket(readZendeskTicket(doc, 'https://tandem-test.zendesk.com/agent/tickets/4790'));

    expect(ticket.ticketId).toBe('4790');
    expect(ticket.subject).toBe('Cannot export invoices to CSV');
    expect(ticket.requester).toEqual({ name: 'Tobias Lindqvist', email: 'tobias.lindqvist@example.net' });
    expect(ticket.status).toBe('pending');
    expect(ticket.messages).toEqual([
      {
        id: '9001',
        authorRole: 'customer',
        partial: false,
        authorName: 'Tobias Lindqvist',
        sentAt: '2026-03-02T08:00:00Z',
        body: 'The export button does nothing.',
      },
    ]);
  });

  it('says not-a-ticket-page off Zendesk, off a ticket URL, or without any ticket markup', () => {
    const doc = parse(fixture('zendesk/two-tabs-assumed-hooks.html'));

    expect(readZendeskTicket(doc, 'https://zendesk.com.evil.example/agent/tickets/4821')).toMatchObject({ reason: 'not-a-ticket-page' });
    expect(readZendeskTicket(doc, 'http://tandem-test.zendesk.com/agent/tickets/4821')).toMatchObject({ reason: 'not-a-ticket-page' });
    expect(readZendeskTicket(doc, 'https://tandem-test.zendesk.com/agent/dashboard')).toMatchObject({ reason: 'not-a-ticket-page' });
    expect(readZendeskTicket(doc, 'not a url')).toMatchObject({ reason: 'not-a-ticket-page' });
    expect(readZendeskTicket(parse('<main><h1>Views</h1></main>'), TICKET_URL)).toMatchObject({
      kind: 'no-ticket',
      reason: 'not-a-ticket-page',
    });
  });

  it('says unreadable-layout when no tab, or more than one tab, is marked active', () => {
    const none = parse(fixture('zendesk/two-tabs-assumed-hooks.html'));
    for (const pane of Array.from(none.querySelectorAll('[data-is-active]'))) pane.setAttribute('data-is-active', 'false');
    const both = parse(fixture('zendesk/two-tabs-assumed-hooks.html'));
    for (const pane of Array.from(both.querySelectorAll('[data-test-id="ticket-pane"]'))) pane.setAttribute('data-is-active', 'true');

    expect(readZendeskTicket(none, TICKET_URL)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
    expect(readZendeskTicket(both, TICKET_URL)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it('says unreadable-layout when the active tab lacks its subject or conversation log, never reading the other tab', () => {
    const noSubject = parse(fixture('zendesk/two-tabs-assumed-hooks.html'));
    noSubject.querySelector('[data-is-active="true"] [data-test-id="omni-header-subject"]')?.remove();
    const noLog = parse(fixture('zendesk/older-layout-input-subject.html'));
    noLog.querySelector('.ticket-panes-grid-layout.active [data-test-id="omni-log-container"]')?.remove();

    expect(readZendeskTicket(noSubject, TICKET_URL)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
    expect(readZendeskTicket(noLog, VARIANT_URL)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it('keeps the newest messages of a 5,000-message thread', () => {
    const ticket = expectTicket(readZendeskTicket(longThreadPage(5000), TICKET_URL));

    expect(ticket.messages).toHaveLength(TICKET_LIMITS.messages);
    expect(ticket.messages[0]?.body).toBe(`message ${5000 - TICKET_LIMITS.messages}`);
    expect(ticket.messages.at(-1)?.body).toBe('message 4999');
    expect(ticket.messages.every((message) => message.authorRole === 'customer')).toBe(true);
  });

  it('puts a newest-first log back in order before keeping the newest', () => {
    const doc = parse(fixture('zendesk/older-layout-input-subject.html'));
    const log = doc.querySelector('.ticket-panes-grid-layout.active [data-test-id="omni-log-container"]');
    for (const article of Array.from(log?.querySelectorAll('article') ?? []).reverse()) log?.append(article);

    const ticket = expectTicket(readZendeskTicket(doc, VARIANT_URL));

    expect(ticket.messages.map((message) => message.sentAt)).toEqual([
      '2026-04-11T07:30:00+02:00',
      '2026-04-11T08:05:00+02:00',
      '2026-04-11T08:10:00+02:00',
    ]);
  });

  it('marks the requester side unknown when no requester is shown, while a note author still reads as an agent', () => {
    const doc = parse(fixture('zendesk/older-layout-input-subject.html'));
    doc.querySelector('.ticket-panes-grid-layout.active [data-test-id="ticket-system-field-requester-select"]')?.remove();

    const ticket = expectTicket(readZendeskTicket(doc, VARIANT_URL));

    expect(ticket.requester).toEqual({});
    // Only agents write internal notes, so Lea Santos's public reply is an agent's; Jonas Berg is placed by nothing.
    expect(ticket.messages.map((message) => message.authorRole)).toEqual(['unknown', 'internal', 'agent']);
  });
});

describe('findZendeskComposer', () => {
  it('finds the editable composer of the active tab in the current layout', () => {
    const doc = parse(fixture('zendesk/two-tabs-assumed-hooks.html'));

    const composer = findZendeskComposer(doc);

    expect(composer?.getAttribute('aria-label')).toBe('Public reply composer');
    expect(composer?.closest('[data-test-id="ticket-pane"]')?.getAttribute('data-is-active')).toBe('true');
  });

  it('finds the editor-view composer of the active tab in the older layout', () => {
    const doc = parse(fixture('zendesk/older-layout-input-subject.html'));

    const composer = findZendeskComposer(doc);

    expect(composer?.getAttribute('aria-label')).toBe('Variant composer');
    expect(composer?.closest('.ticket-panes-grid-layout')?.classList.contains('active')).toBe(true);
  });

  it('returns null without a single active tab', () => {
    const doc = parse(fixture('zendesk/two-tabs-assumed-hooks.html'));
    for (const pane of Array.from(doc.querySelectorAll('[data-is-active]'))) pane.setAttribute('data-is-active', 'false');

    expect(findZendeskComposer(doc)).toBeNull();
    expect(findZendeskComposer(parse('<main></main>'))).toBeNull();
  });
});

/** A fixture page of the zendesk folder, with the URL its expected reading gives. */
function page(layout: string): { doc: Document; url: string } {
  const expected = JSON.parse(fixture(`zendesk/${layout}.expected.json`)) as { url: string };
  return { doc: parse(fixture(`zendesk/${layout}.html`)), url: expected.url };
}

function rolesOf(ticket: TicketContext): string[] {
  return ticket.messages.map((message) => `${message.authorRole}:${message.authorName ?? '?'}`);
}

describe('readZendeskTicket: the ticket the URL names', () => {
  it('reads only the pane of the URL among three mounted tickets', () => {
    const { doc, url } = page('agent-workspace-tabs');

    const ticket = expectTicket(readZendeskTicket(doc, url));

    expect(ticket.ticketId).toBe('30412');
    expect(ticket.subject).toBe('Kettle stopped heating after descaling');
    expect(JSON.stringify(ticket)).not.toMatch(/Tomasz|Kwame|SPRING15|grinder/i);
  });

  it('refuses when the URL names one pane and another is marked active, and reads a background pane once nothing disagrees', () => {
    const { doc } = page('agent-workspace-tabs');
    const background = 'https://brightkettle.zendesk.com/agent/tickets/30398';

    expect(readZendeskTicket(doc, background)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });

    doc.querySelector('[data-ticket-id="30412"]')?.classList.remove('active');
    const ticket = expectTicket(readZendeskTicket(doc, background));
    expect(ticket.subject).toBe('Discount code rejected at checkout');
    expect(rolesOf(ticket)).toEqual(['customer:Tomasz Wójcik']);
  });

  it('refuses when the URL names a ticket that is not mounted, rather than reading the pane marked active', () => {
    const { doc } = page('agent-workspace-tabs');

    expect(readZendeskTicket(doc, 'https://brightkettle.zendesk.com/agent/tickets/30500')).toMatchObject({
      kind: 'no-ticket',
      reason: 'unreadable-layout',
    });
  });

  it('says not-a-ticket-page on a view even with a ticket pane mounted behind it, and unreadable-layout while a ticket loads', () => {
    const view = page('views-list-with-ticket-tab');
    const loading = page('agent-workspace-still-loading');

    expect(readZendeskTicket(view.doc, view.url)).toMatchObject({ kind: 'no-ticket', reason: 'not-a-ticket-page' });
    expect(readZendeskTicket(loading.doc, loading.url)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });
});

describe('readZendeskTicket: who wrote what', () => {
  it('reads the requester field without its label, avatar initials and badge', () => {
    const german = page('agent-workspace-2021-de');
    const plain = parse(
      `<div data-is-active="true"><input data-test-id="omni-header-subject" value="S"><div data-test-id="ticket-system-field-requester-select">Requester AB Anna Berg</div>` +
        `<div data-test-id="omni-log-container"><article><span data-test-id="omni-log-item-sender">Anna Berg</span><div data-test-id="omni-log-message-content">Hi</div></article></div></div>`,
    );

    expect(expectTicket(readZendeskTicket(german.doc, german.url)).requester).toEqual({
      name: 'Lena Hartmann',
      email: 'lena.hartmann@example.de',
    });
    const ticket = expectTicket(readZendeskTicket(plain, TICKET_URL));
    expect(ticket.requester).toEqual({ name: 'Anna Berg' });
    expect(rolesOf(ticket)).toEqual(['customer:Anna Berg']);
  });

  it('tells an agent from a customer who shares her first name by profile link, and refuses to guess when the badge contradicts the profile', () => {
    const { doc, url } = page('agent-workspace-2021-de');

    expect(rolesOf(expectTicket(readZendeskTicket(doc, url)))).toEqual([
      'customer:Lena Hartmann',
      'agent:Lena Vogt',
      'customer:Lena Hartmann',
      'internal:Lena Vogt',
    ]);

    // The agent-badged reply now links the requester's profile: the page contradicts itself.
    doc.querySelector('a[href="/agent/users/4410"]')?.setAttribute('href', '/agent/users/880213');
    expect(expectTicket(readZendeskTicket(doc, url)).messages[1]?.authorRole).toBe('unknown');
  });

  it("reads the customer's message from a second address as hers, by her profile link", () => {
    const { doc, url } = page('agent-workspace-es-compact-newest-first');

    const ticket = expectTicket(readZendeskTicket(doc, url));

    expect(ticket.messages.map((message) => [message.authorRole, message.authorEmail])).toEqual([
      ['customer', 'javier.ortega@example.es'],
      ['agent', undefined],
      ['internal', undefined],
      ['customer', 'javi.ortega.casa@example.net'],
    ]);
  });

  it('leaves a CC colleague and a side conversation third party unknown, even with an agent badge Zendesk contradicts', () => {
    const cc = page('agent-workspace-cc-followers');
    const side = page('agent-workspace-he-rtl-side-conversation');

    expect(expectTicket(readZendeskTicket(cc.doc, cc.url)).messages[2]).toMatchObject({
      authorRole: 'unknown',
      authorName: 'Ines Carvalho',
    });
    expect(expectTicket(readZendeskTicket(side.doc, side.url)).messages[3]).toMatchObject({
      authorRole: 'unknown',
      authorName: 'דנה שפירא',
    });

    const badge = cc.doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    badge.setAttribute('data-test-id', 'omni-log-avatar-badge-AgentBadge');
    cc.doc.querySelector('a[href="/agent/users/5188"]')?.closest('article')?.querySelector('figure')?.append(badge);
    expect(expectTicket(readZendeskTicket(cc.doc, cc.url)).messages[2]?.authorRole).toBe('unknown');
  });

  it("reads a note author's public reply as an agent's on a page with no agent marker, and unknown once the note is gone", () => {
    const doc = parse(fixture('zendesk/two-tabs-assumed-hooks.html'));

    expect(expectTicket(readZendeskTicket(doc, TICKET_URL)).messages[2]?.authorRole).toBe('agent');

    doc.querySelector('[data-comment-id="9102"]')?.remove();
    expect(expectTicket(readZendeskTicket(doc, TICKET_URL)).messages[1]).toMatchObject({
      authorRole: 'unknown',
      authorName: 'Felix Moreau',
    });
  });

  it('attributes grouped chat messages by the sender their aria-label names, and names nobody when it names no one shown', () => {
    const { doc, url } = page('agent-workspace-messaging-pt');

    expect(rolesOf(expectTicket(readZendeskTicket(doc, url)))).toEqual([
      'customer:Renata Alves',
      'customer:Renata Alves',
      'customer:Renata Alves',
      'agent:Thiago Moreira',
      'agent:Thiago Moreira',
      'customer:Renata Alves',
    ]);

    doc.querySelectorAll('article')[1]?.setAttribute('aria-label', 'Mensagem de Paula Reis, por WhatsApp, hoje 14:02');
    expect(expectTicket(readZendeskTicket(doc, url)).messages[1]).toEqual(expect.objectContaining({ authorRole: 'unknown' }));
    expect(expectTicket(readZendeskTicket(doc, url)).messages[1]?.authorName).toBeUndefined();
  });

  it("takes the requester from the first message Zendesk types an end user's, but not from a log whose start is not loaded", () => {
    const { doc, url } = page('agent-workspace-cc-followers');
    doc.querySelector('[data-test-id="ticket-system-field-requester-select"]')?.remove();
    doc.querySelector('[data-test-id="tabs-nav-item-users"]')?.remove();

    expect(expectTicket(readZendeskTicket(doc, url)).requester).toEqual({ name: 'Oluwaseun Adeyemi' });

    const button = doc.createElement('button');
    button.setAttribute('data-test-id', 'convolog-show-more-button');
    doc.querySelector('[data-test-id="omni-log-container"]')?.prepend(button);
    const ticket = expectTicket(readZendeskTicket(doc, url));
    expect(ticket.requester).toEqual({});
    expect(ticket.messages[0]?.authorRole).toBe('unknown');
  });

  it('refuses a ticket whose requester field and requester link name different people', () => {
    const { doc, url } = page('agent-workspace-he-rtl-side-conversation');
    const link = doc.querySelector('[data-test-id="tabs-nav-item-users"]');
    if (link !== null) link.textContent = 'דנה שפירא';

    expect(readZendeskTicket(doc, url)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });
});

describe('readZendeskTicket: the Lotus interface', () => {
  it('reads the newest-first events oldest first, a non-public event as a note, the requester from the header', () => {
    const { doc, url } = page('lotus-classic-newest-first');

    const ticket = expectTicket(readZendeskTicket(doc, url));

    expect(rolesOf(ticket)).toEqual(['customer:Henrik Aalto', 'internal:Priya Natarajan', 'agent:Priya Natarajan']);
    expect(ticket.requester).toEqual({ name: 'Henrik Aalto', email: 'henrik.aalto@example.fi' });
    expect(ticket.messages.map((message) => message.id)).toEqual(['990988', '991007', '991020']);
  });

  it('refuses a Lotus page whose public marker is gone rather than reading every comment as a note', () => {
    const { doc, url } = page('lotus-classic-newest-first');
    for (const event of Array.from(doc.querySelectorAll('.is-public'))) event.classList.replace('is-public', 'x1');

    expect(readZendeskTicket(doc, url)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it('refuses a Lotus page where an author is neither the requester nor marked as an agent', () => {
    const { doc, url } = page('lotus-classic-newest-first');
    for (const avatar of Array.from(doc.querySelectorAll('.agent'))) avatar.classList.remove('agent');
    doc.querySelector('[data-comment-id="991007"]')?.remove();

    expect(readZendeskTicket(doc, url)).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });
});
