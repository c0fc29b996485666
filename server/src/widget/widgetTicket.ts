/**
 * A widget conversation as the ticket the assist pipeline reads (site `widget`): the visitor's
 * messages are the customer's, the AI's answers and people's replies the agent side's; handoffs
 * and other notices are left out. The requester carries an e-mail only when the visitor is
 * verified by one, so an anonymous visitor's draft never reaches anyone's live context.
 */
import { TICKET_LIMITS, type TicketContext, type TicketMessage } from '@tandem/shared';
import type { StoredWidgetConversation, StoredWidgetMessage } from '../storage/widget/widgetConversationsRepo.js';
import { customerRefOf } from './identity.js';

/** Messages of the conversation a draft reads: the recent ones are what the answer is about. */
export const TICKET_MESSAGES = 40;

function ticketMessage(message: StoredWidgetMessage): TicketMessage | undefined {
  const body = message.text.slice(0, TICKET_LIMITS.bodyChars);
  const sentAt = message.createdAt;
  if (message.author === 'visitor') return { authorRole: 'customer', body, sentAt, partial: false };
  if (message.author === 'ai' || message.author === 'human')
    return {
      authorRole: 'agent',
      body,
      sentAt,
      partial: false,
      ...(message.authorName === null ? {} : { authorName: message.authorName.slice(0, TICKET_LIMITS.nameChars) }),
    };
  return undefined;
}

export function conversationTicket(conversation: StoredWidgetConversation, messages: readonly StoredWidgetMessage[]): TicketContext {
  const email = conversation.visitorUserId === null ? undefined : customerRefOf(conversation.visitorUserId).email;
  return {
    site: 'widget',
    ticketId: conversation.id,
    subject: '',
    requester: {
      ...(conversation.visitorName === null ? {} : { name: conversation.visitorName.slice(0, TICKET_LIMITS.nameChars) }),
      ...(email === undefined ? {} : { email }),
    },
    messages: messages
      .map(ticketMessage)
      .filter((m) => m !== undefined)
      .slice(-TICKET_MESSAGES),
    tags: [],
    status: 'open',
  };
}

/** The visitor's newest message: what a handoff request or a cache lookup is about. */
export function latestVisitorText(messages: readonly StoredWidgetMessage[]): string {
  return messages.findLast((m) => m.author === 'visitor')?.text ?? '';
}
