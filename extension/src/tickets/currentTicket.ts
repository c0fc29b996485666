/**
 * How the current ticket of each tab is kept in extension storage: one key per tab, so two tabs
 * reporting at once never overwrite each other, and a zod schema so the side panel re-validates
 * what it reads instead of trusting storage.
 */
import { ticketContextSchema } from '@tandem/shared';
import { z } from 'zod';

const KEY_PREFIX = 'currentTicket:';

export const storedTicketSchema = z.object({
  tabId: z.number().int().nonnegative(),
  ticket: ticketContextSchema,
  /** Epoch milliseconds; lets a panel opened outside the side panel show the latest ticket. */
  receivedAt: z.number(),
});
export type StoredTicket = z.infer<typeof storedTicketSchema>;

/** The tab shows a known site's ticket page whose layout did not read. */
export const storedUnreadableSchema = z.object({
  tabId: z.number().int().nonnegative(),
  unreadable: z.object({ detail: z.string().max(500) }),
  receivedAt: z.number(),
});
export type StoredUnreadable = z.infer<typeof storedUnreadableSchema>;

/** What a tab's key holds: its ticket, or the news that its ticket could not be read. */
export type StoredTab = StoredTicket | StoredUnreadable;

export function currentTicketKey(tabId: number): string {
  return `${KEY_PREFIX}${tabId}`;
}

export function isCurrentTicketKey(key: string): boolean {
  return key.startsWith(KEY_PREFIX);
}

/** The tab a current-ticket key belongs to, or undefined for any other key. */
export function tabIdOfKey(key: string): number | undefined {
  if (!isCurrentTicketKey(key)) return undefined;
  const id = key.slice(KEY_PREFIX.length);
  return /^\d{1,10}$/.test(id) ? Number(id) : undefined;
}

/** A stored value as a ticket, or undefined when it is missing or malformed. */
export function parseStoredTicket(value: unknown): StoredTicket | undefined {
  const parsed = storedTicketSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** A stored value as a tab's state (ticket or unreadable), or undefined when missing or malformed. */
export function parseStoredTab(value: unknown): StoredTab | undefined {
  const ticket = storedTicketSchema.safeParse(value);
  if (ticket.success) return ticket.data;
  const unreadable = storedUnreadableSchema.safeParse(value);
  return unreadable.success ? unreadable.data : undefined;
}

/** The most recently received ticket of any tab in a storage snapshot. */
export function latestStoredTicket(snapshot: Record<string, unknown>): StoredTicket | undefined {
  let latest: StoredTicket | undefined;
  for (const [key, value] of Object.entries(snapshot)) {
    if (!isCurrentTicketKey(key)) continue;
    const stored = parseStoredTicket(value);
    if (stored !== undefined && (latest === undefined || stored.receivedAt > latest.receivedAt)) latest = stored;
  }
  return latest;
}

/** The most recently received ticket with this id in a storage snapshot (the tab to insert into). */
export function storedTicketWithId(snapshot: Record<string, unknown>, ticketId: string): StoredTicket | undefined {
  let found: StoredTicket | undefined;
  for (const [key, value] of Object.entries(snapshot)) {
    if (!isCurrentTicketKey(key)) continue;
    const stored = parseStoredTicket(value);
    if (stored?.ticket.ticketId === ticketId && (found === undefined || stored.receivedAt > found.receivedAt)) found = stored;
  }
  return found;
}
