/**
 * How the panel names who wrote a ticket's messages. 'unknown' is shown plainly ("Unknown
 * sender"): the adapter could not tell, and the agent should know the draft did not treat those
 * messages as the customer's words. Partial messages (only a snippet was on the page) likewise.
 */
import type { MessageAuthorRole, TicketMessage } from '@tandem/shared';

export const ROLE_LABELS: Readonly<Record<MessageAuthorRole, string>> = {
  customer: 'Customer',
  agent: 'Agent',
  internal: 'Internal note',
  unknown: 'Unknown sender',
};

/** Notes for the ticket summary about messages read with less than certainty; none when every message is whole and placed. */
export function messageCaveats(messages: readonly Pick<TicketMessage, 'authorRole' | 'partial'>[]): string[] {
  const unknown = messages.filter((message) => message.authorRole === 'unknown').length;
  const partial = messages.filter((message) => message.partial).length;
  return [
    ...(unknown === 0 ? [] : [`${unknown} from an ${ROLE_LABELS.unknown.toLowerCase()}`]),
    ...(partial === 0 ? [] : [`${partial} only partly visible`]),
  ];
}
