/**
 * What the panel says when there is no ticket to help with, each with one next step: none open
 * (open one), or a known helpdesk page whose layout did not read (reload it; nothing was guessed).
 */
import type { CurrentTicket } from '../useCurrentTicket';

function reloadTab(tabId: number): void {
  void chrome.tabs.reload(tabId);
}

export function TicketNotice({ current }: { current: CurrentTicket }) {
  if (current.kind === 'none') {
    return (
      <section className="notice" aria-label="Ticket" data-testid="state-no-ticket">
        <p className="notice__title" data-testid="no-ticket">
          No ticket open
        </p>
        <p>Open a ticket in Gmail, Zendesk or Salesforce in this window: Tandem follows the tab you are on.</p>
      </section>
    );
  }
  if (current.kind === 'unreadable') {
    return (
      <section className="notice notice--warn" aria-label="Ticket" data-testid="state-unreadable">
        <p className="notice__title" data-testid="ticket-unreadable">
          Tandem couldn&apos;t read this ticket
        </p>
        <p>
          The page looks like a helpdesk Tandem knows, but its layout has changed; nothing was guessed.{' '}
          <span className="muted" data-testid="ticket-unreadable-detail">
            {current.detail}
          </span>
        </p>
        <button type="button" className="primary" onClick={() => reloadTab(current.tabId)}>
          Reload the helpdesk tab
        </button>
      </section>
    );
  }
  return null;
}
