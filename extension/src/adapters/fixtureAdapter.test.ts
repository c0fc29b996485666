// @vitest-environment jsdom
/**
 * The fixture adapter against fixture pages built in jsdom: a full ticket, pages it must refuse,
 * and hostile message bodies that must come out as plain text.
 */
import { ticketReadResultSchema, type TicketContext, type TicketReadResult } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { readFixtureTicket } from './fixtureAdapter';

const PAGE_URL = 'http://127.0.0.1:4173/tickets/T-1001';

function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="en"><head><title>Fixture Desk</title></head><body>${body}</body></html>`,
    'text/html',
  );
}

function message(role: string, author: string, email: string, sentAt: string, bodyHtml: string): string {
  return `<article class="message" data-role="${role}" data-author="${author}" data-email="${email}"><time datetime="${sentAt}"></time><div class="body">${bodyHtml}</div></article>`;
}

function ticketPage(inner: string, rootAttributes = 'data-tandem-fixture="ticket" data-ticket-id="T-1001" data-site="fixture"'): Document {
  return page(`<main ${rootAttributes}>${inner}</main>`);
}

const FULL_TICKET = `
  <h1 class="ticket-subject">Refund for a double charge on order 5512</h1>
  <div class="requester" data-name="Ada Lovelace" data-email="ada@example.com">Ada Lovelace</div>
  <ul class="tags"><li>billing</li><li> refund </li></ul>
  <span class="status">open</span>
  ${message('customer', 'Ada Lovelace', 'ada@example.com', '2026-11-20T10:00:00Z', 'Hi, I was charged twice for order 5512.')}
  ${message('agent', 'Grace Hopper', 'grace@fixture-desk.test', '2026-11-20T10:03:00Z', 'Sorry about that!<p>Looking into it now.</p>')}
  ${message('internal', 'Grace Hopper', 'grace@fixture-desk.test', '2026-11-20T10:05:00Z', 'Two captures of 49.90 EUR.')}
  <div class="composer" contenteditable="true"></div>`;

function expectTicket(result: TicketReadResult): TicketContext {
  expect(ticketReadResultSchema.safeParse(result).success).toBe(true);
  if (result.kind !== 'ticket') throw new Error(`expected a ticket, got ${result.reason}: ${result.detail}`);
  return result.ticket;
}

describe('readFixtureTicket', () => {
  it('reads a full fixture ticket into a TicketContext', () => {
    const ticket = expectTicket(readFixtureTicket(ticketPage(FULL_TICKET), PAGE_URL));

    expect(ticket).toEqual({
      site: 'fixture',
      ticketId: 'T-1001',
      subject: 'Refund for a double charge on order 5512',
      requester: { name: 'Ada Lovelace', email: 'ada@example.com' },
      tags: ['billing', 'refund'],
      status: 'open',
      url: PAGE_URL,
      messages: [
        {
          authorRole: 'customer',
          partial: false,
          authorName: 'Ada Lovelace',
          authorEmail: 'ada@example.com',
          sentAt: '2026-11-20T10:00:00Z',
          body: 'Hi, I was charged twice for order 5512.',
        },
        {
          authorRole: 'agent',
          partial: false,
          authorName: 'Grace Hopper',
          authorEmail: 'grace@fixture-desk.test',
          sentAt: '2026-11-20T10:03:00Z',
          body: 'Sorry about that!\nLooking into it now.',
        },
        {
          authorRole: 'internal',
          partial: false,
          authorName: 'Grace Hopper',
          authorEmail: 'grace@fixture-desk.test',
          sentAt: '2026-11-20T10:05:00Z',
          body: 'Two captures of 49.90 EUR.',
        },
      ],
    });
  });

  it('says not-a-ticket-page for a page without the fixture ticket root', () => {
    const result = readFixtureTicket(page('<main><h1>Welcome back</h1><p>No ticket is open.</p></main>'), 'http://127.0.0.1:4173/');

    expect(result).toMatchObject({ kind: 'no-ticket', reason: 'not-a-ticket-page' });
  });

  it('says unreadable-layout for a ticket page missing its subject', () => {
    const withoutSubject = FULL_TICKET.replace(/<h1 class="ticket-subject">.*?<\/h1>/, '');

    const result = readFixtureTicket(ticketPage(withoutSubject), PAGE_URL);

    expect(result).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it('says unreadable-layout for a ticket root without a ticket id', () => {
    const result = readFixtureTicket(ticketPage(FULL_TICKET, 'data-tandem-fixture="ticket"'), PAGE_URL);

    expect(result).toMatchObject({ kind: 'no-ticket', reason: 'unreadable-layout' });
  });

  it('keeps an escaped script in a message as the literal text the customer wrote', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const escaped = hostile.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const doc = ticketPage(
      `<h1 class="ticket-subject">Hello</h1>${message('customer', 'Eve', 'eve@example.com', '2026-11-20T10:00:00Z', escaped)}`,
    );

    const ticket = expectTicket(readFixtureTicket(doc, PAGE_URL));

    expect(ticket.messages[0]?.body).toBe(hostile);
  });

  it('reads a body that really contains script and img markup as plain text, without the markup', () => {
    const doc = ticketPage(
      `<h1 class="ticket-subject">Hello</h1>${message('customer', 'Eve', 'eve@example.com', '2026-11-20T10:00:00Z', 'Hi <script>alert(1)</script><img src=x onerror=alert(1)>there')}`,
    );

    const ticket = expectTicket(readFixtureTicket(doc, PAGE_URL));

    expect(ticket.messages[0]?.body).toBe('Hi there');
    expect(JSON.stringify(ticket)).not.toMatch(/<script|<img|onerror/);
  });

  it('drops malformed optional fields instead of losing the ticket', () => {
    const doc = ticketPage(`
      <h1 class="ticket-subject">  Login   broken </h1>
      <div class="requester" data-name="Bob" data-email="not-an-email"></div>
      <span class="status">On hold</span>
      ${message('robot', 'Bot', 'nope', 'yesterday', 'Auto-reply')}`);

    const ticket = expectTicket(readFixtureTicket(doc, 'javascript:alert(1)'));

    expect(ticket.subject).toBe('Login broken');
    expect(ticket.requester).toEqual({ name: 'Bob' });
    expect(ticket.status).toBe('on-hold');
    expect(ticket.url).toBeUndefined();
    expect(ticket.messages).toEqual([{ authorRole: 'unknown', authorName: 'Bot', partial: false, body: 'Auto-reply' }]);
  });

  it('clamps an oversized page to the shared limits instead of rejecting it', () => {
    const manyMessages = Array.from({ length: 250 }, (_, index) =>
      message('customer', 'Ada', 'ada@example.com', '2026-11-20T10:00:00Z', `message ${index}`),
    ).join('');
    const doc = ticketPage(`<h1 class="ticket-subject">${'s'.repeat(600)}</h1>${manyMessages}`);

    const ticket = expectTicket(readFixtureTicket(doc, PAGE_URL));

    expect(ticket.subject).toHaveLength(500);
    expect(ticket.messages).toHaveLength(200);
    expect(ticket.messages.at(-1)?.body).toBe('message 249');
  });
});
