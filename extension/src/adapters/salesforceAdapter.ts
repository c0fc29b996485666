/**
 * Site adapter for Salesforce cases: the Lightning Service Console (only the active console tab
 * is read, never a background one) with a fallback for Classic case pages. Selectors are the
 * page's own record-layout hooks; the feed-item internals (actor, body, email sender) are modelled on the Lightning
 * case feed and kept in one table below so a redesign is a one-line fix.
 */
import { TICKET_LIMITS } from '@tandem/shared/ticket-reading';
import type { TicketContextInput, TicketMessageInput, TicketReadResult } from '@tandem/shared/ticket-reading';
import { authorRole } from './authorRoles';
import { clampText, readableText, singleLineText } from './domText';
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
import { salesforceSite } from './sites/salesforce';
import { optionalDateTime, optionalEmail, optionalPageUrl, optionalText } from './ticketFields';

const SELECTORS = {
  consoleTab: '.oneConsoleTab',
  activeConsoleTab: 'div.split-right > .tabContent.active.oneConsoleTab',
  caseNumber: '[field-label="Case Number"]',
  subject: '[field-label="Subject"] [name="outputField"]',
  recordTitle: '.slds-page-header h1 .slds-page-header__title',
  contactName: '[field-label="Contact Name"] [name="outputField"] a',
  contactEmail: '[field-label="Contact Email"] [name="outputField"]',
  outputField: '[name="outputField"]',
  feedItem: 'article.cuf-feedItem, .forceChatterFeedItem',
  feedActor: '.cuf-entityLink',
  feedBody: '.cuf-feedBodyText, .feedBodyInner',
  feedEmail: '.cuf-emailMessage',
  feedEmailFrom: '.cuf-emailFromAddress',
  feedTime: 'time[datetime]',
  composers: [
    '.publisherInputContainer .ql-editor',
    '.ql-editor',
    '.publisherInputContainer [contenteditable="true"]',
    '.publisherInputContainer textarea',
    'div.forceChatterPublisherPresentationDesktop [contenteditable="true"]',
    'div.forceChatterPublisherPresentationDesktop textarea',
  ],
  classicPageType: '.pageType',
  classicPageDescription: '.pageDescription',
  classicLabel: '.labelCol',
} as const;

const NAME_MAX = 200;
const ID_MAX = 200;
/** A Salesforce record id: 15 or 18 characters; cases have the key prefix 500. */
const LIGHTNING_RECORD = /^\/lightning\/r\/([A-Za-z0-9_]+)\/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/view\/?$/;
const CLASSIC_CASE_PATH = /^\/500[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?\/?$/;

/** Lightning, My Domain and Classic hosts, as sites/salesforce.ts lists them. */
function isSalesforceHost(hostname: string): boolean {
  return isOwnHost(salesforceSite.hosts, hostname);
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The value of a Lightning field: its output element, else its text without the leading label. */
function fieldValue(field: Element, label: string): string {
  const output = field.querySelector(SELECTORS.outputField);
  const text = singleLineText(output ?? field);
  return output === null && text.startsWith(label) ? text.slice(label.length).trim() : text;
}

function distinctCaseNumbers(scope: ParentNode): string[] {
  const values = Array.from(scope.querySelectorAll(SELECTORS.caseNumber), (field) => fieldValue(field, 'Case Number'));
  return [...new Set(values.filter((value) => value !== ''))];
}

function firstText(scope: ParentNode, selector: string, max: number): string | undefined {
  const element = scope.querySelector(selector);
  return element === null ? undefined : optionalText(singleLineText(element), max);
}

type Requester = TicketContextInput['requester'];

function requesterOf(name: string | undefined, email: string | undefined): Requester {
  return { ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }) };
}

function readLightningRequester(scope: ParentNode): Requester {
  const name = firstText(scope, SELECTORS.contactName, NAME_MAX);
  const emailField = scope.querySelector(SELECTORS.contactEmail);
  const mailto = emailField?.querySelector('a[href^="mailto:"]')?.getAttribute('href')?.slice('mailto:'.length);
  const email =
    optionalEmail(emailField === null || emailField === undefined ? undefined : singleLineText(emailField)) ?? optionalEmail(mailto);
  return requesterOf(name, email);
}

/** Feed items, without an item nested inside another (a wrapper and its article are one item). */
function feedItems(scope: ParentNode): Element[] {
  return Array.from(scope.querySelectorAll(SELECTORS.feedItem)).filter(
    (item) => (item.parentElement?.closest(SELECTORS.feedItem) ?? null) === null,
  );
}

function itemTime(item: Element): string | undefined {
  return optionalDateTime(item.querySelector(SELECTORS.feedTime)?.getAttribute('datetime'));
}

/**
 * The feed oldest first. Salesforce lists the newest activity on top by default, so the order is
 * reversed unless the item timestamps show the page is already oldest first.
 */
function oldestFirst(items: Element[]): Element[] {
  const first = items.find((item) => itemTime(item) !== undefined);
  const last = items.findLast((item) => itemTime(item) !== undefined);
  const firstTime = first === undefined ? undefined : Date.parse(itemTime(first) ?? '');
  const lastTime = last === undefined ? undefined : Date.parse(itemTime(last) ?? '');
  const alreadyOldestFirst = firstTime !== undefined && lastTime !== undefined && firstTime < lastTime;
  return alreadyOldestFirst ? items : [...items].reverse();
}

/**
 * One feed item, or why it cannot be read: an item without its author, its body, or (an e-mail)
 * its sender's address no longer has the layout this adapter knows, and a guess could put the
 * customer's words in the agent's mouth.
 */
function readFeedItem(item: Element, requester: Requester): TicketMessageInput | string {
  // Either part of the e-mail block marks the item as an e-mail, so one renamed class cannot turn it into a post.
  const fromElement = item.querySelector(SELECTORS.feedEmailFrom);
  const email = item.querySelector(SELECTORS.feedEmail) ?? fromElement;
  const actor = item.querySelector(SELECTORS.feedActor);
  const authorName = actor === null ? undefined : optionalText(cleanPersonName(singleLineText(actor)), NAME_MAX);
  const authorEmail = fromElement === null ? undefined : optionalEmail(singleLineText(fromElement));
  const body = item.querySelector(SELECTORS.feedBody);
  if (authorName === undefined) return 'A case feed item shows no author';
  if (body === null) return 'A case feed item has no body';
  if (email !== null && authorEmail === undefined) return 'A case feed e-mail shows no sender address';
  const sentAt = itemTime(item);
  // A wrapper's id sits on the article inside it.
  const idHolder = item.matches('[data-id]') ? item : item.querySelector('[data-id]');
  const id = optionalText(idHolder?.getAttribute('data-id'), ID_MAX);

  // A post (no email in the item) is internal. An email is the customer's when its sender is the
  // case contact by identity (authorRoles.ts); as before this rework, an email from someone shown
  // to be another person is read as the agent's, and one with nothing to compare is 'unknown'.
  const role =
    email === null
      ? 'internal'
      : authorRole({ name: authorName, email: authorEmail }, { customers: [requester], agents: [], others: 'agent' });
  return {
    authorRole: role,
    body: clampText(readableText(body), TICKET_LIMITS.bodyChars),
    ...(id === undefined ? {} : { id }),
    authorName,
    ...(authorEmail === undefined ? {} : { authorEmail }),
    ...(sentAt === undefined ? {} : { sentAt }),
  };
}

function readMessages(scope: ParentNode, requester: Requester): TicketMessageInput[] | string {
  // Only the newest items are read: a 5,000-item feed costs no more than a 200-item one.
  const newest = oldestFirst(feedItems(scope)).slice(-TICKET_LIMITS.messages);
  const messages: TicketMessageInput[] = [];
  for (const item of newest) {
    const message = readFeedItem(item, requester);
    if (typeof message === 'string') return message;
    messages.push(message);
  }
  return messages;
}

type Scope = { kind: 'scope'; scope: ParentNode } | { kind: 'no-ticket'; result: TicketReadResult };

/** The one console tab on screen; outside the console (standard navigation) the whole page. */
function lightningScope(doc: Document, urlCaseId: string | undefined): Scope {
  const active = doc.querySelectorAll(SELECTORS.activeConsoleTab);
  const [only] = Array.from(active);
  if (active.length > 1) return { kind: 'no-ticket', result: unreadableLayout(`${active.length} console tabs are marked active`) };
  if (only !== undefined) return { kind: 'scope', scope: only };
  if (doc.querySelector(SELECTORS.consoleTab) !== null) {
    return {
      kind: 'no-ticket',
      result: urlCaseId === undefined ? notATicketPage('No console tab is active') : unreadableLayout('The console has no active tab'),
    };
  }
  return { kind: 'scope', scope: doc };
}

function readLightning(doc: Document, url: URL, pageUrl: string | undefined): TicketReadResult {
  const record = LIGHTNING_RECORD.exec(url.pathname);
  const urlCaseId = record?.[1] === 'Case' ? record[2] : undefined;

  const found = lightningScope(doc, urlCaseId);
  if (found.kind === 'no-ticket') return found.result;
  const { scope } = found;

  const caseNumbers = distinctCaseNumbers(scope);
  if (caseNumbers.length > 1) return unreadableLayout(`The open tab shows ${caseNumbers.length} different case numbers`);
  const ticketId = optionalText(caseNumbers[0], ID_MAX) ?? urlCaseId;
  if (ticketId === undefined) return notATicketPage('No case is open in the active tab');

  const subject = scope.querySelector(SELECTORS.subject) ?? scope.querySelector(SELECTORS.recordTitle);
  if (subject === null) return unreadableLayout('The case has no Subject field or record title');

  const requester = readLightningRequester(scope);
  const messages = readMessages(scope, requester);
  if (typeof messages === 'string') return unreadableLayout(messages);
  return ticketReadFrom({
    site: 'salesforce',
    ticketId,
    subject: clampText(singleLineText(subject), TICKET_LIMITS.subjectChars),
    requester,
    messages,
    ...(pageUrl === undefined ? {} : { url: pageUrl }),
  });
}

/** The Classic detail cell beside the `.labelCol` whose text is exactly `label`. */
function classicField(doc: Document, label: string): Element | undefined {
  const labelCell = Array.from(doc.querySelectorAll(SELECTORS.classicLabel)).find((cell) => singleLineText(cell) === label);
  return labelCell?.nextElementSibling ?? undefined;
}

function readClassic(doc: Document, url: URL, pageUrl: string | undefined): TicketReadResult {
  const pageType = doc.querySelector(SELECTORS.classicPageType);
  const typeLabel = pageType === null ? undefined : singleLineText(pageType).replace(/:$/, '').trim();
  if (typeLabel !== undefined && typeLabel !== 'Case') return notATicketPage(`This Classic page shows a ${typeLabel}, not a case`);
  if (typeLabel === undefined && !CLASSIC_CASE_PATH.test(url.pathname)) return notATicketPage('This Classic page is not a case');

  const caseNumberCell = classicField(doc, 'Case Number');
  const ticketId =
    firstText(doc, SELECTORS.classicPageDescription, ID_MAX) ??
    (caseNumberCell === undefined ? undefined : optionalText(singleLineText(caseNumberCell), ID_MAX));
  if (ticketId === undefined) return unreadableLayout('The Classic case has no case number');
  const subject = classicField(doc, 'Subject');
  if (subject === undefined) return unreadableLayout('The Classic case has no Subject field');

  const contactCell = classicField(doc, 'Contact Name');
  const emailCell = classicField(doc, 'Contact Email');
  const requester = requesterOf(
    contactCell === undefined ? undefined : optionalText(cleanPersonName(singleLineText(contactCell)), NAME_MAX),
    emailCell === undefined ? undefined : optionalEmail(singleLineText(emailCell)),
  );
  // Classic has no case feed to read reliably; the description is the customer's opening message.
  const description = classicField(doc, 'Description');
  const descriptionText = description === undefined ? '' : readableText(description);
  const messages: TicketMessageInput[] =
    descriptionText === ''
      ? []
      : [
          {
            authorRole: 'customer',
            body: clampText(descriptionText, TICKET_LIMITS.bodyChars),
            ...(requester.name === undefined ? {} : { authorName: requester.name }),
            ...(requester.email === undefined ? {} : { authorEmail: requester.email }),
          },
        ];

  return ticketReadFrom({
    site: 'salesforce',
    ticketId,
    subject: clampText(singleLineText(subject), TICKET_LIMITS.subjectChars),
    requester,
    messages,
    ...(pageUrl === undefined ? {} : { url: pageUrl }),
  });
}

function isLightningPage(doc: Document, url: URL): boolean {
  return (
    url.pathname.startsWith('/lightning/') ||
    doc.querySelector(`${SELECTORS.consoleTab}, ${SELECTORS.feedItem}, ${SELECTORS.caseNumber}`) !== null
  );
}

function isClassicPage(doc: Document): boolean {
  return doc.querySelector(`${SELECTORS.classicPageType}, ${SELECTORS.classicLabel}`) !== null;
}

export const readSalesforceTicket: TicketPageReader = (doc: Document, url: string, options?: TicketReadOptions): TicketReadResult => {
  const parsed = parseUrl(url);
  if (parsed === undefined) return notATicketPage('The page URL could not be parsed');
  if (options?.anyHost !== true && !isSalesforceHost(parsed.hostname)) return notATicketPage('Not a Salesforce page');
  const pageUrl = optionalPageUrl(url);
  if (isLightningPage(doc, parsed)) return readLightning(doc, parsed, pageUrl);
  if (isClassicPage(doc)) return readClassic(doc, parsed, pageUrl);
  return notATicketPage('No Salesforce case layout on this page');
};

/** The case feed's reply box in the active console tab (or the page, outside the console). */
export function findSalesforceComposer(doc: Document): HTMLElement | null {
  const active = doc.querySelectorAll(SELECTORS.activeConsoleTab);
  if (active.length > 1) return null;
  const [activeTab] = Array.from(active);
  if (activeTab === undefined && doc.querySelector(SELECTORS.consoleTab) !== null) return null;
  const scope: ParentNode = activeTab ?? doc;
  for (const selector of SELECTORS.composers) {
    const composer = scope.querySelector<HTMLElement>(selector);
    if (composer !== null) return composer;
  }
  return null;
}

export const salesforceAdapter: SiteAdapter<'salesforce'> = {
  ...salesforceSite,
  // Lightning's case field, or Classic's "Case:" title followed by the case number.
  signature: '[field-label="Case Number"], .pageType ~ .pageDescription',
  read: readSalesforceTicket,
  findComposer: findSalesforceComposer,
};
