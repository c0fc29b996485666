/**
 * Site adapter for Gmail (mail.google.com): reads the open conversation into a TicketContext and
 * finds its reply composer. Selectors are the class names and attributes Gmail's thread view has
 * kept for years (the ones other Gmail extensions rely on), each with a fallback, listed at the top;
 * anything it cannot read for certain is reported as an unreadable layout rather than guessed.
 *
 * Who is the agent: the mailbox owner, whose address comes from the Google Account button's
 * aria-label or, failing that, the page title ("Inbox - owner@example.com - Gmail"). A message
 * from that exact address is the agent's; every other sender with an address is the customer
 * (authorRoles.ts with `others: 'customer'`). Without a known owner the roles cannot be told
 * apart, so the thread is reported as unreadable. A collapsed message shows only its sender and a
 * snippet: it is read as a partial message rather than dropped.
 */
import { TICKET_LIMITS } from '@tandem/shared/ticket-reading';
import type { MessageAuthorRole, TicketMessageInput, TicketReadResult } from '@tandem/shared/ticket-reading';
import { authorRole } from './authorRoles';
import { clampText, inertCopy, readableText, singleLineText } from './domText';
import { cleanPersonName } from './personNames';
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
import { optionalDateTime, optionalEmail, optionalPageUrl, optionalText } from './ticketFields';

const SUBJECT_SELECTORS = ['h2.hP', '.ha h2'];
const MESSAGE_SELECTOR = 'div.adn';
const SENDER_SELECTORS = ['span[email].gD', 'td.gF span[email]'];
const BODY_SELECTORS = ['div.a3s', 'div.ii.gt', '.adP'];
/** The one-line preview a collapsed message shows instead of its body. */
const SNIPPET_SELECTORS = ['span.iA.g6'];
const SENT_AT_SELECTORS = ['time[datetime]', 'span.g3[title]', '[data-tooltip]'];
const COMPOSER_SELECTORS = ['div.M9 div[contenteditable="true"]', '.Ap [g_editable="true"]'];
/** Quoted history Gmail folds under "…": the earlier messages again, not this message's words. */
const QUOTED_SELECTOR = '.gmail_quote';
const THREAD_ID_ATTRIBUTES = ['data-legacy-thread-id', 'data-thread-perm-id'];
/** Hash views whose first argument is a search, label or category, so the thread id is the next segment. */
const VIEWS_WITH_ARGUMENT = new Set(['search', 'label', 'category', 'advanced-search']);
const THREAD_ID_PATTERN = /^[A-Za-z0-9_-]{16,200}$/;
const EMAIL_IN_TEXT = /[^\s()<>@,;:"]+@[^\s()<>@,;:"]+\.[^\s()<>@,;:"]+/;
const NAME_MAX = 200;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Gmail's English tooltip, e.g. "Thu, Nov 20, 2026, 10:03 AM" or "Nov 20, 2026 at 10:03 AM". */
const GMAIL_DATE =
  /^(?:[A-Za-z]+,\s*)?([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?:,|\s+at)?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?/;

function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found !== null) return found;
  }
  return null;
}

/** The thread id in a Gmail hash: `#inbox/<id>`, `#label/<name>/<id>`, `#search/<query>/<id>`. */
function threadIdFromUrl(url: URL): string | undefined {
  const segments = url.hash.replace(/^#/, '').split('?')[0]?.split('/') ?? [];
  const view = segments[0] ?? '';
  const index = VIEWS_WITH_ARGUMENT.has(view) ? 2 : 1;
  const candidate = segments[index];
  return candidate !== undefined && segments.length === index + 1 && THREAD_ID_PATTERN.test(candidate) ? candidate : undefined;
}

function threadIdFromDom(elements: readonly Element[]): string | undefined {
  for (const attribute of THREAD_ID_ATTRIBUTES) {
    for (const element of elements) {
      const carrier = element.hasAttribute(attribute) ? element : element.querySelector(`[${attribute}]`);
      const id = optionalText(carrier?.getAttribute(attribute), 200);
      if (id !== undefined) return id;
    }
  }
  return undefined;
}

/** The mailbox owner's address, from the account button first and the page title second. */
function mailboxOwner(doc: Document): string | undefined {
  const accountLabel = doc.querySelector('a[aria-label*="Google Account"]')?.getAttribute('aria-label');
  for (const text of [accountLabel, doc.title]) {
    const email = optionalEmail(EMAIL_IN_TEXT.exec(text ?? '')?.[0]);
    if (email !== undefined) return email.toLowerCase();
  }
  return undefined;
}

/** Parses Gmail's English date tooltip as the agent's local time; undefined for anything else. */
function parseGmailDate(text: string): string | undefined {
  const match = GMAIL_DATE.exec(text.trim());
  if (match === null) return undefined;
  const [, monthName = '', day = '', year = '', hourText = '', minute = '', second = '0', meridiem] = match;
  const month = MONTHS.indexOf(monthName.toLowerCase());
  let hour = Number(hourText);
  if (month < 0 || hour > 23) return undefined;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  const date = new Date(Number(year), month, Number(day), hour, Number(minute), Number(second));
  // Reject roll-overs such as "Feb 31" rather than reporting a different day.
  if (Number.isNaN(date.getTime()) || date.getDate() !== Number(day) || date.getMonth() !== month) return undefined;
  return date.toISOString();
}

function readSentAt(message: Element): string | undefined {
  for (const selector of SENT_AT_SELECTORS) {
    for (const element of Array.from(message.querySelectorAll(selector))) {
      const value = element.getAttribute('datetime') ?? element.getAttribute('title') ?? element.getAttribute('data-tooltip') ?? '';
      const sentAt = optionalDateTime(value) ?? parseGmailDate(value);
      if (sentAt !== undefined) return sentAt;
    }
  }
  return undefined;
}

/**
 * The body as plain text without the quoted history. The body is copied into an inert document
 * (no browsing context: its images never load, its handlers never run) so the live page is
 * neither changed nor made to fetch anything.
 */
function readBody(body: Element): string {
  const copy = inertCopy(body);
  for (const quoted of Array.from(copy.querySelectorAll(QUOTED_SELECTOR))) quoted.remove();
  return clampText(readableText(copy), TICKET_LIMITS.bodyChars);
}

interface Sender {
  name?: string;
  email?: string;
}

function readSender(message: Element): Sender | undefined {
  const sender = firstMatch(message, SENDER_SELECTORS);
  if (sender === null) return undefined;
  const name = optionalText(cleanPersonName(sender.getAttribute('name') ?? singleLineText(sender)), NAME_MAX);
  const email = optionalEmail(sender.getAttribute('email'));
  return { ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }) };
}

function roleOf(sender: Sender, owner: string): MessageAuthorRole {
  return authorRole(sender, { customers: [], agents: [{ email: owner }], others: 'customer' });
}

/** What of a message is on screen: its body, or (collapsed) only a snippet of it. */
interface Shown {
  element: Element;
  partial: boolean;
}

function readMessage(message: Element, shown: Shown, sender: Sender, owner: string): TicketMessageInput {
  const id = optionalText(message.getAttribute('data-message-id'), 200);
  const sentAt = readSentAt(message);
  return {
    authorRole: roleOf(sender, owner),
    body: shown.partial ? clampText(singleLineText(shown.element), TICKET_LIMITS.bodyChars) : readBody(shown.element),
    ...(shown.partial ? { partial: true } : {}),
    ...(id === undefined ? {} : { id }),
    ...(sender.name === undefined ? {} : { authorName: sender.name }),
    ...(sender.email === undefined ? {} : { authorEmail: sender.email }),
    ...(sentAt === undefined ? {} : { sentAt }),
  };
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

  const root = doc.querySelector('[role="main"]') ?? doc.body;
  const subject = firstMatch(root, SUBJECT_SELECTORS);
  const messageElements = Array.from(root.querySelectorAll(MESSAGE_SELECTOR));
  const hashThreadId = threadIdFromUrl(pageUrl);
  if (subject === null && messageElements.length === 0) {
    return hashThreadId === undefined
      ? notATicketPage('No conversation is open in Gmail')
      : unreadableLayout('The URL names a conversation but no Gmail thread view was found');
  }
  if (subject === null) return unreadableLayout('The Gmail thread has no subject heading');
  const firstMessage = messageElements[0];
  if (firstMessage === undefined) return unreadableLayout('The Gmail thread shows no messages');

  const ticketId = hashThreadId ?? threadIdFromDom([firstMessage, subject]);
  if (ticketId === undefined) return unreadableLayout('No thread id in the URL or on the Gmail thread');
  const owner = mailboxOwner(doc);
  if (owner === undefined) return unreadableLayout("The mailbox owner's address was not found, so the agent cannot be told apart");

  // A collapsed message has a sender and a snippet but no loaded body: it is read as partial.
  const senders = messageElements.map(readSender);
  const requester = senders.find((sender) => sender !== undefined && roleOf(sender, owner) === 'customer') ?? {};
  const readable: { message: Element; shown: Shown; sender: Sender }[] = [];
  for (const [index, message] of messageElements.entries()) {
    const body = firstMatch(message, BODY_SELECTORS);
    const snippet = body === null ? firstMatch(message, SNIPPET_SELECTORS) : null;
    const shown = body !== null ? { element: body, partial: false } : snippet !== null ? { element: snippet, partial: true } : undefined;
    // A message showing neither is not read around: leaving it out would hide part of the conversation.
    if (shown === undefined) return unreadableLayout('A Gmail message shows neither its body nor a snippet');
    const sender = senders[index];
    if (sender === undefined) return unreadableLayout('A Gmail message has a body but no sender');
    readable.push({ message, shown, sender });
  }
  if (readable.every(({ shown }) => shown.partial)) return unreadableLayout('No Gmail message body was found');

  // The newest messages matter most to a reply, so an overlong thread keeps its tail.
  const messages = readable.slice(-TICKET_LIMITS.messages).map(({ message, shown, sender }) => readMessage(message, shown, sender, owner));
  const safeUrl = optionalPageUrl(url);

  return ticketReadFrom({
    site: 'gmail',
    ticketId,
    subject: clampText(singleLineText(subject), TICKET_LIMITS.subjectChars),
    requester,
    messages,
    tags: [],
    status: 'unknown',
    ...(safeUrl === undefined ? {} : { url: safeUrl }),
  });
};

/** The open reply box of the conversation, or null when no reply is being written. */
export function findGmailComposer(doc: Document): HTMLElement | null {
  for (const selector of COMPOSER_SELECTORS) {
    const found = doc.querySelector<HTMLElement>(selector);
    if (found !== null) return found;
  }
  return null;
}

export const gmailAdapter: SiteAdapter<'gmail'> = {
  ...gmailSite,
  signature: 'h2.hP, div.adn',
  read: readGmailTicket,
  findComposer: findGmailComposer,
};
