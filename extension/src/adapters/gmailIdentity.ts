/**
 * Who is who in a Gmail thread, from identity alone: pure decisions over what the adapter read
 * (addresses and names, no DOM). The agent is the mailbox owner or a send-as address the page
 * showed; when the page showed none, the mailbox is inferred from the thread as the one address
 * every message was sent from or to. The customer is the requester (the first outside sender, or
 * the one person the agent first wrote to) and any sender showing the requester's full name from
 * another address. Anyone else, and everyone when the thread cannot settle the mailbox, is
 * 'unknown' (authorRoles.ts): a cc'd colleague is not the customer.
 */
import type { MessageAuthorRole } from '@tandem/shared/ticket-reading';
import { decideAuthorRole, type PersonIdentity, type RoleContext } from './authorRoles';
import { nameWords } from './personNames';

/** One message as far as identity goes: its sender, and its recipients when the page listed them. */
export interface ThreadParticipants {
  sender: PersonIdentity;
  /** Who is on the To and Cc line; undefined when the page does not show it (a collapsed message). */
  recipients?: readonly PersonIdentity[];
}

/**
 * What "me" is called on a recipient chip in Gmail's UI languages ("to me", "an mich", "para mí",
 * "To 自分", "אל אני"…). A chip with one of these names is the mailbox owner's own address. Words
 * that are also given names ("Ben", "Meg", "Mir", "Saya", "Mi") are left out: such a UI's owner is
 * known from its other sources, never from a chip that may name a person.
 */
const ME_WORDS = new Set([
  'me',
  'mich',
  'mí',
  'moi',
  'mij',
  'minä',
  'mnie',
  'mně',
  'мне',
  'меня',
  'tôi',
  '自分',
  '我',
  '나',
  'אני',
  'אליי',
  'أنا',
  'إليّ',
]);

export function isMeWord(label: string | null | undefined): boolean {
  return ME_WORDS.has((label ?? '').normalize('NFC').trim().toLowerCase());
}

function lower(email: string | undefined): string | undefined {
  return email?.trim().toLowerCase();
}

/**
 * The owner's address from the page title, which Gmail writes as "<subject> - <address> - <product>"
 * ("Gmail", or a Workspace mailbox's own name). The address must be the second segment from the end,
 * and when the subject is in the title it must be exactly what precedes the address: a popped-out
 * window's "Gmail - <subject>" names no owner, even when the subject itself ends in " - x@y - z".
 */
export function ownerFromTitle(title: string, subject: string, isEmail: (text: string) => boolean): string | undefined {
  const segments = title.split(' - ');
  if (segments.length < 3) return undefined;
  const address = (segments.at(-2) ?? '').trim();
  if (!isEmail(address)) return undefined;
  const before = segments.slice(0, -2).join(' - ').trim();
  const trimmedSubject = subject.trim();
  if (trimmedSubject !== '' && title.includes(trimmedSubject) && before !== trimmedSubject) return undefined;
  return address.toLowerCase();
}

/**
 * The mailbox a thread belongs to when the page names no owner: the one address that is, on every
 * message, its sender or one of its listed recipients. Only a thread whose every message lists its
 * recipients can settle it: with a list hidden (a collapsed message) the other side's address may
 * be on it unseen, and a one-sender thread would name that sender whichever side they are on. Two
 * candidates (a two-person thread, where each is on every message) or none settle nothing.
 */
export function inferMailbox(thread: readonly ThreadParticipants[]): string | undefined {
  if (thread.length === 0 || thread.some(({ recipients }) => recipients === undefined || recipients.length === 0)) return undefined;
  const candidates = new Set<string>();
  for (const { sender, recipients } of thread) {
    for (const person of [sender, ...(recipients ?? [])]) {
      const email = lower(person.email);
      if (email !== undefined) candidates.add(email);
    }
  }
  const consistent = [...candidates].filter((candidate) =>
    thread.every(
      ({ sender, recipients }) =>
        lower(sender.email) === candidate || (recipients ?? []).some((person) => lower(person.email) === candidate),
    ),
  );
  return consistent.length === 1 ? consistent[0] : undefined;
}

/** Whether any message of the thread was sent by or to one of `addresses`. */
function touchesThread(thread: readonly ThreadParticipants[], addresses: ReadonlySet<string>): boolean {
  return thread.some(
    ({ sender, recipients }) =>
      addresses.has(lower(sender.email) ?? '') || (recipients ?? []).some((person) => addresses.has(lower(person.email) ?? '')),
  );
}

/**
 * The agent's addresses: the owner and send-as addresses the page showed, and the inferred mailbox
 * when those are missing or none of them is on the thread (a delegated mailbox viewed by its delegate).
 */
export function agentAddresses(pageAddresses: readonly string[], thread: readonly ThreadParticipants[]): Set<string> {
  const agents = new Set(pageAddresses.map((address) => address.toLowerCase()));
  if (agents.size === 0 || !touchesThread(thread, agents)) {
    const inferred = inferMailbox(thread);
    if (inferred !== undefined) agents.add(inferred);
  }
  return agents;
}

function isAgent(person: PersonIdentity, agents: ReadonlySet<string>): boolean {
  const email = lower(person.email);
  return email !== undefined && agents.has(email);
}

/**
 * The requester: the sender of the first message when that is not the agent. When the agent wrote
 * first, the one person (not the agent) that message was sent to; if the page does not show to
 * whom, the one person other than the agent who writes in the thread. Nobody when the agent is not
 * known, or the agent wrote first to several people, or several outsiders write and the first
 * message does not say which one it went to.
 */
export function findRequester(thread: readonly ThreadParticipants[], agents: ReadonlySet<string>): PersonIdentity | undefined {
  const first = thread[0];
  if (agents.size === 0 || first === undefined) return undefined;
  if (!isAgent(first.sender, agents)) return first.sender;
  if (first.recipients !== undefined) {
    const others = first.recipients.filter((person) => !isAgent(person, agents));
    return others.length === 1 ? others[0] : undefined;
  }
  const outsiders = new Map<string, PersonIdentity>();
  for (const { sender } of thread) {
    const email = lower(sender.email);
    if (email !== undefined && !agents.has(email) && !outsiders.has(email)) outsiders.set(email, sender);
  }
  return outsiders.size === 1 ? [...outsiders.values()][0] : undefined;
}

/** The same full name: every word alike, at least two words (a lone first name is shared too often to prove anything). */
function sameFullName(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const left = nameWords(a);
  const right = nameWords(b);
  return left.length >= 2 && left.length === right.length && left.every((word, index) => word === right[index]);
}

/**
 * The customer's identities: the requester, and every other address a sender with the requester's
 * full name wrote from (a customer writing from a second address). The agent is never one.
 */
export function customerIdentities(
  requester: PersonIdentity | undefined,
  thread: readonly ThreadParticipants[],
  agents: ReadonlySet<string>,
): PersonIdentity[] {
  if (requester === undefined) return [];
  const identities: PersonIdentity[] = [requester];
  const known = new Set([lower(requester.email)]);
  for (const { sender } of thread) {
    const email = lower(sender.email);
    if (email === undefined || known.has(email) || isAgent(sender, agents) || !sameFullName(sender.name, requester.name)) continue;
    known.add(email);
    identities.push(sender);
  }
  return identities;
}

/**
 * The parties of the thread as authorRoles.ts takes them. Gmail shows every sender's address, so
 * the parties are addresses only: names served to find the customer's other addresses, and a name
 * compared again here would set two addresses of the same customer against each other.
 */
export function roleContext(customers: readonly PersonIdentity[], agents: ReadonlySet<string>): RoleContext {
  const addresses = (people: Iterable<string | undefined>): PersonIdentity[] =>
    [...people].flatMap((email) => (email === undefined ? [] : [{ email }]));
  return { customers: addresses(customers.map((person) => lower(person.email))), agents: addresses(agents), others: 'unknown' };
}

/** A sender's role; a sender without an address has no identity to match, so it is 'unknown'. */
export function roleOf(sender: PersonIdentity, context: RoleContext): MessageAuthorRole {
  return decideAuthorRole({ ...(sender.email === undefined ? {} : { email: sender.email }) }, context).role;
}
