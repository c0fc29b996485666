/**
 * Which helpdesks Tandem reads (the agent can switch each off) and the admin's host mappings: an
 * extra host (a custom domain, a proxy, an intranet helpdesk) read as Gmail, Zendesk, Salesforce,
 * or "auto" (told from the page's markup). One zod schema for the options page that writes them,
 * the background that registers content scripts for them, and the content scripts that obey them.
 */
import { z } from 'zod';
import { HELPDESK_SITES, knownSiteForHost, type DetectableSite, type HelpdeskSite } from '../adapters/siteHosts';

/** Keys in `chrome.storage.local`, beside the connection settings. */
export const SITE_SETTINGS_KEYS = {
  enabledSites: 'enabledSites',
  hostMappings: 'hostMappings',
} as const;

export const MAX_HOST_MAPPINGS = 50;

/** One DNS label: letters, digits and inner hyphens (IDN hosts are typed in their xn-- form). */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** `support.acme.com`, `helpdesk` (an intranet name), or `*.acme.com`: a wildcard needs a registrable part under it. */
const HOST_PATTERN = new RegExp(`^(?:\\*\\.${LABEL}(?:\\.${LABEL})+|${LABEL}(?:\\.${LABEL})*)$`);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

export const mappedSiteSchema = z.enum([...HELPDESK_SITES, 'auto']);
export const mappingSchemeSchema = z.enum(['https', 'http']);

export const mappedHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, 'Host is too long')
  .regex(HOST_PATTERN, 'Host must be a name such as support.example.com or *.example.com (no scheme, port or path)')
  .refine((host) => !LOOPBACK_HOSTS.has(host), 'Loopback pages are always read; they need no mapping')
  .refine((host) => knownSiteForHost(host.replace(/^\*\./, '')) === undefined, 'Tandem already reads this host without a mapping');

export const hostMappingSchema = z.object({
  host: mappedHostSchema,
  scheme: mappingSchemeSchema.default('https'),
  site: mappedSiteSchema,
});
export type HostMapping = z.infer<typeof hostMappingSchema>;

export const hostMappingsSchema = z
  .array(hostMappingSchema)
  .max(MAX_HOST_MAPPINGS, `At most ${MAX_HOST_MAPPINGS} host mappings`)
  .superRefine((mappings, context) => {
    const seen = new Set<string>();
    for (const [index, mapping] of mappings.entries()) {
      const key = `${mapping.scheme}://${mapping.host}`;
      if (seen.has(key)) context.addIssue({ code: 'custom', path: [index, 'host'], message: `${key} is mapped twice` });
      seen.add(key);
    }
  });

export const enabledSitesSchema = z.object({
  gmail: z.boolean(),
  zendesk: z.boolean(),
  salesforce: z.boolean(),
});
export type EnabledSites = z.infer<typeof enabledSitesSchema>;

export const siteSettingsSchema = z.object({
  enabledSites: enabledSitesSchema,
  hostMappings: hostMappingsSchema,
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  enabledSites: { gmail: true, zendesk: true, salesforce: true },
  hostMappings: [],
};

/**
 * Settings from a raw `chrome.storage.local` snapshot. Each part falls back to its default on its
 * own, so a damaged mapping list never switches a site off, nor the reverse.
 */
export function siteSettingsFromStorage(stored: Record<string, unknown>): SiteSettings {
  const enabled = enabledSitesSchema.partial().safeParse(stored[SITE_SETTINGS_KEYS.enabledSites]);
  const mappings = hostMappingsSchema.safeParse(stored[SITE_SETTINGS_KEYS.hostMappings]);
  return {
    enabledSites: { ...DEFAULT_SITE_SETTINGS.enabledSites, ...(enabled.success ? enabled.data : {}) },
    hostMappings: mappings.success ? mappings.data : DEFAULT_SITE_SETTINGS.hostMappings,
  };
}

/** Tandem's own fixture helpdesk (tests, demos) cannot be switched off. */
export function isSiteEnabled(settings: SiteSettings, site: DetectableSite): boolean {
  return site === 'fixture' || settings.enabledSites[site];
}

/** The Chrome match pattern (also the permission origin) a mapping's content script runs on; patterns carry no port. */
export function matchPatternFor(mapping: Pick<HostMapping, 'host' | 'scheme'>): string {
  return `${mapping.scheme}://${mapping.host}/*`;
}

export type HostEntry = { ok: true; host: string; scheme: HostMapping['scheme'] } | { ok: false; message: string };

/**
 * What an admin typed in the host field: `support.acme.com`, `*.acme.com`, or with a scheme
 * (`http://intranet-desk`). A trailing slash is forgiven; a path, port or other scheme is not.
 */
export function parseHostEntry(text: string): HostEntry {
  const trimmed = text.trim();
  const withScheme = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(trimmed);
  const typedScheme = withScheme?.[1]?.toLowerCase();
  const scheme = mappingSchemeSchema.safeParse(typedScheme ?? 'https');
  if (!scheme.success) return { ok: false, message: 'Only http:// and https:// hosts can be mapped' };
  const host = mappedHostSchema.safeParse((withScheme?.[2] ?? trimmed).replace(/\/$/, ''));
  if (!host.success) return { ok: false, message: host.error.issues[0]?.message ?? 'Invalid host' };
  return { ok: true, host: host.data, scheme: scheme.data };
}

export const SITE_LABELS: Readonly<Record<HelpdeskSite | 'auto', string>> = {
  gmail: 'Gmail',
  zendesk: 'Zendesk',
  salesforce: 'Salesforce',
  auto: 'Auto-detect from the page',
};
