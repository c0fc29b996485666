/**
 * Which site a host belongs to, without looking at any page: the helpdesks' own domains and an
 * admin's host mappings. No DOM here, so the background and the options page can use it too.
 */

/** The helpdesks an admin can map a host to and switch on or off. */
export const HELPDESK_SITES = ['gmail', 'zendesk', 'salesforce'] as const;
export type HelpdeskSite = (typeof HELPDESK_SITES)[number];
/** Every site the registry can pick; 'fixture' is Tandem's own test helpdesk. */
export type DetectableSite = HelpdeskSite | 'fixture';
/** What an admin maps a host to: one helpdesk, or "tell from the page". */
export type MappedSite = HelpdeskSite | 'auto';

/** One admin mapping: an exact host (`support.acme.com`) or a wildcard (`*.acme.com`, any subdomain). */
export interface HostMappingRule {
  host: string;
  site: MappedSite;
}

/** Host suffixes of the sites' own domains (a leading dot: any subdomain; none: that exact host). */
const KNOWN_HOSTS: readonly { suffix: string; site: HelpdeskSite }[] = [
  { suffix: 'mail.google.com', site: 'gmail' },
  { suffix: '.zendesk.com', site: 'zendesk' },
  { suffix: '.lightning.force.com', site: 'salesforce' },
  { suffix: '.my.salesforce.com', site: 'salesforce' },
  { suffix: '.salesforce.com', site: 'salesforce' },
  { suffix: '.force.com', site: 'salesforce' },
];

function normalHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** The helpdesk whose own domain `hostname` is, if any. */
export function knownSiteForHost(hostname: string): HelpdeskSite | undefined {
  const host = normalHost(hostname);
  return KNOWN_HOSTS.find(({ suffix }) => (suffix.startsWith('.') ? host.endsWith(suffix) && host.length > suffix.length : host === suffix))
    ?.site;
}

/** Whether a mapping's host (exact, or `*.example.com` for any subdomain of example.com) covers `hostname`. */
export function hostMatches(pattern: string, hostname: string): boolean {
  const host = normalHost(hostname);
  const wanted = normalHost(pattern);
  if (!wanted.startsWith('*.')) return host === wanted;
  const suffix = wanted.slice(1);
  return host.endsWith(suffix) && host.length > suffix.length;
}

/** The mapping for `hostname`: an exact host wins over wildcards, and a longer wildcard over a shorter one. */
export function mappedSiteForHost(hostname: string, mappings: readonly HostMappingRule[]): MappedSite | undefined {
  const matching = mappings.filter((mapping) => hostMatches(mapping.host, hostname));
  const specificity = (mapping: HostMappingRule) => (mapping.host.startsWith('*.') ? mapping.host.length : Number.MAX_SAFE_INTEGER);
  return matching.sort((a, b) => specificity(b) - specificity(a))[0]?.site;
}
