/**
 * The conversation as both Salesforce readers hand it over: entries oldest first, each with who
 * the page says wrote it and what the layout states about it; this module turns them into the
 * ticket's messages. The case description opens the conversation as the customer's first message
 * (written by the case's contact, or the person the web form named), unless an Email-to-Case
 * e-mail already carries the same words, in which case it is one message, not two.
 */
import type { TicketMessageInput } from '@tandem/shared/ticket-reading';
import type { LayoutCues } from './authorRoles';
import { decideRole, type CaseParties, type PageIdentity } from './salesforceParties';

export interface ConversationEntry {
  id?: string;
  /** Who the page says wrote it: a name, an address, a record link. */
  author: PageIdentity;
  body: string;
  /** Only a preview of the message was on the page. */
  partial: boolean;
  cues: LayoutCues;
  sentAt?: string;
  /** An e-mail (not a post or comment): only e-mails can repeat the description. */
  email: boolean;
}

function collapsed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function messageOf(entry: ConversationEntry, parties: CaseParties): TicketMessageInput {
  const { role } = decideRole(entry.author, parties, entry.cues);
  const { requester } = parties;
  // An address the case lists as the customer's names them too ("Amara Nwosu" for amara@…).
  const knownAs =
    role === 'customer' && entry.author.name === undefined && entry.author.email?.toLowerCase() === requester.email?.toLowerCase()
      ? requester.name
      : undefined;
  const authorName = entry.author.name ?? knownAs;
  return {
    authorRole: role,
    body: entry.body,
    ...(entry.partial ? { partial: true } : {}),
    ...(entry.id === undefined ? {} : { id: entry.id }),
    ...(authorName === undefined ? {} : { authorName }),
    ...(entry.author.email === undefined ? {} : { authorEmail: entry.author.email }),
    ...(entry.sentAt === undefined ? {} : { sentAt: entry.sentAt }),
  };
}

function descriptionMessage(description: string, parties: CaseParties): TicketMessageInput {
  const { name, email } = parties.requester;
  return {
    authorRole: 'customer',
    body: description,
    ...(name === undefined ? {} : { authorName: name }),
    ...(email === undefined ? {} : { authorEmail: email }),
  };
}

/**
 * The first e-mail repeats the description (Email-to-Case copies the e-mail's text into it): the
 * customer's e-mail says the same words, or, collapsed to a preview, begins them.
 */
function repeatsDescription(message: TicketMessageInput | undefined, entry: ConversationEntry | undefined, description: string): boolean {
  if (message === undefined || entry === undefined || !entry.email || message.authorRole !== 'customer') return false;
  const body = collapsed(message.body);
  const opening = collapsed(description);
  return body !== '' && (entry.partial ? opening.startsWith(body) : opening === body);
}

/** The ticket's messages: the description first, then the entries (already oldest first). */
export function conversationMessages(
  description: string | undefined,
  entries: readonly ConversationEntry[],
  parties: CaseParties,
): TicketMessageInput[] {
  const messages = entries.map((entry) => messageOf(entry, parties));
  if (description === undefined || description === '') return messages;
  const rest = repeatsDescription(messages[0], entries[0], description) ? messages.slice(1) : messages;
  return [descriptionMessage(description, parties), ...rest];
}
