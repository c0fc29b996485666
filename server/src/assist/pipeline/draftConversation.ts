/**
 * The ticket's messages as the model's conversation: only the customer's and the agent's own
 * words, the newest MAX_TURNS, each redacted and bounded (shortenTurn.ts). Internal notes never
 * reach a reply, and a message whose author the page did not establish ('unknown') is left out
 * rather than put in either side's mouth. A message only partly on the page (a collapsed e-mail's
 * snippet) keeps its `partial` mark, so the prompt can say the model saw only a snippet.
 */
import type { TicketMessage } from '@tandem/shared';
import type { DraftConversationTurn } from '../drafting/drafter.js';
import { MAX_TURN_CHARS, shortenTurn } from './shortenTurn.js';

export const MAX_TURNS = 12;

export interface PreparedTurn extends DraftConversationTurn {
  /** Cut for the model at MAX_TURN_CHARS (its text ends in "[message shortened]"). */
  shortened: boolean;
}

export function draftConversation(messages: readonly TicketMessage[], redact: (text: string) => string): PreparedTurn[] {
  return messages
    .filter((m) => m.authorRole === 'customer' || m.authorRole === 'agent')
    .slice(-MAX_TURNS)
    .map((m) => ({
      role: m.authorRole === 'customer' ? ('customer' as const) : ('agent' as const),
      ...shortenTurn(m.body, MAX_TURN_CHARS, redact),
      ...(m.partial ? { partial: true } : {}),
    }));
}
