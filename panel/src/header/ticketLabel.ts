/**
 * How the header names a ticket: the helpdesk's own number as the agent knows it ("#4821",
 * "Case 00001026"), never an internal id, a URL or a tab anchor, and the ticket's status only
 * when the page stated one.
 */
import type { TicketContext } from '@tandem/shared';

const SITE_NAMES: Record<TicketContext['site'], string> = {
  gmail: 'Gmail',
  zendesk: 'Zendesk',
  salesforce: 'Salesforce',
  generic: 'Helpdesk',
  fixture: 'Helpdesk',
  widget: 'Website chat',
  api: 'API',
};

export function siteName(site: TicketContext['site']): string {
  return SITE_NAMES[site];
}

/**
 * The number an agent would say out loud, or undefined when the id is not one (a Gmail thread
 * id, a URL a generic page was keyed by): showing that would only be noise.
 */
export function ticketNumber(ticket: Pick<TicketContext, 'site' | 'ticketId'>): string | undefined {
  const id = ticket.ticketId.trim();
  if (ticket.site === 'gmail') return undefined;
  if (/^\d{1,20}$/.test(id)) return ticket.site === 'salesforce' ? `Case ${id}` : `#${id}`;
  // A readable key such as "SUP-1042" or "T-1001" is the helpdesk's own; a path or URL is not.
  if (/^[A-Za-z]{1,10}-\d{1,12}$/.test(id)) return id;
  return undefined;
}

export function ticketStatus(ticket: Pick<TicketContext, 'status'>): string | undefined {
  return ticket.status === 'unknown' ? undefined : ticket.status;
}
