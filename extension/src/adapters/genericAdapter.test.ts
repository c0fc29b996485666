// @vitest-environment jsdom
/**
 * The generic on-demand reader: the agent's selection wins; otherwise the page's main content,
 * without scripts, styles and navigation, becomes one customer message.
 */
import { ticketReadResultSchema, type TicketContext, type TicketReadResult } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { readGenericPage } from './genericAdapter';

const PAGE_URL = 'https://support.example.com/agent/tickets/4821/?tab=conversation';

function page(body: string, title = 'Ticket #4821 - Example Support'): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="en"><head><title>${title}</title><style>.x { color: red }</style></head><body>${body}</body></html>`,
    'text/html',
  );
}

const HELPDESK_PAGE = `
  <nav><a href="/">Inbox</a><a href="/reports">Reports</a></nav>
  <header><h2>Example Support</h2></header>
  <main>
    <h1>Cannot reset my password</h1>
    <div role="navigation">Previous | Next</div>
    <p>The reset link in your email says it has expired.</p>
    <script>window.pwned = true;</script>
    <p>I tried <b>three</b> times.<img src="x" onerror="window.pwned = true"></p>
  </main>
  <footer>Powered by a helpdesk</footer>`;

function expectTicket(result: TicketReadResult): TicketContext {
  expect(ticketReadResultSchema.safeParse(result).success).toBe(true);
  if (result.kind !== 'ticket') throw new Error(`expected a ticket, got ${result.reason}: ${result.detail}`);
  return result.ticket;
}

describe('readGenericPage', () => {
  it('reads the main content as one customer message, without scripts, styles or navigation', () => {
    const ticket = expectTicket(readGenericPage(page(HELPDESK_PAGE), PAGE_URL));

    expect(ticket).toEqual({
      site: 'generic',
      ticketId: 'support.example.com/agent/tickets/4821',
      subject: 'Ticket #4821 - Example Support',
      requester: {},
      tags: [],
      status: 'unknown',
      url: PAGE_URL,
      messages: [
        {
          authorRole: 'customer',
          partial: false,
          body: 'Cannot reset my password\n\nThe reset link in your email says it has expired.\n\nI tried three times.',
        },
      ],
    });
    expect(JSON.stringify(ticket)).not.toMatch(/<script|<img|onerror|pwned|color/);
  });

  it('prefers the selected text over the page', () => {
    const ticket = expectTicket(
      readGenericPage(page(HELPDESK_PAGE), PAGE_URL, '  My order <b>7731</b> never arrived.\r\n\r\n\r\n\r\nPlease help.  '),
    );

    expect(ticket.messages).toEqual([
      { authorRole: 'customer', partial: false, body: 'My order <b>7731</b> never arrived.\n\nPlease help.' },
    ]);
    expect(ticket.ticketId).toBe('support.example.com/agent/tickets/4821');
  });

  it('reads the page when the selection is blank', () => {
    const ticket = expectTicket(readGenericPage(page(HELPDESK_PAGE), PAGE_URL, ' \n '));

    expect(ticket.messages[0]?.body).toMatch(/^Cannot reset my password/);
  });

  it('falls back from main to [role=main], article, then the body', () => {
    const roleMain = page('<nav>Menu</nav><div role="main">From role main</div><article>From article</article>');
    const article = page('<nav>Menu</nav><article>From article</article><aside>Side</aside>');
    const body = page('<nav>Menu</nav><div>Only the body</div>');

    expect(expectTicket(readGenericPage(roleMain, PAGE_URL)).messages[0]?.body).toBe('From role main');
    expect(expectTicket(readGenericPage(article, PAGE_URL)).messages[0]?.body).toBe('From article');
    expect(expectTicket(readGenericPage(body, PAGE_URL)).messages[0]?.body).toBe('Only the body');
  });

  it('takes the subject from the first heading when the page has no title, and the id from a hash route', () => {
    const doc = page('<main><h1> Refund   request </h1><p>Please refund order 12.</p></main>', '');

    const ticket = expectTicket(readGenericPage(doc, 'https://desk.example.org/#/tickets/99'));

    expect(ticket.subject).toBe('Refund request');
    expect(ticket.ticketId).toBe('desk.example.org#/tickets/99');
  });

  it('says not-a-ticket-page for a page with no text or that is not a web page', () => {
    expect(readGenericPage(page('<nav>Menu</nav><main>  </main>'), PAGE_URL)).toMatchObject({
      kind: 'no-ticket',
      reason: 'not-a-ticket-page',
    });
    expect(readGenericPage(page(HELPDESK_PAGE), 'chrome://extensions/')).toMatchObject({ kind: 'no-ticket', reason: 'not-a-ticket-page' });
  });

  it('clamps an oversized page to the body limit', () => {
    const ticket = expectTicket(readGenericPage(page(`<main>${'a'.repeat(30_000)}</main>`), PAGE_URL));

    expect(ticket.messages[0]?.body).toHaveLength(20_000);
  });
});
