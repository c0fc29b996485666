/**
 * Which hosts each helpdesk tab may show, from the extension's site descriptors (never listed
 * twice) plus an admin's host mappings. A host is either a reading host (the site's own domain or
 * a host mapped to it: the preload reads tickets there and main accepts its messages) or a sign-in
 * host (the page may go there to sign in, but nothing it says is accepted). Also the session
 * partition of each site: one persistent partition per helpdesk, so Gmail's cookies never reach
 * Zendesk's pages and neither touches the console's session.
 */
import { z } from 'zod';
import { HELPDESK_DESCRIPTORS } from '../../../../extension/src/adapters/sites';
import { hostMatches } from '../../../../extension/src/adapters/siteHosts';
import { HELPDESK_TAB_SITES, type HelpdeskTabSite } from '../../ipc/helpdeskChannels';
import { helpdeskTabSiteSchema } from '../../ipc/helpdeskSchemas';

/** Where each site signs its agents in when that is off the site's own domain. */
const SIGN_IN_HOSTS: Readonly<Record<HelpdeskTabSite, readonly string[]>> = {
  gmail: ['accounts.google.com'],
  zendesk: [],
  // login.salesforce.com and the org's *.my.salesforce.com are already the site's own hosts.
  salesforce: [],
};

export interface HelpdeskSiteConfig {
  site: HelpdeskTabSite;
  label: string;
  /** `persist:helpdesk-<site>`: kept on disk across launches, shared by every tab of the site only. */
  partition: string;
  /** The site's own host patterns (exact, or `*.` for any subdomain). */
  ownHosts: readonly string[];
  /** Hosts an admin mapped to this site (a helpdesk on the company's own domain). */
  mappedHosts: readonly string[];
  /** Hosts the tab may navigate to only to sign in. */
  signInHosts: readonly string[];
}

export type HostRole = 'read' | 'sign-in';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function helpdeskPartition(site: HelpdeskTabSite): string {
  return `persist:helpdesk-${site}`;
}

/**
 * What `url` is to a site's tab: a reading host, a sign-in host, or nothing (undefined: the tab
 * must not go there). Only https counts, except plain http on loopback (a local fixture helpdesk).
 */
export function hostRole(config: HelpdeskSiteConfig, url: string): HostRole | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const { hostname, protocol } = parsed;
  if (protocol !== 'https:' && !(protocol === 'http:' && LOOPBACK_HOSTS.has(hostname))) return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  const covers = (patterns: readonly string[]) => patterns.some((pattern) => hostMatches(pattern, hostname));
  if (covers(config.ownHosts) || covers(config.mappedHosts)) return 'read';
  if (covers(config.signInHosts)) return 'sign-in';
  return undefined;
}

/** One admin mapping: `host` (exact or `*.` wildcard) belongs to `site`, to read tickets on or only to sign in. */
export interface HelpdeskHostMapping {
  host: string;
  site: HelpdeskTabSite;
  role: HostRole;
}

const hostPatternSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'expected a host name or *.domain')
  // A bare `*.com` would let a tab wander anywhere under a public suffix.
  .refine((host) => !host.startsWith('*.') || host.split('.').length >= 3, 'a wildcard needs at least two labels after *.');

const mappingEntrySchema = z.string().transform((entry, ctx): HelpdeskHostMapping => {
  const [host = '', target = ''] = entry.split('=');
  const [site = '', role] = target.split(':');
  const parsedHost = hostPatternSchema.safeParse(host);
  const parsedSite = helpdeskTabSiteSchema.safeParse(site.trim());
  if (!parsedHost.success || !parsedSite.success || (role !== undefined && role !== 'sign-in')) {
    ctx.addIssue({ code: 'custom', message: `expected host=site or host=site:sign-in, got '${entry}'` });
    return z.NEVER;
  }
  return { host: parsedHost.data, site: parsedSite.data, role: role === undefined ? 'read' : 'sign-in' };
});

export class HelpdeskHostsError extends Error {
  override name = 'HelpdeskHostsError';
}

/**
 * An admin's mappings from TANDEM_HELPDESK_HOSTS, comma-separated:
 * `support.acme.com=zendesk,acme.okta.com=zendesk:sign-in`. A malformed entry stops the app
 * with a clear message rather than silently narrowing or widening what a tab may open.
 */
export function parseHelpdeskHosts(value: string | undefined): HelpdeskHostMapping[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const parsed = z.array(mappingEntrySchema).safeParse(entries);
  if (!parsed.success) {
    throw new HelpdeskHostsError(`TANDEM_HELPDESK_HOSTS: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  return parsed.data;
}

/** Every site's configuration: its descriptor's hosts, the sign-in hosts and the admin's mappings. */
export function helpdeskSiteConfigs(mappings: readonly HelpdeskHostMapping[] = []): Record<HelpdeskTabSite, HelpdeskSiteConfig> {
  const entries = HELPDESK_TAB_SITES.map((site): [HelpdeskTabSite, HelpdeskSiteConfig] => {
    const descriptor = HELPDESK_DESCRIPTORS.find((each) => each.site === site);
    if (descriptor === undefined) throw new Error(`No site descriptor for ${site}`);
    const mapped = (role: HostRole) => mappings.filter((mapping) => mapping.site === site && mapping.role === role).map(({ host }) => host);
    return [
      site,
      {
        site,
        label: descriptor.label,
        partition: helpdeskPartition(site),
        ownHosts: descriptor.hosts,
        mappedHosts: mapped('read'),
        signInHosts: [...SIGN_IN_HOSTS[site], ...mapped('sign-in')],
      },
    ];
  });
  return Object.fromEntries(entries) as Record<HelpdeskTabSite, HelpdeskSiteConfig>;
}

/** The site whose tab may read `url`: its own domain first, then an admin mapping. */
export function siteForUrl(configs: Record<HelpdeskTabSite, HelpdeskSiteConfig>, url: string): HelpdeskTabSite | undefined {
  const sites = HELPDESK_TAB_SITES.filter((site) => hostRole(configs[site], url) === 'read');
  return sites.find((site) => hostRole({ ...configs[site], mappedHosts: [] }, url) === 'read') ?? sites[0];
}
