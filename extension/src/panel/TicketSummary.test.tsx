/**
 * Ticket text from a web page reaches the panel only as text: markup in it is escaped, never rendered.
 */
import type { TicketContext } from '@tandem/shared';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TicketSummary } from './TicketSummary';

const HOSTILE = '<img src=x onerror=alert(1)>';

function ticket(overrides: Partial<TicketContext> = {}): TicketContext {
  return {
    site: 'fixture',
    ticketId: 'T-1001',
    subject: 'Refund',
    requester: { name: 'Ada' },
    messages: [],
    tags: ['billing'],
    status: 'open',
    ...overrides,
  };
}

describe('TicketSummary', () => {
  it('shows the subject and id', () => {
    const html = renderToStaticMarkup(
      <TicketSummary current={{ kind: 'ticket', stored: { tabId: 1, receivedAt: 1, ticket: ticket() } }} />,
    );

    expect(html).toContain('data-testid="ticket-subject">Refund</h2>');
    expect(html).toContain('data-testid="ticket-id">T-1001</span>');
  });

  it('says plainly how many messages have an unknown sender, and none when all are placed', () => {
    const messages = [
      { authorRole: 'customer' as const, partial: false, body: 'Hi' },
      { authorRole: 'unknown' as const, partial: false, body: 'Merged' },
    ];
    const stored = { tabId: 1, receivedAt: 1, ticket: ticket({ messages }) };

    expect(renderToStaticMarkup(<TicketSummary current={{ kind: 'ticket', stored }} />)).toContain(
      'data-testid="ticket-message-caveats">1 from an unknown sender</span>',
    );
    const placed = { tabId: 1, receivedAt: 1, ticket: ticket({ messages: messages.slice(0, 1) }) };
    expect(renderToStaticMarkup(<TicketSummary current={{ kind: 'ticket', stored: placed }} />)).not.toContain('ticket-message-caveats');
  });

  it('says when no ticket is open', () => {
    expect(renderToStaticMarkup(<TicketSummary current={{ kind: 'none' }} />)).toContain('No ticket open');
  });

  it('escapes markup in page-derived text', () => {
    const stored = {
      tabId: 1,
      receivedAt: 1,
      ticket: ticket({ subject: HOSTILE, ticketId: HOSTILE, tags: [HOSTILE], requester: { name: HOSTILE } }),
    };

    const html = renderToStaticMarkup(<TicketSummary current={{ kind: 'ticket', stored }} />);

    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says plainly when a ticket page did not read, its detail as text', () => {
    const html = renderToStaticMarkup(<TicketSummary current={{ kind: 'unreadable', tabId: 3, detail: `No subject ${HOSTILE}` }} />);

    expect(html).toContain('data-testid="ticket-unreadable"');
    expect(html).toContain('No subject &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});
