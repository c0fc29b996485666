// @vitest-environment jsdom
/**
 * The header and live facts: placeholders until the analysis arrives, the analysis once it does,
 * and page, model and webhook text rendered as inert text.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ANALYSIS, LIVE, ticket } from '../draft/draftFixtures';
import { LiveFacts } from './LiveFacts';
import { TicketHeader } from './TicketHeader';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';

afterEach(cleanup);

describe('TicketHeader', () => {
  it('shows the customer, the helpdesk number, and placeholders while the analysis is on its way', () => {
    render(<TicketHeader ticket={ticket({ site: 'zendesk', ticketId: '4821' })} analysis={undefined} pending />);
    expect(screen.getByTestId('header-customer').textContent).toBe('Ana Pérez');
    expect(screen.getByTestId('header-customer').getAttribute('title')).toBe('ana@example.com');
    expect(screen.getByTestId('ticket-number').textContent).toBe('#4821');
    expect(screen.getByTestId('ticket-header').getAttribute('data-ticket-id')).toBe('4821');
    for (const id of ['header-language', 'header-sentiment', 'header-urgency', 'header-intent']) {
      expect(screen.getByTestId(id).textContent).toBe('…');
    }
  });

  it('never shows a raw id or an unknown status, and no badges when no analysis is coming', () => {
    render(
      <TicketHeader
        ticket={ticket({ requester: {}, site: 'generic', ticketId: 'desk.example.com/t/9#tab-2', status: 'unknown' })}
        analysis={undefined}
        pending={false}
      />,
    );
    expect(screen.getByTestId('header-customer').textContent).toBe('Unknown customer');
    expect(screen.queryByTestId('ticket-number')).toBeNull();
    expect(screen.getByTestId('ticket-header').textContent).not.toMatch(/unknown|tab-2|desk\.example/);
    expect(screen.queryByTestId('header-urgency')).toBeNull();
  });

  it('shows the analysis as badges', () => {
    render(<TicketHeader ticket={ticket()} analysis={ANALYSIS} pending={false} />);
    expect(screen.getByTestId('header-language').textContent).toBe('English');
    expect(screen.getByTestId('header-sentiment').textContent).toBe('Negative, frustrated (60%)');
    expect(screen.getByTestId('header-urgency').textContent).toBe('high urgency');
    expect(screen.getByTestId('header-intent').textContent).toBe('refund status (82%)');
    expect(screen.getByTestId('ticket-message-count').textContent).toBe('1 message');
  });

  it('says when the intent is unclear or a guess, and survives a malformed language tag', () => {
    render(<TicketHeader ticket={ticket()} analysis={{ ...ANALYSIS, intent: null, language: 'not a tag!' }} pending={false} />);
    expect(screen.getByTestId('header-intent').textContent).toBe('intent unclear');
    expect(screen.getByTestId('header-language').textContent).toBe('not a tag!');
    cleanup();
    render(<TicketHeader ticket={ticket()} analysis={{ ...ANALYSIS, intent: { label: 'refund', confidence: 0.1 } }} pending={false} />);
    expect(screen.getByTestId('header-intent').textContent).toBe('intent unclear');
  });

  it('says plainly how many messages have an unknown sender, and none when all are placed', () => {
    const messages = [
      { authorRole: 'customer' as const, partial: false, body: 'Hi' },
      { authorRole: 'unknown' as const, partial: false, body: 'Merged' },
    ];
    render(<TicketHeader ticket={ticket({ messages })} analysis={undefined} pending={false} />);
    expect(screen.getByTestId('ticket-message-caveats').textContent).toBe('1 from an unknown sender');
    cleanup();
    render(<TicketHeader ticket={ticket({ messages: messages.slice(0, 1) })} analysis={undefined} pending={false} />);
    expect(screen.queryByTestId('ticket-message-caveats')).toBeNull();
  });

  it('renders hostile page and model text inert', () => {
    const { container } = render(
      <TicketHeader
        ticket={ticket({ requester: { name: HOSTILE }, subject: HOSTILE })}
        analysis={{ ...ANALYSIS, intent: { label: HOSTILE, confidence: 0.5 }, language: HOSTILE }}
        pending={false}
      />,
    );
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByTestId('header-customer').textContent).toBe(HOSTILE);
    expect(screen.getByTestId('ticket-subject').textContent).toBe(HOSTILE);
    expect(screen.getByTestId('header-intent').textContent).toContain('<img');
  });
});

describe('LiveFacts', () => {
  it('shows nothing before the live event', () => {
    const { container } = render(<LiveFacts live={undefined} />);
    expect(container.innerHTML).toBe('');
  });

  it('shows orders, the payment and the cart compactly', () => {
    render(<LiveFacts live={LIVE} />);
    const order = screen.getByTestId('live-order').textContent;
    expect(order).toContain('#1042 shipped');
    expect(order).toContain('59.90');
    expect(order).toContain('1× Kettle');
    expect(screen.getByTestId('live-payment').textContent).toMatch(/^Payment failed: card declined/);
    expect(screen.getByTestId('live-cart').textContent).toBe('Cart: 2× Mug');
  });

  it('keeps to the three newest orders', () => {
    const orders = [1, 2, 3, 4, 5].map((day) => ({ ...LIVE.orders[0]!, id: `O-${day}`, placedAt: `2026-11-0${day}T10:00:00Z` }));
    render(<LiveFacts live={{ ...LIVE, orders }} />);
    expect(screen.getAllByTestId('live-order').map((li) => li.textContent?.split(' ')[0])).toEqual(['#O-5', '#O-4', '#O-3']);
    expect(screen.getByText('and 2 older')).toBeTruthy();
  });

  it('says when the customer has no facts', () => {
    render(<LiveFacts live={{ ...LIVE, orders: [], payment: undefined, cart: undefined }} />);
    expect(screen.getByTestId('live-facts').textContent).toContain('No orders, payments or cart');
  });

  it('renders hostile webhook text inert', () => {
    const { container } = render(
      <LiveFacts
        live={{
          ...LIVE,
          orders: [
            { ...LIVE.orders[0]!, id: HOSTILE, status: HOSTILE, currency: 'XXX', items: [{ sku: 'x', name: HOSTILE, quantity: 1 }] },
          ],
          payment: { status: 'failed', lastEventAt: '2026-12-01T10:00:00Z', detail: HOSTILE },
          cart: { items: [{ sku: 'y', name: HOSTILE, quantity: 1 }], updatedAt: '2026-12-01T10:00:00Z' },
          openTickets: [{ id: 't', subject: HOSTILE, status: 'open' }],
        }}
      />,
    );
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByTestId('live-payment').textContent).toContain(HOSTILE);
    expect(screen.getByTestId('live-tickets').textContent).toContain(HOSTILE);
  });
});
