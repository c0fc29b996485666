/**
 * Who is asking and how they feel: the requester as the page showed them, and the draft's
 * analysis (language, sentiment, urgency, intent) with placeholders until it arrives. All of it
 * is page or model text, rendered only as React text.
 */
import type { TicketAnalysis, TicketContext } from '@tandem/shared';
import { languageName, percent } from './format';

export interface TicketHeaderProps {
  ticket: TicketContext;
  analysis: TicketAnalysis | undefined;
  /** An analysis is on its way (a draft is starting or streaming): show "…" rather than "—". */
  pending: boolean;
}

/** Above this, the header says the customer is frustrated (the server's alert threshold is its own). */
const FRUSTRATED_AT = 0.6;

export function TicketHeader({ ticket, analysis, pending }: TicketHeaderProps) {
  const unknown = pending ? '…' : '—';
  const { name, email } = ticket.requester;
  const customer = name !== undefined && email !== undefined ? `${name} <${email}>` : (name ?? email ?? 'Unknown customer');
  const intent =
    analysis === undefined
      ? unknown
      : analysis.intent === null
        ? 'unclear'
        : `${analysis.intent.label} (${percent(analysis.intent.confidence)})`;
  const sentiment =
    analysis === undefined
      ? unknown
      : analysis.frustration >= FRUSTRATED_AT
        ? `${analysis.sentiment}, frustrated (${percent(analysis.frustration)})`
        : analysis.sentiment;
  return (
    <section className="card ticket-header" aria-label="Customer">
      <p className="ticket-header__customer" data-testid="header-customer">
        {customer}
      </p>
      <dl className="facts">
        <dt>Language</dt>
        <dd data-testid="header-language">{analysis === undefined ? unknown : languageName(analysis.language)}</dd>
        <dt>Sentiment</dt>
        <dd data-testid="header-sentiment" className={analysis?.sentiment === 'negative' ? 'facts__warn' : undefined}>
          {sentiment}
        </dd>
        <dt>Urgency</dt>
        <dd
          data-testid="header-urgency"
          className={analysis?.urgency === 'high' || analysis?.urgency === 'critical' ? 'facts__warn' : undefined}
        >
          {analysis === undefined ? unknown : analysis.urgency}
        </dd>
        <dt>Intent</dt>
        <dd data-testid="header-intent">{intent}</dd>
      </dl>
    </section>
  );
}
