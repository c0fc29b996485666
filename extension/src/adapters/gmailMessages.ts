/**
 * One message of a Gmail thread as the page shows it: expanded (sender, recipients, body),
 * collapsed (sender, date and a one-line snippet: read, but marked partial), or folded into the
 * "N older messages" circle (nothing of it is shown, so nothing is read). An item that shows a
 * message but not its sender, a sender but neither body nor snippet, a sender chip its avatar
 * contradicts, or a "…" button without the trimmed part Gmail keeps behind it, is a layout we do
 * not know: the adapter refuses the thread rather than guess around it.
 */
import { TICKET_LIMITS } from '@tandem/shared/ticket-reading';
import type { PersonIdentity } from './authorRoles';
import { clampText, inertCopy, readableText, singleLineText } from './domText';
import { isMeWord } from './gmailIdentity';
import { GMAIL_SELECTORS as S } from './gmailSelectors';
import { cleanPersonName } from './personNames';
import { optionalDateTime, optionalEmail, optionalText } from './ticketFields';

export interface ShownMessage {
  /** Expanded: the whole body is on the page. Collapsed: only a snippet of it. */
  kind: 'expanded' | 'collapsed';
  /** The message's list item, for what only a kept message needs (messageDetails). */
  item: Element;
  sender: PersonIdentity;
  /** The To and Cc chips of an expanded message; undefined when the page shows none (a collapsed message). */
  recipients?: PersonIdentity[];
  /** Addresses this message names as the mailbox owner's own: a recipient chip (or the sender chip) called "me". */
  ownerAddresses: string[];
  /** Where its text is: the body, or for a collapsed message its snippet. */
  content: Element;
}

/** What a kept message adds to its identity: its text, id and time. */
export interface MessageDetails {
  body: string;
  id?: string;
  sentAt?: string;
}

export type MessageItem = { kind: 'shown'; message: ShownMessage } | { kind: 'folded' } | { kind: 'unreadable'; detail: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Gmail's English tooltip, e.g. "Thu, Nov 20, 2026, 10:03 AM" or "Nov 20, 2026 at 10:03 AM". */
const GMAIL_DATE =
  /^(?:[A-Za-z]+,\s*)?([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?:,|\s+at)?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?/;
/** A forwarded message's header starts with a run of dashes in every language ("---------- Forwarded message ---------"). */
const FORWARD_HEADER = /^\s*-{5,}/;

function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found !== null) return found;
  }
  return null;
}

function outsideDetailsCard(element: Element): boolean {
  return element.closest(S.detailsCard) === null;
}

/** The sender chip: the first candidate outside the hidden details card. */
function senderChip(item: Element): Element | undefined {
  for (const selector of S.sender) {
    const chip = Array.from(item.querySelectorAll(selector)).find(outsideDetailsCard);
    if (chip !== undefined) return chip;
  }
  return undefined;
}

/** Who a chip names: its address, and its name unless the name is "me" (which names the owner, not a person). */
function personFromChip(chip: Element): PersonIdentity {
  const label = chip.getAttribute('name') ?? singleLineText(chip);
  const name = isMeWord(label) ? undefined : cleanPersonName(label);
  const email = optionalEmail(chip.getAttribute('email'));
  return { ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }) };
}

function isMeChip(chip: Element): boolean {
  return optionalEmail(chip.getAttribute('email')) !== undefined && isMeWord(chip.getAttribute('name') ?? chip.textContent);
}

/** The avatar's address, a second witness of the sender's. */
function avatarAddress(item: Element): string | undefined {
  const avatar = firstMatch(item, S.avatar);
  return optionalEmail(avatar?.getAttribute('jid') ?? avatar?.getAttribute('data-hovercard-id'))?.toLowerCase();
}

/**
 * The To and Cc chips: the recipient line's chips, or, when its classes are gone, every other
 * address chip of the message (not the sender's, not the avatar, not the hidden details card).
 */
function recipientChips(item: Element, sender: Element): Element[] {
  for (const selector of S.recipient) {
    const chips = Array.from(item.querySelectorAll(selector)).filter((chip) => chip !== sender && outsideDetailsCard(chip));
    if (chips.length > 0) return chips;
  }
  return Array.from(item.querySelectorAll('[email]')).filter(
    (chip) => chip !== sender && chip.tagName !== 'IMG' && outsideDetailsCard(chip),
  );
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

function readSentAt(item: Element): string | undefined {
  for (const selector of S.sentAt) {
    for (const element of Array.from(item.querySelectorAll(selector))) {
      const value = element.getAttribute('datetime') ?? element.getAttribute('title') ?? element.getAttribute('data-tooltip') ?? '';
      const sentAt = optionalDateTime(value) ?? parseGmailDate(value);
      if (sentAt !== undefined) return sentAt;
    }
  }
  return undefined;
}

/**
 * The body as plain text, as the reader sees it: without what Gmail trims behind "…" (quoted
 * history, a repeated signature) and without a quoted reply, but with a forwarded message, which
 * Gmail shows and which is what the sender sent. Undefined when the body has a "…" button but no
 * trimmed part where Gmail keeps it: the body is not laid out as we know it, so it is not guessed at.
 * The body is copied into an inert document first (no browsing context: its images never load, its
 * handlers never run), so the live page is neither changed nor made to fetch anything.
 */
function readBody(body: Element): string | undefined {
  const copy = inertCopy(body);
  const buttons = Array.from(copy.querySelectorAll(S.trimmedButton));
  const trimmed = Array.from(copy.querySelectorAll(S.trimmedContent));
  if (buttons.length > 0 && trimmed.length === 0) return undefined;
  for (const element of [...buttons, ...trimmed]) element.remove();
  // Outermost first; a quote inside one already removed goes with it (the copy is detached, so `contains`, not `isConnected`).
  for (const quote of Array.from(copy.querySelectorAll(S.quote))) {
    if (copy.contains(quote) && !FORWARD_HEADER.test(readableText(quote))) quote.remove();
  }
  return readableText(copy);
}

/** Whether an item shows nothing of a message: no address anywhere, and no text but the folded count. */
function showsNothing(item: Element): boolean {
  return item.querySelector('[email], [jid]') === null && /^\d*$/.test(singleLineText(item).replace(/\s/g, ''));
}

function messageId(item: Element): string | undefined {
  const carrier = item.hasAttribute('data-message-id') ? item : item.querySelector('[data-message-id]');
  return optionalText(carrier?.getAttribute('data-message-id'), TICKET_LIMITS.idChars);
}

/**
 * The text, id and sent time of a message the ticket keeps (a long thread keeps only its newest
 * messages, so only theirs are read). The text is the body, or the snippet when collapsed;
 * undefined when the body is not laid out as we know it (see readBody).
 */
export function messageDetails(message: ShownMessage): MessageDetails | undefined {
  const text = message.kind === 'collapsed' ? singleLineText(message.content) : readBody(message.content);
  if (text === undefined) return undefined;
  const id = messageId(message.item);
  const sentAt = readSentAt(message.item);
  return {
    body: clampText(text, TICKET_LIMITS.bodyChars),
    ...(id === undefined ? {} : { id }),
    ...(sentAt === undefined ? {} : { sentAt }),
  };
}

/** Reads one message item of the thread: who sent it and to whom, and where its text is. */
export function readMessageItem(item: Element): MessageItem {
  const body = firstMatch(item, S.body);
  const snippet = body === null ? firstMatch(item, S.snippet) : null;
  const chip = senderChip(item);
  if (chip === undefined) {
    return body === null && snippet === null && showsNothing(item)
      ? { kind: 'folded' }
      : { kind: 'unreadable', detail: 'A Gmail message shows no sender' };
  }
  const sender = personFromChip(chip);
  const witness = avatarAddress(item);
  if (witness !== undefined && sender.email !== undefined && witness !== sender.email.toLowerCase()) {
    return { kind: 'unreadable', detail: "A Gmail message's sender chip and avatar name different addresses" };
  }
  const content = body ?? snippet;
  if (content === null) return { kind: 'unreadable', detail: 'A Gmail message shows neither a body nor a snippet' };

  const chips = body === null ? [] : recipientChips(item, chip);
  const ownerAddresses = [chip, ...chips].filter(isMeChip).flatMap((meChip) => optionalEmail(meChip.getAttribute('email')) ?? []);
  const message: ShownMessage = {
    kind: body === null ? 'collapsed' : 'expanded',
    item,
    sender,
    ownerAddresses,
    content,
    ...(chips.length === 0 ? {} : { recipients: chips.map(personFromChip) }),
  };
  return { kind: 'shown', message };
}
