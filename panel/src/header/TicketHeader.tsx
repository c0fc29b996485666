/**
 * The compact ticket header: who the customer is, which ticket (the helpdesk's own number, never
 * an internal id), what it is about, and how they feel as small badges once the draft's analysis
 * arrives. Everything here came from a page or a server we do not control: React text only.
 */
import type { TicketAnalysis, TicketContext } from '@tandem/shared';
import { messageCaveats } from '../messageRoles';
import { languageName, percent } from './format';
import { siteName, ticketNumber, ticketStatus } from './ticketLabel';

export interface TicketHeaderProps {
  ticket: TicketContext;
  analysis: TicketAnalysis | undefined;
  /** An analysis is on its way (a draft is starting or streaming): badges show "…". */
  pending: boolean;
}

/** Above this, the header says the customer is frustrated (the server's alert threshold is its own). */
const FRUSTRATED_AT = 0.6;
/** Below this the intent is a guess: the header says "unclear" rather than mislead. */
const INTENT_AT = 0.3;

function Badge({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: 'warn' | 'danger' }) {
  return (
    <li className={`badge${tone === undefined ? '' : ` badge--${tone}`}`}>
      <span className="visually-hidden">{label}: </span>
      <span data-testid={testId}>{value}</span>
    </li>
  );
}

function sentimentOf(analysis: TicketAnalysis): string {
  const word = analysis.sentiment.charAt(0).toUpperCase() + analysis.sentiment.slice(1);
  return analysis.frustration >= FRUSTRATED_AT ? `${word}, frustrated (${percent(analysis.frustration)})` : word;
}

function intentOf(analysis: TicketAnalysis): string {
  if (analysis.intent === null || analysis.intent.confidence < INTENT_AT) return 'intent unclear';
  return `${analysis.intent.label.replace(/_/g, ' ')} (${percent(analysis.intent.confidence)})`;
}

export function TicketHeader({ ticket, analysis, pending }: TicketHeaderProps) {
  const { name, email } = ticket.requester;
  const number = ticketNumber(ticket);
  const status = ticketStatus(ticket);
  const caveats = messageCaveats(ticket.messages);
  const count = ticket.messages.length === 1 ? '1 message' : `${ticket.messages.length} messages`;
  const urgent = analysis?.urgency === 'high' || analysis?.urgency === 'critical';
  return (
    <section className="ticket-header" aria-label="Ticket" data-testid="ticket-header" data-ticket-id={ticket.ticketId}>
      <div className="ticket-header__top">
        <p className="ticket-header__customer" data-testid="header-customer" title={email}>
          {name ?? email ?? 'Unknown customer'}
        </p>
        <p className="ticket-header__where muted">
          {siteName(ticket.site)}
          {number === undefined ? null : (
            <>
              {' '}
              <span data-testid="ticket-number">{number}</span>
            </>
          )}
          {status === undefined ? null : <> · {status}</>}
        </p>
      </div>
      <h2 className="ticket-header__subject" data-testid="ticket-subject">
        {ticket.subject === '' ? '(no subject)' : ticket.subject}
      </h2>
      <ul className="ticket-header__badges" aria-label="What Tandem read">
        {analysis === undefined && !pending ? null : (
          <>
            <Badge label="Language" testId="header-language" value={analysis === undefined ? '…' : languageName(analysis.language)} />
            <Badge
              label="Sentiment"
              testId="header-sentiment"
              value={analysis === undefined ? '…' : sentimentOf(analysis)}
              tone={analysis?.sentiment === 'negative' ? 'warn' : undefined}
            />
            <Badge
              label="Urgency"
              testId="header-urgency"
              value={analysis === undefined ? '…' : `${analysis.urgency} urgency`}
              tone={urgent ? 'danger' : undefined}
            />
            <Badge label="Intent" testId="header-intent" value={analysis === undefined ? '…' : intentOf(analysis)} />
          </>
        )}
        <li className="ticket-header__count muted" data-testid="ticket-message-count">
          {count}
          {caveats.length === 0 ? null : (
            <>
              {' ('}
              <span data-testid="ticket-message-caveats">{caveats.join(', ')}</span>
              {')'}
            </>
          )}
        </li>
      </ul>
    </section>
  );
}
