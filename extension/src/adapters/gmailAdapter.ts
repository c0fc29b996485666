/**
 * Site adapter for Gmail (mail.google.com): reads the open conversation into a ticket and finds
 * its reply box. Where it looks is one table (gmailSelectors.ts); one message is read by
 * gmailMessages.ts, the owner's addresses by gmailOwner.ts, and who is who is decided from
 * identity by gmailIdentity.ts. This file finds the one open conversation, walks its messages in
 * order and puts the ticket together.
 *
 * Every message is read as the page shows it: expanded in full, collapsed as its snippet marked
 * partial, folded into "N older messages" not at all (the page shows nothing of it). The agent is
 * the mailbox owner or a send-as address the page shows, or, when the page shows none, the one
 * address every message was sent from or to; the customer is the requester and their other
 * addresses; anyone else is 'unknown'. Anything it cannot read for certain (two conversations on
 * screen, a message without a sender, a sender chip its avatar contradicts) is an unreadable
 * layout rather than a guess.
 */
import { TICKET_LIMITS, type TicketMessageInput, type TicketReadResult } from '@tandem/shared/ticket-reading';
import type { PersonIdentity, RoleContext } from './authorRoles';
import { clampText, singleLineText } from './domText';
import { agentAddresses, customerIdentities, findRequester, roleContext, roleOf } from './gmailIdentity';
import { messageDetails, readMessageItem, type MessageDetails, type ShownMessage } from './gmailMessages';
import { pageAgentAddresses } from './gmailOwner';
import { GMAIL_SELECTORS as S } from './gmailSelectors';
import {
  notATicketPage,
  ticketReadFrom,
  unreadableLayout,
  type SiteAdapter,
  type TicketPageReader,
  type TicketReadOptions,
} from './siteAdapter';
import { isOwnHost } from './siteHosts';
import { gmailSite } from './sites/gmail';
import { optionalPageUrl, optionalText } from './ticketFields';

/** Hash views whose first argument is a search, label or category, so the thread id is the next segment. */
const VIEWS_WITH_ARGUMENT = new Set(['search', 'label', 'category', 'advanced-search']);
const THREAD_ID_PATTERN = /^[A-Za-z0-9_-]{16,200}$/;

/** The thread id in a Gmail hash: `#inbox/<id>`, `#label/<name>/<id>`, `#search/<query>/<id>`. */
function threadIdFromUrl(url: URL): string | undefined {
  const segments = url.hash.replace(/^#/, '').split('?')[0]?.split('/') ?? [];
  const view = segments[0] ?? '';
  const index = VIEWS_WITH_ARGUMENT.has(view) ? 2 : 1;
  const candidate = segments[index];
  return candidate !== undefined && segments.length === index + 1 && THREAD_ID_PATTERN.test(candidate) ? candidate : undefined;
}

/** The thread id Gmail puts on the subject or a message, for pages whose URL names none (a popped-out window). */
function threadIdFromDom(elements: readonly Element[]): string | undefined {
  for (const attribute of S.threadIdAttributes) {
    for (const element of elements) {
      const carrier = element.hasAttribute(attribute) ? element : element.querySelector(`[${attribute}]`);
      const id = optionalText(carrier?.getAttribute(attribute), TICKET_LIMITS.idChars);
      if (id !== undefined) return id;
    }
  }
  return undefined;
}

/** Every subject heading on the page (the first selector that finds any). */
function subjectHeadings(root: ParentNode): Element[] {
  for (const selector of S.subject) {
    const found = Array.from(root.querySelectorAll(selector));
    if (found.length > 0) return found;
  }
  return [];
}

/** Anything that is (or holds) a message of a thread, in any layout we read. */
const ANY_MESSAGE = [...S.messageItem, ...S.messageElement].join(', ');

/**
 * The open conversation: the nearest ancestor of its subject that also holds its messages. The
 * thread list beside a reading pane, and the rest of the page, are outside it.
 */
function threadViewOf(subject: Element, main: Element): Element | undefined {
  for (let node = subject.parentElement; node !== null; node = node === main ? null : node.parentElement) {
    if (node.querySelector(ANY_MESSAGE) !== null) return node;
  }
  return undefined;
}

/**
 * The outermost matches of `selector` inside `thread`: an attachment list inside a message is part
 * of that message, not another message. (`closest` per element keeps this linear in long threads.)
 */
function outermost(thread: Element, selector: string): Element[] {
  return Array.from(thread.querySelectorAll(selector)).filter((element) => {
    const outer = element.parentElement?.closest(selector);
    return outer === null || outer === undefined || !thread.contains(outer);
  });
}

/** The thread's message items in page order: its list items, or (in a layout without list roles) its message elements. */
function messageItems(thread: Element): Element[] {
  for (const selector of S.messageItem) {
    const items = outermost(thread, selector);
    if (items.length > 0) return items;
  }
  return outermost(thread, S.messageElement.join(', '));
}

/** The requester as the ticket names them: the name and address the page showed. */
function requesterField(requester: PersonIdentity | undefined): { name?: string; email?: string } {
  return {
    ...(requester?.name === undefined ? {} : { name: requester.name }),
    ...(requester?.email === undefined ? {} : { email: requester.email }),
  };
}

function toTicketMessage(message: ShownMessage, details: MessageDetails, role: TicketMessageInput['authorRole']): TicketMessageInput {
  return {
    authorRole: role,
    body: details.body,
    ...(message.kind === 'collapsed' ? { partial: true } : {}),
    ...(details.id === undefined ? {} : { id: details.id }),
    ...(message.sender.name === undefined ? {} : { authorName: message.sender.name }),
    ...(message.sender.email === undefined ? {} : { authorEmail: message.sender.email }),
    ...(details.sentAt === undefined ? {} : { sentAt: details.sentAt }),
  };
}

/** Reads every message item, or the reason one could not be read. */
function readMessages(items: readonly Element[]): ShownMessage[] | TicketReadResult {
  const messages: ShownMessage[] = [];
  for (const item of items) {
    const read = readMessageItem(item);
    if (read.kind === 'unreadable') return unreadableLayout(read.detail);
    if (read.kind === 'shown') messages.push(read.message);
  }
  return messages;
}

interface OpenConversation {
  subject: Element;
  thread: Element;
}

/** The one conversation open on the page, or why there is none to read. */
function openConversation(main: Element, urlNamesThread: boolean): OpenConversation | TicketReadResult {
  const subjects = subjectHeadings(main);
  if (subjects.length === 0) {
    if (main.querySelector(S.messageElement.join(', ')) !== null) return unreadableLayout('The Gmail thread has no subject heading');
    return urlNamesThread
      ? unreadableLayout('The URL names a conversation but no Gmail thread view was found')
      : notATicketPage('No conversation is open in Gmail');
  }
  const [subject] = subjects;
  if (subject === undefined || subjects.length > 1) return unreadableLayout('More than one Gmail conversation is on the page');
  const thread = threadViewOf(subject, main);
  return thread === undefined ? unreadableLayout('The Gmail thread shows no messages') : { subject, thread };
}

interface Parties {
  requester: PersonIdentity | undefined;
  context: RoleContext;
}

/** Who is who: the agent's addresses from the page and the thread, the requester, and the customer's addresses. */
function threadParties(doc: Document, subject: string, shown: readonly ShownMessage[]): Parties {
  const ownAddresses = [...pageAgentAddresses(doc, subject), ...shown.flatMap((message) => message.ownerAddresses)];
  const agents = agentAddresses(ownAddresses, shown);
  const requester = findRequester(shown, agents);
  return { requester, context: roleContext(customerIdentities(requester, shown, agents), agents) };
}

/**
 * The ticket's messages. The newest matter most to a reply, so an overlong thread keeps its tail,
 * and only those bodies are read.
 */
function ticketMessages(shown: readonly ShownMessage[], context: RoleContext): TicketMessageInput[] | TicketReadResult {
  const messages: TicketMessageInput[] = [];
  for (const message of shown.slice(-TICKET_LIMITS.messages)) {
    const details = messageDetails(message);
    if (details === undefined) return unreadableLayout('A Gmail message body has a "…" button but no trimmed part behind it');
    messages.push(toTicketMessage(message, details, roleOf(message.sender, context)));
  }
  return messages;
}

function isResult<T extends object>(value: T | TicketReadResult): value is TicketReadResult {
  return 'kind' in value && (value.kind === 'ticket' || value.kind === 'no-ticket');
}

export const readGmailTicket: TicketPageReader = (doc: Document, url: string, options?: TicketReadOptions): TicketReadResult => {
  let pageUrl: URL;
  try {
    pageUrl = new URL(url);
  } catch {
    return notATicketPage('The page URL could not be parsed');
  }
  if (options?.anyHost !== true && !isOwnHost(gmailSite.hosts, pageUrl.hostname))
    return notATicketPage(`Not ${gmailSite.hosts.join(', ')}`);

  const hashThreadId = threadIdFromUrl(pageUrl);
  const conversation = openConversation(doc.querySelector('[role="main"]') ?? doc.body, hashThreadId !== undefined);
  if (isResult(conversation)) return conversation;
  const items = messageItems(conversation.thread);
  const shown = readMessages(items);
  if (isResult(shown)) return shown;
  if (!shown.some((message) => message.kind === 'expanded')) return unreadableLayout('No Gmail message is shown in full');
  const ticketId = hashThreadId ?? threadIdFromDom([conversation.subject, ...items]);
  if (ticketId === undefined) return unreadableLayout('No thread id in the URL or on the Gmail thread');

  const subject = clampText(singleLineText(conversation.subject), TICKET_LIMITS.subjectChars);
  const { requester, context } = threadParties(doc, subject, shown);
  const messages = ticketMessages(shown, context);
  if (isResult(messages)) return messages;
  const safeUrl = optionalPageUrl(url);
  return ticketReadFrom({
    site: 'gmail',
    ticketId,
    subject,
    requester: requesterField(requester),
    messages,
    tags: [],
    status: 'unknown',
    ...(safeUrl === undefined ? {} : { url: safeUrl }),
  });
};

/** The open reply box of the conversation, or null when no reply is being written. */
export function findGmailComposer(doc: Document): HTMLElement | null {
  for (const selector of S.composer) {
    const found = doc.querySelector<HTMLElement>(selector);
    if (found !== null) return found;
  }
  return null;
}

export const gmailAdapter: SiteAdapter<'gmail'> = {
  ...gmailSite,
  signature: S.signature,
  read: readGmailTicket,
  findComposer: findGmailComposer,
};
