/**
 * Field readers every site adapter needs: they turn loosely formatted page values (an email in a
 * data attribute, a status label, a timestamp) into the shared ticket's types, dropping a bad
 * optional field instead of losing the whole ticket over it. No zod: this runs in the content
 * script, and the checks are at least as strict as the shared schema's (ticketFields.test.ts
 * holds them against it), so what passes here passes the background's validation.
 */
import {
  MESSAGE_AUTHOR_ROLES,
  TICKET_LIMITS,
  TICKET_STATUSES,
  type MessageAuthorRole,
  type TicketStatus,
} from '@tandem/shared/ticket-reading';

/** Dot-separated local part (never ending in an apostrophe), then a domain with an alphabetic TLD. */
const EMAIL = /^[A-Za-z0-9_'+-]+(?:\.[A-Za-z0-9_'+-]+)*(?<!')@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
/** RFC 3339 with seconds and a zone (Z or ±hh:mm); the calendar day is checked separately. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

function trimmed(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  return text === undefined || text === '' ? undefined : text;
}

export function optionalText(value: string | null | undefined, max: number): string | undefined {
  const text = trimmed(value);
  return text === undefined ? undefined : text.slice(0, max);
}

export function optionalEmail(value: string | null | undefined): string | undefined {
  const text = trimmed(value);
  return text !== undefined && text.length <= TICKET_LIMITS.emailChars && EMAIL.test(text) ? text : undefined;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC, so no zone shifts it).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function optionalDateTime(value: string | null | undefined): string | undefined {
  const text = trimmed(value);
  const match = text === undefined ? null : DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, year = '', month = '', day = ''] = match;
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  if (monthNumber < 1 || monthNumber > 12 || dayNumber < 1 || dayNumber > daysInMonth(Number(year), monthNumber)) return undefined;
  return text;
}

/** An http(s) page address, or undefined (a `javascript:` or `data:` URL from a hostile page included). */
export function optionalPageUrl(value: string): string | undefined {
  if (value.length > TICKET_LIMITS.urlChars) return undefined;
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'http:' || protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Site labels such as "On hold" or "SOLVED" mapped onto the shared statuses; anything else is 'unknown'. */
export function ticketStatusFromLabel(label: string | null | undefined): TicketStatus {
  const normalised = (label ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return TICKET_STATUSES.find((status) => status === normalised) ?? 'unknown';
}

/**
 * An author role from a page that states it in words (Tandem's own fixture desk). Anything else
 * becomes 'unknown': the text stays in the context, but is never mistaken for the customer's
 * words or the agent's.
 */
export function authorRoleFromLabel(label: string | null | undefined): MessageAuthorRole {
  const normalised = (label ?? '').trim().toLowerCase();
  return MESSAGE_AUTHOR_ROLES.find((role) => role === normalised) ?? 'unknown';
}
