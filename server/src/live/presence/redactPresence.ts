/**
 * Redacts a published presence the way every other context is redacted before it leaves the
 * agent: one vault per publication learns the requester's and authors' names and the names the
 * messages introduce, then subject, bodies, names and the draft become placeholder text. E-mail
 * fields are dropped (a placeholder is not an address). The vault is kept so a draft the desktop
 * inserts can be restored for the agent's own page, and only there.
 */
import type { PresenceDraft, TicketContext } from '@tandem/shared';
import { PiiVault } from '../../security/redactPii.js';

export interface RedactedPresence {
  ticket: TicketContext | null;
  draft: PresenceDraft | null;
  vault: PiiVault;
}

export function redactPresence(ticket: TicketContext | null, draft: PresenceDraft | null): RedactedPresence {
  const vault = new PiiVault();
  if (ticket === null) return { ticket: null, draft: draft === null ? null : { ...draft, text: vault.redact(draft.text) }, vault };
  const redactName = (name: string | undefined) => (name === undefined ? undefined : vault.redactName(name));
  const requesterName = redactName(ticket.requester.name);
  const authorNames = ticket.messages.map((m) => redactName(m.authorName));
  if (ticket.requester.email !== undefined) vault.redact(ticket.requester.email);
  for (const m of ticket.messages) vault.learnNames(m.body);
  if (draft !== null) vault.learnNames(draft.text);
  const redacted: TicketContext = {
    site: ticket.site,
    ticketId: ticket.ticketId,
    subject: vault.redact(ticket.subject),
    requester: requesterName === undefined ? {} : { name: requesterName },
    messages: ticket.messages.map((m, i) => {
      const authorName = authorNames[i];
      return {
        ...(m.id === undefined ? {} : { id: m.id }),
        authorRole: m.authorRole,
        ...(authorName === undefined ? {} : { authorName }),
        ...(m.sentAt === undefined ? {} : { sentAt: m.sentAt }),
        partial: m.partial,
        body: vault.redact(m.body),
      };
    }),
    tags: ticket.tags.map((t) => vault.redact(t)),
    status: ticket.status,
    ...(ticket.language === undefined ? {} : { language: ticket.language }),
  };
  return { ticket: redacted, draft: draft === null ? null : { ...draft, text: vault.redact(draft.text) }, vault };
}
