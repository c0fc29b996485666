/**
 * Who wrote a message, decided the same way for every site: identity first. The author's
 * signals (name, e-mail, profile link id, the "from" line) are matched against the ticket's
 * customer (requester, contact) and the known agents (the mailbox owner, the agent signed in);
 * layout cues (note styling, direction, badges) only confirm a decision or break a tie identity
 * left open. Where signals disagree, or there are none, the role is 'unknown': a customer's
 * message read as the agent's produces a wrong reply, which is worse than none. 'internal' comes
 * only from a positive note marker. Pure: adapters gather the signals, this decides.
 */
import type { MessageAuthorRole } from '@tandem/shared/ticket-reading';
import { nameWords } from './personNames';

/** What a page shows of one person. Every field is optional; the more present, the surer a match. */
export interface PersonIdentity {
  name?: string;
  email?: string;
  /** A stable id from the person's profile or avatar link (a user id, a contact record id). */
  profileId?: string;
}

export interface RoleContext {
  /** The customer side: the requester or contact, with any aliases the page shows for them. */
  customers: readonly PersonIdentity[];
  /** The agent side: the mailbox owner, the signed-in agent, agents the page lists. */
  agents: readonly PersonIdentity[];
  /**
   * What the site guarantees about an author proven to be neither known party. 'unknown' (the
   * default) for helpdesks where a CC'd colleague, a follower or another agent can write; a site
   * with exactly two sides may say 'customer' (a mailbox: whoever is not the owner writes in) or
   * 'agent' (whoever is not the requester answers). It is applied only to an author identity has
   * ruled out of the other side, never to an author with no identity at all.
   */
  others?: 'unknown' | 'customer' | 'agent';
}

/** Layout evidence about a message, as the adapter found it. Absent means "the page did not say". */
export interface LayoutCues {
  /** A positive internal-note marker: the note tag, note styling, a lock icon, "Internal" on the item. */
  internalNote?: boolean;
  /** The side the layout puts the message on: inbound/outbound, the bubble's side, an agent badge. */
  side?: 'customer' | 'agent';
}

/** How the role was decided, for tests and for an adapter's unreadable-layout detail. */
export type RoleBasis =
  | 'customer-identity'
  | 'agent-identity'
  | 'note-marker'
  | 'not-customer-and-layout'
  | 'not-agent-and-layout'
  | 'others-policy'
  | 'conflict'
  | 'third-party'
  | 'no-identity';

export interface RoleDecision {
  role: MessageAuthorRole;
  basis: RoleBasis;
}

/** How an author relates to one party: the same person, someone else, signals that contradict, or no way to tell. */
type Match = 'same' | 'different' | 'conflict' | 'unsure';

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Names match when their words are the same (any order); they differ when they share no word at all. */
function compareNames(a: string, b: string): 'same' | 'different' | 'unsure' {
  const left = nameWords(a);
  const right = nameWords(b);
  if (left.length === 0 || right.length === 0) return 'unsure';
  if (left.length === right.length && left.every((word, index) => word === right[index])) return 'same';
  return left.some((word) => right.includes(word)) ? 'unsure' : 'different';
}

function matchPerson(author: PersonIdentity, person: PersonIdentity): Match {
  const strong: boolean[] = [];
  if (author.email !== undefined && person.email !== undefined) strong.push(sameText(author.email, person.email));
  if (author.profileId !== undefined && person.profileId !== undefined) strong.push(author.profileId.trim() === person.profileId.trim());
  const names = author.name !== undefined && person.name !== undefined ? compareNames(author.name, person.name) : 'unsure';
  if (strong.includes(true)) return strong.includes(false) || names === 'different' ? 'conflict' : 'same';
  if (strong.includes(false)) return names === 'same' ? 'conflict' : 'different';
  return names;
}

/** The same address or the same profile id: a match a look-alike name cannot make. */
function strongMatch(author: PersonIdentity, person: PersonIdentity): boolean {
  const email = author.email !== undefined && person.email !== undefined && sameText(author.email, person.email);
  const profile = author.profileId !== undefined && person.profileId !== undefined && author.profileId.trim() === person.profileId.trim();
  return email || profile;
}

/** The two disagree on the address alone: no profile id contradicts, and the names do not differ. */
function differsOnlyInAddress(author: PersonIdentity, person: PersonIdentity): boolean {
  const profiles = author.profileId !== undefined && person.profileId !== undefined;
  const names = author.name !== undefined && person.name !== undefined ? compareNames(author.name, person.name) : 'unsure';
  return (!profiles || author.profileId?.trim() === person.profileId?.trim()) && names !== 'different';
}

/** The author against every known identity of one party: any match is the party; a contradiction is never resolved by guessing. */
function matchParty(author: PersonIdentity, party: readonly PersonIdentity[]): Match {
  const results = party.map((person) => matchPerson(author, person));
  // One person may have several addresses (an alias the page shows): an identity matched on its
  // address or profile outweighs another identity of the same party that differs from the author
  // only in its address. Any other contradiction still decides nothing.
  const provenByAlias = party.some((person, index) => results[index] === 'same' && strongMatch(author, person));
  const conflicts = party.filter((_, index) => results[index] === 'conflict');
  if (conflicts.length > 0 && !(provenByAlias && conflicts.every((person) => differsOnlyInAddress(author, person)))) return 'conflict';
  if (results.includes('same')) return 'same';
  if (results.length > 0 && results.every((result) => result === 'different')) return 'different';
  return 'unsure';
}

function decided(role: MessageAuthorRole, basis: RoleBasis): RoleDecision {
  return { role, basis };
}

/** The role of a message by `author` in a ticket whose parties are `context`, with the layout's `cues`. */
export function decideAuthorRole(author: PersonIdentity, context: RoleContext, cues: LayoutCues = {}): RoleDecision {
  const customer = matchParty(author, context.customers);
  const agent = matchParty(author, context.agents);
  const note = cues.internalNote === true;
  if (customer === 'conflict' || agent === 'conflict' || (customer === 'same' && agent === 'same')) return decided('unknown', 'conflict');

  if (customer === 'same') {
    // The customer cannot write an internal note, nor sit on the agent's side: the page contradicts itself.
    return note || cues.side === 'agent' ? decided('unknown', 'conflict') : decided('customer', 'customer-identity');
  }
  if (agent === 'same') {
    if (cues.side === 'customer') return decided('unknown', 'conflict');
    return note ? decided('internal', 'note-marker') : decided('agent', 'agent-identity');
  }
  // Neither known party. A note is internal whoever wrote it (identity has ruled out the customer or cannot tell).
  if (note) return decided('internal', 'note-marker');
  const notCustomer = customer === 'different';
  const notAgent = agent === 'different';
  if (notCustomer && cues.side === 'agent') return decided('agent', 'not-customer-and-layout');
  if (notAgent && cues.side === 'customer') return decided('customer', 'not-agent-and-layout');
  // The layout may only break a tie, never overrule identity: "not the customer" yet "customer side" is no tie.
  if (cues.side !== undefined && (notCustomer || notAgent)) return decided('unknown', 'conflict');
  const others = context.others ?? 'unknown';
  if (others === 'agent' && notCustomer) return decided('agent', 'others-policy');
  if (others === 'customer' && notAgent) return decided('customer', 'others-policy');
  return decided('unknown', notCustomer || notAgent ? 'third-party' : 'no-identity');
}

/** Just the role. */
export function authorRole(author: PersonIdentity, context: RoleContext, cues?: LayoutCues): MessageAuthorRole {
  return decideAuthorRole(author, context, cues).role;
}
