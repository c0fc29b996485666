/**
 * A ticket as the server reads it: every free-text field an outside page or customer wrote passed
 * through `normaliseUntrusted`, so the draft pipeline's detectors, the redactor and the model all
 * see the same clean text. Fields this module does not know (added to the shared schema later)
 * pass through unchanged.
 */
import type { TicketContext } from '@tandem/shared';
import { normaliseUntrusted } from './untrustedText.js';

export function normaliseTicket<T extends TicketContext>(ticket: T): T {
  return {
    ...ticket,
    subject: normaliseUntrusted(ticket.subject),
    requester: {
      ...ticket.requester,
      ...(ticket.requester.name === undefined ? {} : { name: normaliseUntrusted(ticket.requester.name) }),
    },
    messages: ticket.messages.map((m) => ({
      ...m,
      body: normaliseUntrusted(m.body),
      ...(m.authorName === undefined ? {} : { authorName: normaliseUntrusted(m.authorName) }),
    })),
    tags: ticket.tags.map(normaliseUntrusted),
  };
}
