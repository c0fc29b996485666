/**
 * Decides, before any connection is made, which address a request to a URL may connect to. With
 * private URLs disallowed the host is resolved once, every address it resolves to must be
 * allowed, and the request is then pinned (see pinnedLookup) to one of those validated addresses, so a DNS answer
 * that changes between the check and the connect (DNS rebinding) cannot redirect it inward.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPrivateHostname, isPublicAddress, normalizeHostname } from './addressPolicy.js';
import { NetworkPolicyError } from './networkPolicyError.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface AddressRules {
  allowPrivate: boolean;
  /** Which addresses may be connected to when private URLs are disallowed (default: public unicast only). */
  isAllowedAddress?: (address: string) => boolean;
  /** Every address a host name resolves to (default: the system resolver, as connections would use). */
  resolveHost?: (hostname: string) => Promise<ResolvedAddress[]>;
}

/** Where to connect: `undefined` leaves resolution to the system (private URLs allowed). */
export type ConnectTarget = ResolvedAddress | undefined;

export async function guardHost(url: URL, rules: AddressRules): Promise<ConnectTarget> {
  if (rules.allowPrivate) return undefined;
  const hostname = normalizeHostname(url.hostname);
  const isAllowed = rules.isAllowedAddress ?? isPublicAddress;
  const version = isIP(hostname);
  if (version === 4 || version === 6) {
    if (!isAllowed(hostname)) throw refused(url, hostname);
    return { address: hostname, family: version };
  }
  if (!hostname || isPrivateHostname(hostname)) throw refused(url, hostname || 'an empty host');
  const addresses = await resolve(hostname, rules.resolveHost ?? systemResolve);
  const blocked = addresses.find((entry) => !isAllowed(entry.address));
  // One private answer is enough to refuse: which answer a connection would use is not ours to pick.
  if (blocked) throw refused(url, blocked.address);
  const [first] = addresses;
  if (!first) throw new NetworkPolicyError('UNRESOLVED', `${url.hostname} did not resolve to any address.`);
  return first;
}

async function resolve(hostname: string, resolver: (hostname: string) => Promise<ResolvedAddress[]>): Promise<ResolvedAddress[]> {
  try {
    return await resolver(hostname);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new NetworkPolicyError('UNRESOLVED', `Could not resolve ${hostname}${typeof code === 'string' ? ` (${code})` : ''}.`);
  }
}

async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  const entries = await lookup(hostname, { all: true, verbatim: true });
  return entries.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
}

function refused(url: URL, address: string): NetworkPolicyError {
  return new NetworkPolicyError('PRIVATE_ADDRESS', `Refusing to fetch ${url.origin}: ${address} is a private or local address.`);
}
