/**
 * Which site a host belongs to, without looking at any page: the helpdesks' own hosts (from their
 * descriptors in sites/) and an admin's host mappings. No DOM here, so the background and the
 * options page can use it too.
 */
import { HELPDESK_DESCRIPTORS, HELPDESK_SITES, type DetectableSite, type HelpdeskSite } from './sites';

export { HELPDESK_SITES, type DetectableSite, type HelpdeskSite };
/** What an admin maps a host to: one helpdesk, or "tell from the page". */
export type MappedSite = HelpdeskSite | 'auto';

/** One admin mapping: an exact host (`support.acme.com`) or a wildcard (`*.acme.com`, any subdomain). */
export interface HostMappingRule {
  host: string;
  site: MappedSite;
}

/** The helpdesks' own host patterns, each with its site: derived from the descriptors, never listed twice. */
export const KNOWN_HOSTS: readonly { pattern: string; site: HelpdeskSite }[] = HELPDESK_DESCRIPTORS.flatMap((descriptor) =>
  descriptor.hosts.map((pattern) => ({ pattern, site: descriptor.site })),
);

function normalHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** Whether a host pattern (exact, or `*.example.com` for any subdomain of example.com) covers `hostname`. */
export function hostMatches(pattern: string, hostname: string): boolean {
  const host = normalHost(hostname);
  const wanted = normalHost(pattern);
  if (!wanted.startsWith('*.')) return host === wanted;
  const suffix = wanted.slice(1);
  return host.endsWith(suffix) && host.length > suffix.length;
}

/** Whether `hostname` is one of a site's own hosts (`hosts` from its descriptor). */
export function isOwnHost(hosts: readonly string[], hostname: string): boolean {
  return hosts.some((pattern) => hostMatches(pattern, hostname));
}

/** The helpdesk whose own domain `hostname` is, if any. */
export function knownSiteForHost(hostname: string): HelpdeskSite | undefined {
  return KNOWN_HOSTS.find(({ pattern }) => hostMatches(pattern, hostname))?.site;
}

/** The mapping for `hostname`: an exact host wins over wildcards, and a longer wildcard over a shorter one. */
export function mappedSiteForHost(hostname: string, mappings: readonly HostMappingRule[]): MappedSite | undefined {
  const matching = mappings.filter((mapping) => hostMatches(mapping.host, hostname));
  const specificity = (mapping: HostMappingRule) => (mapping.host.startsWith('*.') ? mapping.host.length : Number.MAX_SAFE_INTEGER);
  return matching.sort((a, b) => specificity(b) - specificity(a))[0]?.site;
}
