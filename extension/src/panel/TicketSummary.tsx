/**
 * The ticket the agent is looking at, as Tandem read it. Everything here came from a web page we
 * do not control, so it is rendered only as React text nodes, never as HTML.
 */
import { messageCaveats } from './messageRoles';
import type { CurrentTicket } from './useCurrentTicket';

export function TicketSummary({ current }: { current: CurrentTicket }) {
  if (current.kind === 'loading') return null;
  if (current.kind === 'none') {
    return (
      <section className="card" aria-label="Ticket">
        <p className="muted" data-testid="no-ticket">
          No ticket open
        </p>
      </section>
    );
  }
  if (current.kind === 'unreadable') {
    return (
      <section className="card" aria-label="Ticket">
        <p data-testid="ticket-unreadable">
          <strong>Tandem couldn&apos;t read this ticket.</strong> The page looks like a helpdesk Tandem knows, but its layout has changed;
          nothing was guessed.
        </p>
        <p className="muted" data-testid="ticket-unreadable-detail">
          {current.detail}
        </p>
      </section>
    );
  }
  const { ticket } = current.stored;
  const requester = ticket.requester.name ?? ticket.requester.email;
  const caveats = messageCaveats(ticket.messages);
  return (
    <section className="card" aria-label="Ticket">
      <h2 data-testid="ticket-subject">{ticket.subject === '' ? '(no subject)' : ticket.subject}</h2>
      <p className="muted">
        <span data-testid="ticket-id">{ticket.ticketId}</span> · {ticket.status}
        {requester === undefined ? null : <> · {requester}</>}
        {' · '}
        <span data-testid="ticket-message-count">{ticket.messages.length === 1 ? '1 message' : `${ticket.messages.length} messages`}</span>
        {caveats.length === 0 ? null : (
          <>
            {' ('}
            <span data-testid="ticket-message-caveats">{caveats.join(', ')}</span>
            {')'}
          </>
        )}
      </p>
      {ticket.tags.length === 0 ? null : (
        <ul className="tags" aria-label="Tags">
          {ticket.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
