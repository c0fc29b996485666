/**
 * The background's handling of content-script messages: validate the message and its sender,
 * then record or clear that tab's current ticket. This is where a ticket an adapter read meets
 * the shared zod schema (content scripts ship without zod): a ticket that does not validate is
 * recorded as an unreadable page, never stored. Storage is passed in so this runs in tests.
 */
import { ticketContextSchema, type TicketContext } from '@tandem/shared';
import { z } from 'zod';
import { contentScriptMessageSchema, type MessageReply } from '../messages/messages';
import { MESSAGE_LIMITS } from '../messages/pageMessages';

export interface TabTicketStore {
  save(tabId: number, ticket: TicketContext): Promise<void>;
  clear(tabId: number): Promise<void>;
  /** The tab shows a known site's ticket page that did not read. */
  saveUnreadable(tabId: number, detail: string): Promise<void>;
}

/** The parts of `chrome.runtime.MessageSender` the relay trusts. */
export interface MessageOrigin {
  extensionId: string | undefined;
  tabId: number | undefined;
  frameId: number | undefined;
}

/** Why a message may not have come from one of our content scripts in a tab's top frame, if it may not. */
export function contentScriptOriginProblem(origin: MessageOrigin, ownExtensionId: string): string | undefined {
  if (origin.extensionId !== ownExtensionId) return 'Messages are accepted only from this extension';
  if (origin.tabId === undefined || origin.tabId < 0) return 'Ticket messages must come from a content script in a tab';
  // A ticket belongs to the page, not to an embedded frame (an ad, a chat widget) inside it.
  if (origin.frameId !== undefined && origin.frameId !== 0) return 'Ticket messages must come from the top frame';
  return undefined;
}

/** Why a well-formed ticket message carries a ticket that fails the shared schema, if it does. */
function invalidTicketDetail(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('type' in raw) || !('ticket' in raw)) return undefined;
  if (raw.type !== 'ticket.opened' && raw.type !== 'ticket.updated') return undefined;
  const parsed = ticketContextSchema.safeParse(raw.ticket);
  if (parsed.success) return undefined;
  return `The ticket did not validate: ${z.prettifyError(parsed.error)}`.slice(0, MESSAGE_LIMITS.unreadableDetail);
}

export async function relayContentMessage(
  raw: unknown,
  origin: MessageOrigin,
  ownExtensionId: string,
  store: TabTicketStore,
): Promise<MessageReply> {
  const problem = contentScriptOriginProblem(origin, ownExtensionId);
  if (problem !== undefined || origin.tabId === undefined) return { ok: false, error: problem ?? 'No tab' };

  const parsed = contentScriptMessageSchema.safeParse(raw);
  if (!parsed.success) {
    // The page is a ticket page whose reading broke: the panel says so instead of keeping the tab's old ticket.
    const detail = invalidTicketDetail(raw);
    if (detail === undefined) return { ok: false, error: 'Invalid message' };
    await store.saveUnreadable(origin.tabId, detail);
    return { ok: false, error: detail };
  }
  const message = parsed.data;
  switch (message.type) {
    case 'ticket.opened':
    case 'ticket.updated':
      await store.save(origin.tabId, message.ticket);
      return { ok: true };
    case 'ticket.closed':
      await store.clear(origin.tabId);
      return { ok: true };
    case 'ticket.unreadable':
      await store.saveUnreadable(origin.tabId, message.detail);
      return { ok: true };
  }
}
