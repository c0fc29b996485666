/**
 * Who is who on a Salesforce case, and so who wrote each message. The customer is the case's
 * contact, else the person the web form named (SuppliedName / SuppliedEmail); the agents the page
 * names are the case owner (when a user, not a queue). A message's role is then decided by identity
 * (authorRoles.ts); layout only adds what Salesforce states itself: the direction of an e-mail and
 * a post's "<Company> Only" visibility.
 */
import type { TicketContextInput } from '@tandem/shared/ticket-reading';
import { decideAuthorRole, type LayoutCues, type PersonIdentity, type RoleDecision } from './authorRoles';
import { RECORD_PREFIX } from './salesforceSelectors';

export type Requester = TicketContextInput['requester'];

/** A person as one link or line on the page shows them. */
export interface PageIdentity {
  name?: string;
  email?: string;
  /** The record id their link points at: a user (005…) or a contact (003…). */
  recordId?: string;
}

export interface CaseParties {
  requester: Requester;
  /** The contact's record id, when the Contact Name field links it. */
  contactId?: string;
  /**
   * The customer's other address the case itself records: Email-to-Case and Web-to-Case keep the
   * sender's name and address (SuppliedName / SuppliedEmail) when the case is then linked to a
   * contact with another address.
   */
  alias?: PageIdentity;
  /** The case owner, when the owner is a user (a queue owns no messages). */
  owner?: PageIdentity;
}

function isRecord(id: string | undefined, prefix: string): boolean {
  return id?.startsWith(prefix) === true;
}

export function isUserId(id: string | undefined): boolean {
  return isRecord(id, RECORD_PREFIX.user);
}

export function isContactId(id: string | undefined): boolean {
  return isRecord(id, RECORD_PREFIX.contact);
}

function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/**
 * The identities to compare one author against. A record id is only compared with an id of the
 * same kind: a portal user (005…) and the contact record (003…) they belong to are the same person
 * with two different ids, so mixing the kinds would make every portal reply a contradiction.
 */
function comparable(
  author: PageIdentity,
  parties: CaseParties,
): { author: PersonIdentity; customers: PersonIdentity[]; agents: PersonIdentity[] } {
  const authorIsUser = isUserId(author.recordId);
  const authorIsContact = isContactId(author.recordId);
  const customer = present({
    name: parties.requester.name,
    email: parties.requester.email,
    profileId: authorIsContact ? parties.contactId : undefined,
  });
  const owner =
    parties.owner === undefined
      ? []
      : [present({ name: parties.owner.name, profileId: authorIsUser ? parties.owner.recordId : undefined })];
  const alias = parties.alias === undefined ? [] : [present({ name: parties.alias.name, email: parties.alias.email })];
  return {
    author: present({ name: author.name, email: author.email, profileId: authorIsUser || authorIsContact ? author.recordId : undefined }),
    customers: [...(Object.keys(customer).length === 0 ? [] : [customer]), ...alias],
    agents: owner,
  };
}

/** The case's contact when it has one; else the person the web form named (Web-to-Case). */
export function requesterOf(contactName?: string, contactEmail?: string, suppliedName?: string, suppliedEmail?: string): Requester {
  const hasContact = contactName !== undefined || contactEmail !== undefined;
  const name = hasContact ? contactName : suppliedName;
  const email = hasContact ? contactEmail : suppliedEmail;
  return { ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }) };
}

/** The web fields as the customer's second identity, when they name another address than the requester's. */
export function aliasOf(requester: Requester, suppliedName?: string, suppliedEmail?: string): PageIdentity | undefined {
  if (suppliedEmail === undefined || suppliedEmail.toLowerCase() === requester.email?.toLowerCase()) return undefined;
  return { ...(suppliedName === undefined ? {} : { name: suppliedName }), email: suppliedEmail };
}

/** The role of a message by `author`; the site's rule for strangers is 'unknown' (a CC'd colleague, another user). */
export function decideRole(author: PageIdentity, parties: CaseParties, cues: LayoutCues): RoleDecision {
  const { author: identity, customers, agents } = comparable(author, parties);
  return decideAuthorRole(identity, { customers, agents, others: 'unknown' }, cues);
}

/** The domain of an address, lower case. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
