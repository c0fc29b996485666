/**
 * Which helpdesks Tandem reads (the agent can switch each off) and the admin's host mappings: an
 * extra host (a custom domain, a proxy, an intranet helpdesk) read as Gmail, Zendesk, Salesforce,
 * or "auto" (told from the page's markup). The zod schemas here serve the options page that
 * writes them; every context reads them with siteSettingsReading.ts (no zod, so content scripts
 * stay small), whose rules these schemas are built from.
 */
import { z } from 'zod';
import type { HelpdeskSite } from '../adapters/siteHosts';
import { gmailSite, salesforceSite, zendeskSite } from '../adapters/sites';
import {
  DEFAULT_SITE_SETTINGS,
  hostProblem,
  isSiteEnabled,
  MAPPED_SITES,
  MAPPING_SCHEMES,
  matchPatternFor,
  MAX_HOST_LENGTH,
  MAX_HOST_MAPPINGS,
  SITE_SETTINGS_KEYS,
  siteSettingsFromStorage,
} from './siteSettingsReading';

export { DEFAULT_SITE_SETTINGS, isSiteEnabled, matchPatternFor, MAX_HOST_MAPPINGS, SITE_SETTINGS_KEYS, siteSettingsFromStorage };

export const mappedSiteSchema = z.enum(MAPPED_SITES);
export const mappingSchemeSchema = z.enum(MAPPING_SCHEMES);

export const mappedHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_HOST_LENGTH, 'Host is too long')
  .refine(
    (host) => hostProblem(host) !== 'invalid',
    'Host must be a name such as support.example.com or *.example.com (no scheme, port or path)',
  )
  .refine((host) => hostProblem(host) !== 'loopback', 'Loopback pages are always read; they need no mapping')
  .refine((host) => hostProblem(host) !== 'known', 'Tandem already reads this host without a mapping');

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
  gmail: gmailSite.label,
  zendesk: zendeskSite.label,
  salesforce: salesforceSite.label,
  auto: 'Auto-detect from the page',
};
