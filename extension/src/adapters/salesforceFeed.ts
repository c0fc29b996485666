/**
 * The Lightning case feed, read into conversation entries oldest first. Every item must say what
 * it is: an e-mail (its From line, its body or preview), a post (its text), or a record change
 * (not a message, skipped); an item that says none of these stops the reading, since skipping a
 * message the reader did not recognise would hand over a conversation with a hole in it. Replies
 * to a post follow the post. Only the newest TICKET_LIMITS.messages items are read, and the feed
 * is queried once, so a 5,000-item feed costs little more than a 200-item one.
 */
import { TICKET_LIMITS } from '@tandem/shared/ticket-reading';
import { clampText, inertCopy, readableText, singleLineText } from './domText';
import { parsePersonLabel } from './personNames';
import type { ConversationEntry } from './salesforceConversation';
import { EMAIL_HEADER_LABELS, normalLabel, visibilityOf, type Visibility } from './salesforceLabels';
import { domainOf, isUserId, type PageIdentity } from './salesforceParties';
import { COMMON, LIGHTNING } from './salesforceSelectors';
import { optionalDateTime, optionalText } from './ticketFields';

export type FeedReading = { kind: 'entries'; entries: ConversationEntry[] } | { kind: 'unreadable'; detail: string };

/** A user (005…) or contact (003…) record id in a link's path. */
const PERSON_RECORD_ID = /(?:^|\/)((?:005|003)[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)(?:\/|$)/;

/** One item or reply as the reader sees it: its elements, without those of replies nested inside it. */
interface Part {
  root: Element;
  nested: readonly Element[];
}

function all(part: Part, selector: string): Element[] {
  const found = Array.from(part.root.querySelectorAll(selector));
  return part.nested.length === 0 ? found : found.filter((element) => !part.nested.some((reply) => reply.contains(element)));
}

function first(part: Part, selector: string): Element | undefined {
  return all(part, selector)[0];
}

/** Whether an ancestor of `element` (not itself) is in `set`: one walk up, no selector matching. */
function insideAny(element: Element, set: ReadonlySet<Element>): boolean {
  for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) if (set.has(parent)) return true;
  return false;
}

interface FeedParts {
  /** Items in page order, each once (an article inside another item's wrapper is that item). */
  items: Element[];
  /** Replies, each once, by the item they answer. */
  replies: Map<Element, Element[]>;
  /** Replies that answer no item. */
  orphans: number;
}

/** The item a reply answers: the item around it, else the one sharing its group (a sibling replies block). */
function ownerOf(reply: Element, items: ReadonlySet<Element>): Element | undefined {
  for (let parent = reply.parentElement; parent !== null; parent = parent.parentElement) {
    if (items.has(parent)) return parent;
    if (parent.matches(LIGHTNING.feedItemGroup))
      return Array.from(parent.querySelectorAll(LIGHTNING.feedItem)).find((item) => items.has(item));
  }
  return undefined;
}

/** Items and replies of the feed in one query. */
function feedParts(scope: ParentNode): FeedParts {
  const found = Array.from(scope.querySelectorAll(LIGHTNING.feedCandidates));
  const replySet = new Set(found.filter((element) => element.matches(LIGHTNING.feedComment)));
  const candidates = found.filter(
    (element) => !replySet.has(element) && !insideAny(element, replySet) && element.matches(LIGHTNING.feedItem),
  );
  const candidateSet = new Set(candidates);
  const items = candidates.filter((item) => !insideAny(item, candidateSet));
  const itemSet = new Set(items);
  const replies = new Map<Element, Element[]>();
  let orphans = 0;
  for (const reply of replySet) {
    if (insideAny(reply, replySet)) continue;
    const owner = ownerOf(reply, itemSet);
    if (owner === undefined) orphans += 1;
    else replies.set(owner, [...(replies.get(owner) ?? []), reply]);
  }
  return { items, replies, orphans };
}

function recordIdOf(link: Element): string | undefined {
  const attribute = link.getAttribute('data-recordid') ?? undefined;
  if (attribute !== undefined && PERSON_RECORD_ID.test(`/${attribute}/`)) return attribute;
  return PERSON_RECORD_ID.exec(link.getAttribute('href') ?? '')?.[1];
}

/** The person an item or reply names as its author: the first person link in its header that carries a name. */
function actorOf(part: Part): PageIdentity | undefined {
  const header = { root: first(part, LIGHTNING.feedHeader) ?? part.root, nested: part.nested };
  for (const link of [...all(header, LIGHTNING.actorLink), ...all(header, LIGHTNING.personLink)]) {
    const text = singleLineText(link);
    // An avatar link holds an image, not a name.
    const name = text === '' ? undefined : parsePersonLabel(text).name;
    if (name === undefined) continue;
    const recordId = recordIdOf(link);
    return { name, ...(recordId === undefined ? {} : { recordId }) };
  }
  return undefined;
}

interface EmailHeaders {
  from: string[];
  to: string[];
}

/** The text after a header label on its line, the line being the smallest element around the label that holds more. */
function headerValue(item: Element, label: Element): string {
  const labelText = singleLineText(label);
  let line: Element | null = label.parentElement;
  while (line !== null && line !== item && singleLineText(line) === labelText) line = line.parentElement;
  const text = line === null || line === item ? '' : singleLineText(line);
  return text.startsWith(labelText) ? text.slice(labelText.length).trim() : '';
}

/**
 * An e-mail's From and To lines, found by their labels in the UI language ("From:", "Von:",
 * "差出人:"), outside any body: a reply quoting the original carries that e-mail's From line too,
 * and so may a post that pastes one.
 */
function emailHeaders(part: Part): EmailHeaders {
  const headers: EmailHeaders = { from: [], to: [] };
  const bodies = all(part, `${LIGHTNING.emailRichText}, ${LIGHTNING.emailBody}, ${LIGHTNING.emailPreview}, ${LIGHTNING.postBody}`);
  for (const element of all(part, '*')) {
    if (element.children.length > 0 || bodies.some((body) => body.contains(element))) continue;
    const label = normalLabel(element.textContent ?? '');
    if (EMAIL_HEADER_LABELS.from.has(label)) headers.from.push(headerValue(part.root, element));
    else if (EMAIL_HEADER_LABELS.to.has(label)) headers.to.push(headerValue(part.root, element));
  }
  return headers;
}

/**
 * Text of an e-mail body whose HTML Lightning keeps in the rich-text component's `value` (the
 * visible copy sits in an iframe). Parsed inside a <template>, whose content lives in an inert
 * document: the e-mail's markup is read as text, its scripts never run and its images never load.
 */
function richTextValue(element: Element): string | undefined {
  const html = element.getAttribute('value');
  if (html === null) return undefined;
  const template = element.ownerDocument.createElement('template');
  template.innerHTML = html;
  const holder = template.content.ownerDocument.createElement('div');
  holder.append(template.content);
  return readableText(holder);
}

interface EmailBody {
  text: string;
  partial: boolean;
}

/** The body as far as the page shows it: the rich text, the body block, else the preview line of a collapsed e-mail. */
function emailBody(part: Part): EmailBody | undefined {
  const collapsed = first(part, LIGHTNING.collapsedControl) !== undefined;
  const rich = first(part, LIGHTNING.emailRichText);
  const richText = rich === undefined ? '' : (richTextValue(rich) ?? readableText(inertCopy(rich)));
  if (richText !== '') return { text: richText, partial: collapsed };
  // A body block whose text sits only in an iframe reads empty: then it is the preview or nothing, never an empty message.
  const body = first(part, LIGHTNING.emailBody);
  const bodyText = body === undefined ? '' : readableText(inertCopy(body));
  if (bodyText !== '') return { text: bodyText, partial: collapsed };
  const preview = first(part, LIGHTNING.emailPreview);
  return preview === undefined ? undefined : { text: readableText(inertCopy(preview)), partial: true };
}

function postBody(part: Part): string | undefined {
  const body = first(part, LIGHTNING.postBody) ?? first(part, LIGHTNING.commentBody);
  return body === undefined ? undefined : readableText(inertCopy(body));
}

/** A post's visibility: Aura's marker, else any phrase in the header that states one (classes change, words do not). */
function visibilityOfPost(part: Part): Visibility | undefined {
  const header = { root: first(part, LIGHTNING.feedHeader) ?? part.root, nested: part.nested };
  const marked = first(header, LIGHTNING.visibility);
  const candidates = marked === undefined ? all(header, '*') : [marked];
  const stated = new Set(candidates.flatMap((element) => visibilityOf(singleLineText(element)) ?? []));
  return stated.size === 1 ? [...stated][0] : undefined;
}

/** The record id and machine-readable time of an item or reply, where the page gives them. */
function recordOf(part: Part): Pick<ConversationEntry, 'id' | 'sentAt'> {
  const holder = part.root.matches(COMMON.recordIdHolder) ? part.root : first(part, COMMON.recordIdHolder);
  const id = optionalText(holder?.getAttribute('data-id'), TICKET_LIMITS.idChars);
  const sentAt = optionalDateTime(first(part, LIGHTNING.machineTime)?.getAttribute('datetime'));
  return { ...(id === undefined ? {} : { id }), ...(sentAt === undefined ? {} : { sentAt }) };
}

interface EmailItem {
  entry: ConversationEntry;
  /** Sent by a Salesforce user (its actor links a user record): the org writing. */
  sentByUser: boolean;
}

function readEmail(part: Part, headers: EmailHeaders): EmailItem | string {
  if (headers.from.length > 1) return 'an e-mail with two From lines';
  const from = headers.from[0] === undefined ? undefined : parsePersonLabel(headers.from[0]);
  const actor = actorOf(part);
  const body = emailBody(part);
  if (body === undefined) return 'an e-mail without a readable body or preview';
  // The actor is who sent it from Salesforce; the From line is the address it went out from (a shared mailbox, say).
  const name = actor?.name ?? from?.name;
  const email = from?.email;
  if (name === undefined && email === undefined) return 'an e-mail that names no sender';
  const author: PageIdentity = {
    ...(name === undefined ? {} : { name }),
    ...(email === undefined ? {} : { email }),
    ...(actor?.recordId === undefined ? {} : { recordId: actor.recordId }),
  };
  return {
    sentByUser: isUserId(actor?.recordId),
    entry: { author, body: clampText(body.text, TICKET_LIMITS.bodyChars), partial: body.partial, cues: {}, email: true, ...recordOf(part) },
  };
}

function readPost(part: Part, visibility: Visibility | undefined): ConversationEntry | string {
  const body = postBody(part);
  if (body === undefined) return 'a post without readable text';
  const author = actorOf(part);
  if (author === undefined) return 'a post that names no author';
  return {
    author,
    body: clampText(body, TICKET_LIMITS.bodyChars),
    partial: false,
    // Internal only on Salesforce's own word; an unmarked post is left to identity.
    cues: visibility === 'internal' ? { internalNote: true } : {},
    email: false,
    ...recordOf(part),
  };
}

/** An e-mail, a post (or case comment), or record activity: a field change, the case's creation (not messages). */
type ItemKind = 'email' | 'post' | 'change';

/** What an item is, when exactly one kind of content says so. */
function kindOf(part: Part, headers: EmailHeaders): ItemKind | undefined {
  const email =
    first(part, `${LIGHTNING.emailRichText}, ${LIGHTNING.emailBody}, ${LIGHTNING.emailPreview}`) !== undefined || headers.from.length > 0;
  const post = first(part, LIGHTNING.postBody) !== undefined;
  const change = first(part, LIGHTNING.recordActivity) !== undefined;
  const kinds = (['email', 'post', 'change'] as const).filter((_, index) => [email, post, change][index]);
  return kinds.length === 1 ? kinds[0] : undefined;
}

/** A machine-readable time anywhere in the item (a quick look: only the ends of the feed are compared). */
function itemTime(item: Element): number | undefined {
  const time = optionalDateTime(item.querySelector(LIGHTNING.machineTime)?.getAttribute('datetime'));
  return time === undefined ? undefined : Date.parse(time);
}

/** Salesforce lists the newest activity first; the order is kept only when machine-readable times say it is oldest first. */
function oldestFirst(items: Element[]): Element[] {
  const firstTimed = items.find((item) => itemTime(item) !== undefined);
  const lastTimed = items.findLast((item) => itemTime(item) !== undefined);
  const oldest = firstTimed === undefined ? undefined : itemTime(firstTimed);
  const newest = lastTimed === undefined ? undefined : itemTime(lastTimed);
  return oldest !== undefined && newest !== undefined && oldest < newest ? items : [...items].reverse();
}

interface ReadItem {
  entries: ConversationEntry[];
  email?: EmailItem;
}

function readItem(item: Element, replies: readonly Element[]): ReadItem | string {
  const part: Part = { root: item, nested: replies.filter((reply) => item.contains(reply)) };
  const headers = emailHeaders(part);
  const kind = kindOf(part, headers);
  if (kind === undefined) return 'a feed item that is neither an e-mail, a post nor a record change';
  if (kind === 'change') return replies.length === 0 ? { entries: [] } : 'a record change with replies';
  if (kind === 'email') {
    const email = readEmail(part, headers);
    if (typeof email === 'string') return email;
    return replies.length === 0 ? { entries: [email.entry], email } : 'an e-mail with replies';
  }
  const visibility = visibilityOfPost(part);
  const post = readPost(part, visibility);
  if (typeof post === 'string') return post;
  const entries = [post];
  for (const reply of replies) {
    // A reply is seen by whoever sees its post.
    const read = readPost({ root: reply, nested: [] }, visibility);
    if (typeof read === 'string') return `${read} (a reply)`;
    entries.push(read);
  }
  return { entries };
}

/**
 * An e-mail's direction where the page states it: sent by a Salesforce user, or from the domain
 * such users send from (an auto-reply from the support address). Anything else is left to identity.
 */
function withDirections(items: readonly ReadItem[]): ConversationEntry[] {
  const userSent = items.flatMap((item) =>
    item.email?.sentByUser === true && item.email.entry.author.email !== undefined ? [item.email.entry.author.email] : [],
  );
  const orgDomains = new Set(userSent.map(domainOf));
  return items.flatMap((item) => {
    const { email } = item;
    if (email === undefined) return item.entries;
    const address = email.entry.author.email;
    const outbound = email.sentByUser || (address !== undefined && orgDomains.has(domainOf(address)));
    return [{ ...email.entry, cues: outbound ? { side: 'agent' as const } : {} }];
  });
}

/** The feed of `scope`, oldest first, or why it cannot be read. */
export function readFeed(scope: ParentNode): FeedReading {
  const { items, replies, orphans } = feedParts(scope);
  if (orphans > 0) return { kind: 'unreadable', detail: 'The case feed has replies that belong to no post' };
  const read: ReadItem[] = [];
  for (const item of oldestFirst(items).slice(-TICKET_LIMITS.messages)) {
    const entry = readItem(item, replies.get(item) ?? []);
    if (typeof entry === 'string') return { kind: 'unreadable', detail: `The case feed has ${entry}` };
    read.push(entry);
  }
  return { kind: 'entries', entries: withDirections(read) };
}
