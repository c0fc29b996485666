/**
 * A Lightning case page (the Service Console or standard navigation) read into a ticket. Only the
 * console tab on screen is read: the active `.oneConsoleTab`, which the tab bar's selected tab must
 * name too. The case's fields come from the record layout by API name (any UI language), else by
 * their labels in the record layout or the highlights panel; every place a field appears must
 * agree, so a value from another tab or another field is refused rather than used.
 */
import { TICKET_LIMITS, type TicketReadResult } from '@tandem/shared/ticket-reading';
import { clampText, inertCopy, readableText, singleLineText } from './domText';
import { cleanPersonName, parsePersonLabel } from './personNames';
import { conversationMessages } from './salesforceConversation';
import { readFeed } from './salesforceFeed';
import { fieldMeaning, normalLabel, type CaseFieldMeaning } from './salesforceLabels';
import { aliasOf, isContactId, isUserId, requesterOf, type CaseParties, type PageIdentity } from './salesforceParties';
import { COMMON, LIGHTNING } from './salesforceSelectors';
import { notATicketPage, ticketReadFrom, unreadableLayout } from './siteAdapter';
import { optionalEmail, optionalText } from './ticketFields';

/** `/lightning/r/<Object>/<id>/view`: the record a Lightning URL opens. */
const LIGHTNING_RECORD = /^\/lightning\/r\/([A-Za-z0-9_]+)\/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/view\/?$/;
const RECORD_ID_IN_PATH = /\/((?:005|003|00G)[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)(?:\/|$)/;

/** A case field's API name, by meaning. */
const API_NAMES: Readonly<Record<CaseFieldMeaning, string>> = {
  caseNumber: 'CaseNumber',
  subject: 'Subject',
  contactName: 'ContactId',
  contactEmail: 'ContactEmail',
  owner: 'OwnerId',
  suppliedName: 'SuppliedName',
  suppliedEmail: 'SuppliedEmail',
  description: 'Description',
};

const CASE_FIELD_PREFIX = 'sfdc:RecordField.Case.';
const MEANING_BY_API_NAME = new Map(Object.entries(API_NAMES).map(([meaning, apiName]) => [apiName, meaning as CaseFieldMeaning]));

type Scope = { kind: 'scope'; scope: Element | Document; tabRecordId?: string } | { kind: 'no-ticket'; result: TicketReadResult };

/**
 * Console tab panels, each once (a panel nested in another, such as a sub-tab, belongs to it):
 * Aura's `.oneConsoleTab` panels and the panels the console's tab headers name (a console tab
 * header links a record or list; a record's own sub-tabs do not), so a renamed class alone does
 * not hide the console and let a background tab be read as the page.
 */
function consoleTabs(doc: Document, headers: readonly Element[]): Element[] {
  const byHeader = headers.flatMap((header) => {
    const panel = doc.getElementById(header.getAttribute('aria-controls') ?? '');
    return panel === null ? [] : [panel];
  });
  const panels = [...new Set([...Array.from(doc.querySelectorAll(LIGHTNING.consoleTab)), ...byHeader])];
  return panels.filter((panel) => !panels.some((other) => other !== panel && other.contains(panel)));
}

/** The console's tab headers (one query for anything that names a panel, then the exact test on the few found). */
function consoleTabHeaders(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(LIGHTNING.panelNamer)).filter((header) => header.matches(LIGHTNING.consoleTabHeader));
}

/** The panels the tab bar marks selected. */
function selectedPanels(doc: Document, headers: readonly Element[], tabs: readonly Element[]): Element[] {
  return headers
    .filter((header) => header.getAttribute('aria-selected') === 'true')
    .flatMap((header) => {
      const panel = doc.getElementById(header.getAttribute('aria-controls') ?? '');
      return panel !== null && tabs.includes(panel) ? [panel] : [];
    });
}

/** Outside the console: the page container on screen when earlier pages are still kept (hidden) beside it, else the page. */
function standardNavigationScope(doc: Document): Scope {
  const containers = Array.from(doc.querySelectorAll(LIGHTNING.pageContainer)).filter(
    (container) => (container.parentElement?.closest(LIGHTNING.pageContainer) ?? null) === null,
  );
  if (containers.length <= 1) return { kind: 'scope', scope: doc };
  const active = containers.filter((container) => container.classList.contains('active'));
  const [only] = active;
  if (active.length !== 1 || only === undefined) {
    return {
      kind: 'no-ticket',
      result: unreadableLayout(`${active.length} of the ${containers.length} pages kept in this window are marked active`),
    };
  }
  return { kind: 'scope', scope: only };
}

/**
 * The one console tab on screen; outside the console (standard navigation) the whole page. Two
 * witnesses say which tab is on screen, the panel's `.active` class and the tab bar's selected
 * header; either may be missing, but when both speak they must agree.
 */
function lightningScope(doc: Document, caseInUrl: boolean): Scope {
  const headers = consoleTabHeaders(doc);
  const tabs = consoleTabs(doc, headers);
  if (tabs.length === 0) return standardNavigationScope(doc);
  const byClass = tabs.filter((tab) => tab.classList.contains('active'));
  const byHeader = selectedPanels(doc, headers, tabs);
  if (byClass.length > 1 || byHeader.length > 1)
    return { kind: 'no-ticket', result: unreadableLayout('More than one console tab is marked active') };
  const [classActive] = byClass;
  const [headerActive] = byHeader;
  if (classActive !== undefined && headerActive !== undefined && classActive !== headerActive) {
    return { kind: 'no-ticket', result: unreadableLayout('The tab bar and the tab panels disagree on the active tab') };
  }
  const active = classActive ?? headerActive;
  if (active === undefined) {
    return {
      kind: 'no-ticket',
      result: caseInUrl ? unreadableLayout('The console has no active tab') : notATicketPage('No console tab is active'),
    };
  }
  const tabRecordId = headers
    .filter((header) => header.getAttribute('aria-controls') === active.id)
    .map((header) => LIGHTNING_RECORD.exec(header.getAttribute('href') ?? '')?.[2])
    .find((id) => id !== undefined);
  return { kind: 'scope', scope: active, ...(tabRecordId === undefined ? {} : { tabRecordId }) };
}

/** Two record ids name the same record: an 18-character id is the 15-character one plus a checksum. */
function sameRecord(a: string, b: string): boolean {
  return a.slice(0, 15) === b.slice(0, 15);
}

/** The console tab on screen, or the page outside the console; undefined when the console does not say which tab that is. */
export function consoleScope(doc: Document): Element | Document | undefined {
  const found = lightningScope(doc, false);
  return found.kind === 'scope' ? found.scope : undefined;
}

/** A field as found on the page: its element and the element holding its value. */
interface FoundField {
  field: Element;
  value: Element;
}

/** The value of a record layout item: LWC's output slot or Aura's value span; undefined when neither is there. */
function layoutItemValue(item: Element): Element | undefined {
  return item.querySelector(LIGHTNING.fieldValue) ?? undefined;
}

/** A highlights item: a label paragraph (its text also in its title), then the value. */
function highlightsItem(item: Element): { label: string; value: Element } | undefined {
  const label = Array.from(item.querySelectorAll(LIGHTNING.highlightsLabel)).find(
    (element) => normalLabel(element.getAttribute('title') ?? '') === normalLabel(singleLineText(element)),
  );
  if (label === undefined) return undefined;
  const copy = inertCopy(item);
  Array.from(copy.querySelectorAll(LIGHTNING.highlightsLabel))
    .find((element) => element.getAttribute('title') === label.getAttribute('title'))
    ?.remove();
  return { label: singleLineText(label), value: copy };
}

interface RecordParts {
  fields: Map<CaseFieldMeaning, FoundField[]>;
  /** The header's primary field: a case's record name, its number. */
  primaryFields: Element[];
  /** A field found whose value is nowhere in it: the layout changed under us. */
  unreadable?: CaseFieldMeaning;
  /** Any record markup at all (a field, a highlights item, the header's record name). */
  any: boolean;
}

/** Every place a case field appears in `scope` (by API name, by label on a layout item, in the highlights), in one query. */
function recordParts(scope: Element | Document): RecordParts {
  const parts: RecordParts = { fields: new Map(), primaryFields: [], any: false };
  const add = (meaning: CaseFieldMeaning, field: Element, value: Element | undefined): void => {
    const list = parts.fields.get(meaning) ?? [];
    if (list.some((known) => known.field === field || known.field.contains(field) || field.contains(known.field))) return;
    if (value === undefined) parts.unreadable ??= meaning;
    else parts.fields.set(meaning, [...list, { field, value }]);
  };
  for (const element of Array.from(scope.querySelectorAll(LIGHTNING.recordParts))) {
    parts.any = true;
    if (element.getAttribute('slot') === 'primaryField') parts.primaryFields.push(element);
    const apiName = element.getAttribute('data-target-selection-name');
    const byApiName =
      apiName?.startsWith(CASE_FIELD_PREFIX) === true ? MEANING_BY_API_NAME.get(apiName.slice(CASE_FIELD_PREFIX.length)) : undefined;
    const byLabel = fieldMeaning(element.getAttribute('field-label') ?? '');
    const meaning = byApiName ?? byLabel;
    if (meaning !== undefined) add(meaning, element, layoutItemValue(element));
    if (element.matches(LIGHTNING.highlightsItem)) {
      const read = highlightsItem(element);
      const highlighted = read === undefined ? undefined : fieldMeaning(read.label);
      if (read !== undefined && highlighted !== undefined) add(highlighted, element, read.value);
    }
  }
  return parts;
}

type Agreed<T> = { kind: 'value'; value: T | undefined } | { kind: 'conflict' };

/** The one value every occurrence agrees on (empty occurrences aside); two different values are a conflict. */
function agreed<T>(
  fields: readonly FoundField[] | undefined,
  read: (value: Element) => T | undefined,
  key: (value: T) => string,
): Agreed<T> {
  const values = (fields ?? []).flatMap(({ value }) => {
    const read1 = read(value);
    return read1 === undefined ? [] : [read1];
  });
  const [first] = values;
  if (first !== undefined && values.some((value) => key(value) !== key(first))) return { kind: 'conflict' };
  return { kind: 'value', value: first };
}

function textValue(value: Element): string | undefined {
  return optionalText(singleLineText(value), TICKET_LIMITS.subjectChars);
}

function caseNumberValue(value: Element): string | undefined {
  // Classic and some layouts append a link ("[View Hierarchy]"); the number is the first word.
  const first = singleLineText(value).split(/\s|\[/)[0];
  return optionalText(first, TICKET_LIMITS.idChars);
}

function personValue(value: Element, recordPrefix: 'contact' | 'user'): PageIdentity | undefined {
  const link = Array.from(value.querySelectorAll(COMMON.link)).find((anchor) => singleLineText(anchor) !== '');
  const name = cleanPersonName(singleLineText(link ?? value));
  if (name === undefined) return undefined;
  const recordId =
    link === undefined ? undefined : (link.getAttribute('data-recordid') ?? RECORD_ID_IN_PATH.exec(link.getAttribute('href') ?? '')?.[1]);
  const kindMatches = recordPrefix === 'contact' ? isContactId(recordId) : isUserId(recordId);
  return { name, ...(recordId !== undefined && kindMatches ? { recordId } : {}) };
}

function emailValue(value: Element): string | undefined {
  const mailto = value.querySelector(COMMON.mailLink)?.getAttribute('href')?.slice('mailto:'.length);
  return optionalEmail(mailto) ?? parsePersonLabel(singleLineText(value)).email;
}

function descriptionValue(value: Element): string | undefined {
  const text = readableText(inertCopy(value));
  return text === '' ? undefined : clampText(text, TICKET_LIMITS.bodyChars);
}

interface CaseFields {
  caseNumber?: string;
  subject?: string;
  parties: CaseParties;
  description?: string;
}

function identityKey(person: PageIdentity): string {
  return normalLabel(person.name ?? '');
}

/** The case's fields, or the name of a field whose occurrences disagree. */
function readCaseFields(found: ReadonlyMap<CaseFieldMeaning, FoundField[]>): CaseFields | string {
  const same = (text: string) => normalLabel(text);
  const caseNumber = agreed(found.get('caseNumber'), caseNumberValue, same);
  const subject = agreed(found.get('subject'), textValue, same);
  const contact = agreed(found.get('contactName'), (value) => personValue(value, 'contact'), identityKey);
  const contactEmail = agreed(found.get('contactEmail'), emailValue, same);
  const owner = agreed(found.get('owner'), (value) => personValue(value, 'user'), identityKey);
  const suppliedName = agreed(found.get('suppliedName'), (value) => cleanPersonName(singleLineText(value)), same);
  const suppliedEmail = agreed(found.get('suppliedEmail'), emailValue, same);
  const description = agreed(found.get('description'), descriptionValue, (text) => text.replace(/\s+/g, ' '));
  const fields = { caseNumber, subject, contact, contactEmail, owner, suppliedName, suppliedEmail, description };
  const conflict = Object.entries(fields).find(([, field]) => field.kind === 'conflict');
  if (conflict !== undefined) return conflict[0];
  const value = <T>(field: Agreed<T>): T | undefined => (field.kind === 'value' ? field.value : undefined);
  const contactPerson = value(contact);
  const requester = requesterOf(contactPerson?.name, value(contactEmail), value(suppliedName), value(suppliedEmail));
  const alias = aliasOf(requester, value(suppliedName), value(suppliedEmail));
  const ownerPerson = value(owner);
  return {
    caseNumber: value(caseNumber),
    subject: value(subject),
    description: value(description),
    parties: {
      requester,
      ...(contactPerson?.recordId === undefined ? {} : { contactId: contactPerson.recordId }),
      ...(alias === undefined ? {} : { alias }),
      ...(ownerPerson?.recordId === undefined ? {} : { owner: ownerPerson }),
    },
  };
}

export function readLightning(doc: Document, url: URL, pageUrl: string | undefined): TicketReadResult {
  const record = LIGHTNING_RECORD.exec(url.pathname);
  const recordType = record?.[1];
  if (recordType !== undefined && recordType !== 'Case') return notATicketPage(`This Lightning page shows a ${recordType}, not a case`);
  const urlCaseId = recordType === 'Case' ? record?.[2] : undefined;

  const found = lightningScope(doc, urlCaseId !== undefined);
  if (found.kind === 'no-ticket') return found.result;
  const { scope, tabRecordId } = found;
  // The console keeps the address on the tab in front; a tab linking another record means one of the two is stale.
  if (urlCaseId !== undefined && tabRecordId !== undefined && !sameRecord(urlCaseId, tabRecordId)) {
    return unreadableLayout('The address and the console tab on screen name different records');
  }
  const parts = recordParts(scope);
  if (!parts.any && urlCaseId === undefined) return notATicketPage('No case is open in the active tab');
  if (parts.unreadable !== undefined) return unreadableLayout(`The case's ${parts.unreadable} field shows no value we can read`);

  const fields = readCaseFields(parts.fields);
  if (typeof fields === 'string') return unreadableLayout(`The case's ${fields} differs between two places on the page`);
  const headerNumbers = parts.primaryFields.flatMap((element) => caseNumberValue(element) ?? []);
  const numbers = new Set([...(fields.caseNumber === undefined ? [] : [fields.caseNumber]), ...headerNumbers]);
  if (numbers.size > 1) return unreadableLayout(`The open tab shows ${numbers.size} different case numbers`);
  const ticketId = [...numbers][0] ?? urlCaseId;
  if (ticketId === undefined) return notATicketPage('No case is open in the active tab');
  if (fields.subject === undefined) return unreadableLayout('The case shows no Subject field');

  const feed = readFeed(scope);
  if (feed.kind === 'unreadable') return unreadableLayout(feed.detail);
  return ticketReadFrom({
    site: 'salesforce',
    ticketId,
    subject: clampText(fields.subject, TICKET_LIMITS.subjectChars),
    requester: fields.parties.requester,
    messages: conversationMessages(fields.description, feed.entries, fields.parties),
    ...(pageUrl === undefined ? {} : { url: pageUrl }),
  });
}
