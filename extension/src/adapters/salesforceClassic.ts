/**
 * A Salesforce Classic case detail page read into a ticket: the detail fields (standard fields by
 * their value ids, the web form's fields by their label), the description as the customer's first
 * message, then the Case Comments and E-mails related lists merged oldest first by their displayed
 * dates. Comments are internal when not public (Classic's checkbox image); an e-mail's direction
 * is its icon. Classic shows only a cut-off preview of each e-mail, so e-mails are partial.
 */
import { TICKET_LIMITS, type TicketReadResult } from '@tandem/shared/ticket-reading';
import { clampText, inertCopy, readableText, singleLineText } from './domText';
import { cleanPersonName, parsePersonLabel } from './personNames';
import { conversationMessages, type ConversationEntry } from './salesforceConversation';
import { classicDateOrder } from './salesforceDates';
import { CREATED_BY_LABELS, fieldMeaning, normalLabel, type CaseFieldMeaning } from './salesforceLabels';
import { aliasOf, requesterOf, type CaseParties, type PageIdentity } from './salesforceParties';
import { CLASSIC, COMMON } from './salesforceSelectors';
import { notATicketPage, ticketReadFrom, unreadableLayout } from './siteAdapter';
import { optionalEmail, optionalText } from './ticketFields';

/** A Classic record URL: `/<15 or 18 character id>`; cases have the key prefix 500. */
const CLASSIC_RECORD_PATH = /^\/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/?$/;
const USER_PATH = /^\/(005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)\/?$/;
/** "(3/2/2026 3:05 PM)" after a comment's author. */
const BRACKETED_DATE = /\(([^()]+)\)\s*$/;

function firstWord(text: string): string | undefined {
  return optionalText(text.split(/\s|\[/)[0], TICKET_LIMITS.idChars);
}

/** The value of a standard field by its fixed id, as one line. */
function fieldText(doc: Document, selector: string): string | undefined {
  const element = doc.querySelector(selector);
  return element === null ? undefined : optionalText(singleLineText(element), TICKET_LIMITS.subjectChars);
}

/** A user as a link in a field or comment shows them: name and record id. */
function userOf(link: Element | null | undefined): PageIdentity | undefined {
  if (link === null || link === undefined) return undefined;
  const name = cleanPersonName(singleLineText(link));
  if (name === undefined) return undefined;
  const recordId = USER_PATH.exec(link.getAttribute('href') ?? '')?.[1];
  return { name, ...(recordId === undefined ? {} : { recordId }) };
}

/**
 * Values found by their label cell: the value cell must follow the label and hold an inline-edit
 * value (never another label), so a shuffled row is refused rather than read crosswise.
 */
function labelledValues(doc: Document): Map<CaseFieldMeaning, Element[]> {
  const found = new Map<CaseFieldMeaning, Element[]>();
  for (const cell of Array.from(doc.querySelectorAll(CLASSIC.cell))) {
    if (cell.querySelector(CLASSIC.anyFieldValue) !== null) continue;
    const meaning = fieldMeaning(singleLineText(cell));
    if (meaning === undefined) continue;
    const value = cell.nextElementSibling?.querySelector(CLASSIC.anyFieldValue);
    found.set(meaning, [...(found.get(meaning) ?? []), ...(value === null || value === undefined ? [] : [value])]);
  }
  return found;
}

type Supplied = { name?: string; email?: string } | 'conflict';

/** The web form's name and address (SuppliedName / SuppliedEmail), by their label cells. */
function suppliedPerson(doc: Document): Supplied {
  const labelled = labelledValues(doc);
  const names = new Set((labelled.get('suppliedName') ?? []).flatMap((value) => cleanPersonName(singleLineText(value)) ?? []));
  const emails = new Set(
    (labelled.get('suppliedEmail') ?? []).flatMap((value) => optionalEmail(singleLineText(value).replace(/[\u200E\u200F]/g, '')) ?? []),
  );
  if (names.size > 1 || emails.size > 1) return 'conflict';
  const [name] = names;
  const [email] = emails;
  // A name that is an address, or an address that is not one, means the cells were read crosswise.
  if (name?.includes('@') === true || (labelled.get('suppliedEmail') ?? []).length > emails.size) return 'conflict';
  return { ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }) };
}

/** The contact, else the web form's person; the web form's address as an alias when the case has both. */
function readParties(doc: Document): CaseParties | string {
  const contactLink = doc.querySelector(CLASSIC.fieldValue.contactName)?.querySelector(COMMON.link) ?? null;
  const contactName = contactLink === null ? undefined : cleanPersonName(singleLineText(contactLink));
  const contactEmailCell = doc.querySelector(CLASSIC.fieldValue.contactEmail);
  const contactEmail =
    optionalEmail(contactEmailCell?.querySelector(COMMON.mailLink)?.getAttribute('href')?.slice('mailto:'.length)) ??
    (contactEmailCell === null ? undefined : parsePersonLabel(singleLineText(contactEmailCell)).email);
  const supplied = suppliedPerson(doc);
  if (supplied === 'conflict') return 'the web form fields';
  const requester = requesterOf(contactName, contactEmail, supplied.name, supplied.email);
  const alias = aliasOf(requester, supplied.name, supplied.email);
  const owner = userOf(doc.querySelector(CLASSIC.fieldValue.owner)?.querySelector(COMMON.link));
  return { requester, ...(alias === undefined ? {} : { alias }), ...(owner?.recordId === undefined ? {} : { owner }) };
}

interface DatedEntry {
  order: number;
  entry: ConversationEntry;
}

/** One Case Comments row: public or not, who created it and when, and its text. */
function readCommentRow(row: Element): DatedEntry | string {
  const checked = row.querySelector(CLASSIC.checkedImage) !== null;
  const unchecked = row.querySelector(CLASSIC.uncheckedImage) !== null;
  if (checked === unchecked) return 'a case comment that is neither public nor private';
  const header = Array.from(row.querySelectorAll(CLASSIC.commentAuthorLine)).find((bold) => {
    const text = singleLineText(bold);
    return Array.from(CREATED_BY_LABELS).some((label) => normalLabel(text).startsWith(label));
  });
  if (header === undefined) return 'a case comment without its author line';
  const cell = header.closest(CLASSIC.cell) ?? header.parentElement;
  const dateText = BRACKETED_DATE.exec(singleLineText(header))?.[1];
  const order = dateText === undefined ? undefined : classicDateOrder(dateText);
  if (order === undefined || cell === null) return 'a case comment without a date we can read';
  const author = userOf(header.querySelector(COMMON.link));
  if (author === undefined) return 'a case comment without an author';
  const copy = inertCopy(cell);
  const copiedHeader = Array.from(copy.querySelectorAll(CLASSIC.commentAuthorLine)).find(
    (bold) => singleLineText(bold) === singleLineText(header),
  );
  copiedHeader?.remove();
  return {
    order,
    entry: {
      author,
      body: clampText(readableText(copy), TICKET_LIMITS.bodyChars),
      partial: false,
      cues: unchecked ? { internalNote: true } : {},
      email: false,
    },
  };
}

/** The preview of an e-mail's body under its subject, without the "..." Classic cuts it off with. */
function previewOf(row: Element): string | undefined {
  const link = row.querySelector(CLASSIC.emailLink);
  const cell = link?.closest(CLASSIC.cell);
  const preview = cell?.querySelector(CLASSIC.emailPreview);
  if (preview === null || preview === undefined) return undefined;
  return readableText(preview).replace(/\s*(?:\.\.\.|…)$/, '');
}

/** One E-mails row: direction, address, date and preview, each told by its content, not its column. */
function readEmailRow(row: Element): DatedEntry | string {
  const inbound = row.querySelector(CLASSIC.inboundImage) !== null;
  const outbound = row.querySelector(CLASSIC.outboundImage) !== null;
  if (inbound === outbound) return 'an e-mail whose direction is not shown';
  const cells = Array.from(row.querySelectorAll(CLASSIC.cell)).map((cell) => singleLineText(cell));
  const addresses = cells.flatMap((text) => optionalEmail(text.replace(/[\u200E\u200F]/g, '')) ?? []);
  const orders = cells.flatMap((text) => classicDateOrder(text) ?? []);
  const body = previewOf(row);
  if (addresses.length !== 1 || orders.length !== 1 || body === undefined)
    return 'an e-mail row without exactly one address, date and preview';
  const [email = ''] = addresses;
  const [order = 0] = orders;
  return {
    order,
    entry: {
      author: { email },
      body: clampText(body, TICKET_LIMITS.bodyChars),
      partial: true,
      // Outbound is the org writing; inbound says only "from outside", which identity must place.
      cues: outbound ? { side: 'agent' } : {},
      email: true,
    },
  };
}

function readList(doc: Document, listSelector: string, readRow: (row: Element) => DatedEntry | string): DatedEntry[] | string {
  // Data rows are the rows with data cells (the header row has only column headings).
  const rows = Array.from(doc.querySelectorAll(listSelector)).flatMap((list) =>
    Array.from(list.querySelectorAll(CLASSIC.row)).filter((row) => row.querySelector(CLASSIC.dataCell) !== null),
  );
  const read: DatedEntry[] = [];
  for (const row of rows) {
    const entry = readRow(row);
    if (typeof entry === 'string') return entry;
    read.push(entry);
  }
  return read;
}

/** Comments and e-mails, oldest first by their displayed dates (the lists show newest first). */
function relatedConversation(doc: Document): ConversationEntry[] | string {
  const comments = readList(doc, CLASSIC.commentsList, readCommentRow);
  if (typeof comments === 'string') return comments;
  const emails = readList(doc, CLASSIC.emailsList, readEmailRow);
  if (typeof emails === 'string') return emails;
  return [...comments, ...emails]
    .sort((a, b) => a.order - b.order)
    .slice(-TICKET_LIMITS.messages)
    .map(({ entry }) => entry);
}

/** A case by its address (`/500…`), or, on a page saved or served elsewhere, by its case number field. */
function isCasePage(doc: Document, url: URL): boolean {
  const record = CLASSIC_RECORD_PATH.exec(url.pathname)?.[1];
  return record === undefined ? doc.querySelector(CLASSIC.fieldValue.caseNumber) !== null : record.startsWith('500');
}

/** The case number a place on the page shows (the first word: a "[View Hierarchy]" link may follow). */
function caseNumberIn(doc: Document, selector: string): string | undefined {
  const element = doc.querySelector(selector);
  return element === null ? undefined : firstWord(singleLineText(element));
}

export function readClassic(doc: Document, url: URL, pageUrl: string | undefined): TicketReadResult {
  if (!isCasePage(doc, url)) return notATicketPage('This Classic page is not a case');

  const titleNumber = caseNumberIn(doc, CLASSIC.pageDescription);
  const fieldNumber = caseNumberIn(doc, CLASSIC.fieldValue.caseNumber);
  if (titleNumber !== undefined && fieldNumber !== undefined && titleNumber !== fieldNumber) {
    return unreadableLayout('The page title and the Case Number field show different numbers');
  }
  const ticketId = fieldNumber ?? titleNumber;
  if (ticketId === undefined) return unreadableLayout('The Classic case has no case number');
  const subject = fieldText(doc, CLASSIC.fieldValue.subject);
  if (subject === undefined) return unreadableLayout('The Classic case has no Subject field');

  const parties = readParties(doc);
  if (typeof parties === 'string') return unreadableLayout(`The Classic case's ${parties} do not read`);
  const conversation = relatedConversation(doc);
  if (typeof conversation === 'string') return unreadableLayout(`The Classic case has ${conversation}`);
  const descriptionCell = doc.querySelector(CLASSIC.fieldValue.description);
  const description = descriptionCell === null ? undefined : clampText(readableText(inertCopy(descriptionCell)), TICKET_LIMITS.bodyChars);

  return ticketReadFrom({
    site: 'salesforce',
    ticketId,
    subject: clampText(subject, TICKET_LIMITS.subjectChars),
    requester: parties.requester,
    messages: conversationMessages(description, conversation, parties),
    ...(pageUrl === undefined ? {} : { url: pageUrl }),
  });
}
