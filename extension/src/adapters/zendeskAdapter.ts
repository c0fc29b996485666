/**
 * Site adapter for the Zendesk agent workspace (https://<subdomain>.zendesk.com/agent/tickets/<n>):
 * reads the ACTIVE ticket tab into a TicketContext and finds that tab's reply composer. Several
 * ticket tabs stay in the DOM at once, so everything is read inside the one active tab, and a page
 * where that tab cannot be told apart is reported as unreadable rather than read from the wrong one.
 *
 * The selectors below are hooks in the workspace's own markup (mostly `data-test-id` attributes)
 * that browser extensions working on Zendesk commonly rely on: the active tab marker, the subject,
 * the conversation log with each message's sender and internal-note tag, and the reply editor;
 * the subject and the log are required, and a page without them is reported, not guessed at. The
 * requester field is less certain (Zendesk documents the requester only through its apps API, not
 * the page), so it is read when present and never required. Further assumptions, modelled in our
 * fixtures and kept optional so a missing one only drops that field:
 * - the status is the text of `[data-test-id="ticket-status"]` or `[data-test-id="ticket-fields-status-select"]`;
 * - tags are `[data-test-id="ticket-tag"]` elements (inside `[data-test-id="ticket-tags"]` when present);
 * - the requester field's text is "Name" or "Name <email>", and its `title` may hold the email;
 * - a message body is `[data-test-id="omni-log-message-content"]` (else the article minus its header),
 *   and a message id is the article's `data-comment-id`;
 * - off zendesk.com (read on a host an admin mapped, or a saved page) the URL may name no ticket:
 *   the active `[data-test-id="header-tab"]` reads "#<number> <subject>".
 */
import { TICKET_LIMITS } from '@tandem/shared/ticket-reading';
import type { MessageAuthorRole, TicketContextInput, TicketMessageInput, TicketReadResult } from '@tandem/shared/ticket-reading';
import { authorRole as decideRole } from './authorRoles';
import { clampText, inertCopy, readableText, singleLineText } from './domText';
import { parsePersonLabel } from './personNames';
import {
  notATicketPage,
  ticketReadFrom,
  unreadableLayout,
  type SiteAdapter,
  type TicketPageReader,
  type TicketReadOptions,
} from './siteAdapter';
import { isOwnHost } from './siteHosts';
import { zendeskSite } from './sites/zendesk';
import { optionalDateTime, optionalEmail, optionalPageUrl, optionalText, ticketStatusFromLabel } from './ticketFields';

const ACTIVE_TAB_SELECTOR = '[data-is-active="true"], .ticket-panes-grid-layout.active';
const SUBJECT_SELECTOR = '[data-test-id="omni-header-subject"], [data-test-id="ticket-pane-subject"]';
const LOG_SELECTOR = 'div[data-test-id="omni-log-container"]';
const SENDER_SELECTOR = '[data-test-id="omni-log-item-sender"]';
const INTERNAL_NOTE_SELECTOR = '[data-test-id="omni-log-internal-note-tag"]';
const MESSAGE_BODY_SELECTOR = '[data-test-id="omni-log-message-content"]';
const REQUESTER_SELECTOR = '[data-test-id="ticket-system-field-requester-select"]';
const STATUS_SELECTOR = '[data-test-id="ticket-status"], [data-test-id="ticket-fields-status-select"]';
const TAG_SELECTOR = '[data-test-id="ticket-tag"]';
const TAG_LIST_SELECTOR = '[data-test-id="ticket-tags"]';
/** Most specific first: the editable node itself, then the editor wrappers of newer and older layouts. */
const COMPOSER_SELECTORS = [
  '[data-test-id^="omnicomposer-"][contenteditable="true"]',
  'div[data-test-id="ticket-rich-text-editor"]',
  'div[data-test-id="editor-view"]',
];
/** Header parts of a message article that are not the message itself. */
const MESSAGE_HEADER_SELECTOR = `${SENDER_SELECTOR}, ${INTERNAL_NOTE_SELECTOR}, time`;

const TICKET_PATH = /^\/agent\/tickets\/(\d{1,20})(?:[/?#]|$)/;
/** Off zendesk.com (a mapped proxy host, a saved page) the agent path may sit under a prefix. */
const TICKET_PATH_ANYWHERE = /\/agent\/tickets\/(\d{1,20})(?:[/?#]|$)/;
/** Assumed, modelled in our fixtures: the workspace's tab strip names each ticket "#<number> <subject>". */
const ACTIVE_HEADER_TAB_SELECTOR = '[data-test-id="header-tab"][data-is-active="true"]';
const HEADER_TAB_NUMBER = /^#(\d{1,20})\b/;
const NAME_MAX = 200;
const TAG_MAX = 100;
const ID_MAX = 200;

type Person = { name?: string; email?: string };

/** Where the ticket id comes from: the agent URL now, or (off zendesk.com) the page once its active tab is known. */
type UrlTicketId = { kind: 'id'; ticketId: string } | { kind: 'from-page'; page: URL } | { kind: 'not-zendesk'; reason: string };

/** The ticket number when `url` is a Zendesk agent ticket page, else a reason it is not one. */
function ticketIdFromUrl(url: string, options: TicketReadOptions | undefined): UrlTicketId {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'not-zendesk', reason: 'The page URL does not parse' };
  }
  if (options?.anyHost === true) {
    const number = TICKET_PATH_ANYWHERE.exec(parsed.pathname)?.[1];
    return number === undefined ? { kind: 'from-page', page: parsed } : { kind: 'id', ticketId: number };
  }
  const host = parsed.hostname.toLowerCase();
  if (parsed.protocol !== 'https:' || !isOwnHost(zendeskSite.hosts, host)) {
    return { kind: 'not-zendesk', reason: `${host || url} is not a Zendesk host` };
  }
  const match = TICKET_PATH.exec(parsed.pathname);
  const ticketId = match?.[1];
  if (ticketId === undefined) return { kind: 'not-zendesk', reason: `${parsed.pathname} is not an agent ticket page` };
  return { kind: 'id', ticketId };
}

/**
 * The ticket id of a page off zendesk.com whose URL names no ticket (a saved page, a fixture):
 * the "#<number>" of the active header tab, else the page's address, plus which ticket tab is
 * active when several are open, so switching tabs never reuses one tab's id for another ticket.
 */
function ticketIdFromPage(doc: Document, tab: Element, page: URL): string {
  const header = doc.querySelector(ACTIVE_HEADER_TAB_SELECTOR);
  const number = header === null ? undefined : HEADER_TAB_NUMBER.exec(singleLineText(header))?.[1];
  if (number !== undefined) return number;
  const address = `${page.host}${page.pathname}`;
  const subjects = Array.from(doc.querySelectorAll(SUBJECT_SELECTOR));
  const activeSubject = tab.querySelector(SUBJECT_SELECTOR);
  const position = activeSubject === null ? -1 : subjects.indexOf(activeSubject);
  const id = subjects.length > 1 && position >= 0 ? `${address}#tab-${position + 1}` : address;
  return id.slice(-ID_MAX);
}

/** Whether an element holds a ticket's content (its conversation log or subject). */
function holdsTicket(element: Element): boolean {
  return element.querySelector(LOG_SELECTOR) !== null || element.querySelector(SUBJECT_SELECTOR) !== null;
}

/** A candidate that spans several tabs (more than one log or subject inside) is not one tab. */
function spansOneTab(element: Element): boolean {
  return element.querySelectorAll(LOG_SELECTOR).length <= 1 && element.querySelectorAll(SUBJECT_SELECTOR).length <= 1;
}

type ActiveTab = { kind: 'tab'; tab: Element } | { kind: 'none' } | { kind: 'ambiguous'; count: number };

/**
 * The one active ticket tab. Active markers that hold no ticket (a nav item, a toolbar button) are
 * ignored; nested markers of the same tab count once (the outermost); two distinct tabs are ambiguous.
 */
function findActiveTab(doc: Document): ActiveTab {
  const candidates = Array.from(doc.querySelectorAll(ACTIVE_TAB_SELECTOR)).filter(
    (element) => holdsTicket(element) && spansOneTab(element),
  );
  const outermost = candidates.filter((element) => !candidates.some((other) => other !== element && other.contains(element)));
  const [tab] = outermost;
  if (tab === undefined) return { kind: 'none' };
  if (outermost.length > 1) return { kind: 'ambiguous', count: outermost.length };
  return { kind: 'tab', tab };
}

/** "Name <email>", "Name" or "email" (labels, initials and badges cut); a `title` attribute may carry the email. */
function personFromLabel(element: Element): Person {
  const label = parsePersonLabel(singleLineText(element));
  const email = label.email ?? optionalEmail(element.getAttribute('title'));
  const name = optionalText(label.name, NAME_MAX);
  return { ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }) };
}

/**
 * The requester's identity decides (authorRoles.ts); the internal-note tag is the note marker.
 * As before this rework, anyone shown to be someone other than the requester is read as an agent
 * (`others: 'agent'`); an author with nothing to compare is 'unknown'.
 */
function authorRole(article: Element, sender: Person, requester: Person): MessageAuthorRole {
  const internalNote = article.querySelector(INTERNAL_NOTE_SELECTOR) !== null;
  return decideRole(sender, { customers: [requester], agents: [], others: 'agent' }, { internalNote });
}

function messageBody(article: Element): string {
  const content = article.querySelector(MESSAGE_BODY_SELECTOR);
  if (content !== null) return readableText(content);
  // No content wrapper: the article's text without its sender, timestamp and note tag.
  const copy = inertCopy(article);
  for (const header of Array.from(copy.querySelectorAll(MESSAGE_HEADER_SELECTOR))) header.remove();
  return readableText(copy);
}

function readMessage(article: Element, requester: Person): TicketMessageInput {
  const senderElement = article.querySelector(SENDER_SELECTOR);
  const sender = senderElement === null ? {} : personFromLabel(senderElement);
  const id = optionalText(article.getAttribute('data-comment-id'), ID_MAX);
  const sentAt = optionalDateTime(article.querySelector('time[datetime]')?.getAttribute('datetime'));
  return {
    authorRole: authorRole(article, sender, requester),
    body: clampText(messageBody(article), TICKET_LIMITS.bodyChars),
    ...(id === undefined ? {} : { id }),
    ...(sender.name === undefined ? {} : { authorName: sender.name }),
    ...(sender.email === undefined ? {} : { authorEmail: sender.email }),
    ...(sentAt === undefined ? {} : { sentAt }),
  };
}

/** The log's articles oldest first: Zendesk can be set to show the newest comment on top. */
function articlesOldestFirst(log: Element): Element[] {
  const articles = Array.from(log.querySelectorAll('article'));
  const first = articles[0];
  const last = articles.at(-1);
  if (first === undefined || last === undefined || first === last) return articles;
  const firstAt = Date.parse(first.querySelector('time[datetime]')?.getAttribute('datetime') ?? '');
  const lastAt = Date.parse(last.querySelector('time[datetime]')?.getAttribute('datetime') ?? '');
  return firstAt > lastAt ? articles.reverse() : articles;
}

function readSubject(tab: Element): string | undefined {
  const subject = tab.querySelector(SUBJECT_SELECTOR);
  if (subject === null) return undefined;
  // An <input> holds the subject in its value (which tracks what the agent types), not in its text.
  const raw = subject.tagName === 'INPUT' ? (subject as HTMLInputElement).value : singleLineText(subject);
  return clampText(raw.replace(/\s+/g, ' ').trim(), TICKET_LIMITS.subjectChars);
}

function readTags(tab: Element): string[] {
  const scope = tab.querySelector(TAG_LIST_SELECTOR) ?? tab;
  const tags = Array.from(scope.querySelectorAll(TAG_SELECTOR), (item) => clampText(singleLineText(item), TAG_MAX));
  return [...new Set(tags.filter((tag) => tag !== ''))].slice(0, TICKET_LIMITS.tags);
}

export const readZendeskTicket: TicketPageReader = (doc: Document, url: string, options?: TicketReadOptions): TicketReadResult => {
  const fromUrl = ticketIdFromUrl(url, options);
  if (fromUrl.kind === 'not-zendesk') return notATicketPage(fromUrl.reason);
  // The DOM signature: a Zendesk host showing no ticket markup at all is not the agent workspace (yet).
  if (doc.querySelector(LOG_SELECTOR) === null && doc.querySelector(SUBJECT_SELECTOR) === null) {
    return notATicketPage('No Zendesk ticket conversation or subject on this page');
  }

  const active = findActiveTab(doc);
  if (active.kind === 'none') return unreadableLayout('Zendesk ticket markup is present but no active ticket tab was found');
  if (active.kind === 'ambiguous') return unreadableLayout(`${active.count} ticket tabs are marked active; refusing to guess`);
  const { tab } = active;

  const subject = readSubject(tab);
  if (subject === undefined) return unreadableLayout('The active Zendesk tab has no subject field');
  const log = tab.querySelector(LOG_SELECTOR);
  if (log === null) return unreadableLayout('The active Zendesk tab has no conversation log');

  const requesterElement = tab.querySelector(REQUESTER_SELECTOR);
  const requester = requesterElement === null ? {} : personFromLabel(requesterElement);
  // The newest messages matter most to a reply, so an overlong thread keeps its tail.
  const messages = articlesOldestFirst(log)
    .slice(-TICKET_LIMITS.messages)
    .map((article) => readMessage(article, requester));
  const pageUrl = optionalPageUrl(url);

  const candidate: TicketContextInput = {
    site: 'zendesk',
    ticketId: fromUrl.kind === 'id' ? fromUrl.ticketId : ticketIdFromPage(doc, tab, fromUrl.page),
    subject,
    requester,
    messages,
    tags: readTags(tab),
    status: ticketStatusFromLabel(tab.querySelector(STATUS_SELECTOR)?.textContent),
    ...(pageUrl === undefined ? {} : { url: pageUrl }),
  };
  return ticketReadFrom(candidate);
};

/** The reply composer of the active ticket tab: the editable node when there is one, else its editor wrapper. */
export function findZendeskComposer(doc: Document): HTMLElement | null {
  const active = findActiveTab(doc);
  if (active.kind !== 'tab') return null;
  for (const selector of COMPOSER_SELECTORS) {
    const editor = active.tab.querySelector<HTMLElement>(selector);
    if (editor === null) continue;
    if (editor.isContentEditable || editor.getAttribute('contenteditable') === 'true') return editor;
    return editor.querySelector<HTMLElement>('[contenteditable="true"]') ?? editor;
  }
  return null;
}

export const zendeskAdapter: SiteAdapter<'zendesk'> = {
  ...zendeskSite,
  signature: '[data-test-id="omni-log-container"], [data-test-id="omni-header-subject"], [data-test-id="ticket-pane-subject"]',
  read: readZendeskTicket,
  findComposer: findZendeskComposer,
};
