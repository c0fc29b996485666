/**
 * An OpenAI chat as the ticket the assist pipeline reads (site `api`): the user's messages are
 * the customer's, the assistant's the agent side's. System and developer messages are the
 * caller's instructions to a model, not the customer's words, and Tandem's own policy is not
 * theirs to change: they are left out, as are tool messages.
 */
import { TICKET_LIMITS, type TicketContext, type TicketMessage } from '@tandem/shared';
import type { ChatMessage } from './openAiShapes.js';

/** The newest messages the ticket keeps. */
const CHAT_MESSAGES = 40;

function textOf(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  return content
    .filter((part) => part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join('\n');
}

/** The ticket, or undefined when the chat has no user message to answer. */
export function chatTicket(id: string, messages: readonly ChatMessage[]): TicketContext | undefined {
  const turns: TicketMessage[] = [];
  for (const message of messages) {
    if (message.role !== 'user' && message.role !== 'assistant') continue;
    const body = textOf(message.content).slice(0, TICKET_LIMITS.bodyChars);
    if (body.trim() === '') continue;
    turns.push({ authorRole: message.role === 'user' ? 'customer' : 'agent', body, partial: false });
  }
  if (!turns.some((t) => t.authorRole === 'customer')) return undefined;
  return { site: 'api', ticketId: id, subject: '', requester: {}, messages: turns.slice(-CHAT_MESSAGES), tags: [], status: 'open' };
}
