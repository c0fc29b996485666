/**
 * Field readers every site adapter needs: they turn loosely formatted page values (an email in a
 * data attribute, a status label, a timestamp) into the shared schema's types, dropping a bad
 * optional field instead of losing the whole ticket over it.
 */
import { messageAuthorRoleSchema, ticketStatusSchema, type MessageAuthorRole, type TicketStatus } from '@tandem/shared';
import { z } from 'zod';

const emailSchema = z.email().max(320);
const dateTimeSchema = z.iso.datetime({ offset: true });
const pageUrlSchema = z.url({ protocol: /^https?$/ }).max(2048);

function trimmed(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  return text === undefined || text === '' ? undefined : text;
}

export function optionalText(value: string | null | undefined, max: number): string | undefined {
  const text = trimmed(value);
  return text === undefined ? undefined : text.slice(0, max);
}

export function optionalEmail(value: string | null | undefined): string | undefined {
  const parsed = emailSchema.safeParse(trimmed(value));
  return parsed.success ? parsed.data : undefined;
}

export function optionalDateTime(value: string | null | undefined): string | undefined {
  const parsed = dateTimeSchema.safeParse(trimmed(value));
  return parsed.success ? parsed.data : undefined;
}

export function optionalPageUrl(value: string): string | undefined {
  const parsed = pageUrlSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Site labels such as "On hold" or "SOLVED" mapped onto the shared statuses; anything else is 'unknown'. */
export function ticketStatusFromLabel(label: string | null | undefined): TicketStatus {
  const normalised = (label ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const parsed = ticketStatusSchema.safeParse(normalised);
  return parsed.success ? parsed.data : 'unknown';
}

/**
 * An author role from a site's label. An unrecognised role becomes 'system': the text stays in
 * the context, but is never mistaken for the customer's words or the agent's.
 */
export function authorRoleFromLabel(label: string | null | undefined): MessageAuthorRole {
  const parsed = messageAuthorRoleSchema.safeParse((label ?? '').trim().toLowerCase());
  return parsed.success ? parsed.data : 'system';
}
