/**
 * The site settings as every context reads them, without zod: the storage keys, the defaults,
 * reading a raw `chrome.storage.local` snapshot, and the questions content scripts ask of it (is
 * this site on? which pattern does a mapping cover?). Content scripts import this module, not
 * siteSettings.ts, whose zod schemas serve the options page that writes the settings; the rules
 * (host pattern, limits, lists) live here once and the schemas are built from them.
 */
import { HELPDESK_SITES, knownSiteForHost, type DetectableSite } from '../adapters/siteHosts';
import type { EnabledSites, HostMapping, SiteSettings } from './siteSettings';

/** Keys in `chrome.storage.local`, beside the connection settings. */
export const SITE_SETTINGS_KEYS = {
  enabledSites: 'enabledSites',
  hostMappings: 'hostMappings',
} as const;

export const MAX_HOST_MAPPINGS = 50;
export const MAX_HOST_LENGTH = 253;

/** One DNS label: letters, digits and inner hyphens (IDN hosts are typed in their xn-- form). */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** `support.acme.com`, `helpdesk` (an intranet name), or `*.acme.com`: a wildcard needs a registrable part under it. */
export const HOST_PATTERN = new RegExp(`^(?:\\*\\.${LABEL}(?:\\.${LABEL})+|${LABEL}(?:\\.${LABEL})*)$`);
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost']);
export const MAPPING_SCHEMES = ['https', 'http'] as const;
export const MAPPED_SITES = [...HELPDESK_SITES, 'auto'] as const;

export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  enabledSites: { gmail: true, zendesk: true, salesforce: true },
  hostMappings: [],
};

/** Why a host cannot be mapped, or undefined when it can (the host already trimmed and lower-cased). */
export function hostProblem(host: string): 'invalid' | 'loopback' | 'known' | undefined {
  if (host.length > MAX_HOST_LENGTH || !HOST_PATTERN.test(host)) return 'invalid';
  if (LOOPBACK_HOSTS.has(host)) return 'loopback';
  if (knownSiteForHost(host.replace(/^\*\./, '')) !== undefined) return 'known';
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function storedEnabledSites(value: unknown): Partial<EnabledSites> | undefined {
  if (!isRecord(value)) return undefined;
  const enabled: Partial<EnabledSites> = {};
  for (const site of HELPDESK_SITES) {
    const flag = value[site];
    if (flag === undefined) continue;
    if (typeof flag !== 'boolean') return undefined;
    enabled[site] = flag;
  }
  return enabled;
}

function storedMapping(value: unknown): HostMapping | undefined {
  if (!isRecord(value) || typeof value.host !== 'string') return undefined;
  const host = value.host.trim().toLowerCase();
  const scheme = value.scheme ?? 'https';
  const site = MAPPED_SITES.find((each) => each === value.site);
  const knownScheme = MAPPING_SCHEMES.find((each) => each === scheme);
  if (hostProblem(host) !== undefined || site === undefined || knownScheme === undefined) return undefined;
  return { host, scheme: knownScheme, site };
}

function storedMappings(value: unknown): HostMapping[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_HOST_MAPPINGS) return undefined;
  const mappings: HostMapping[] = [];
  const seen = new Set<string>();
  for (const item of value) {
    const mapping = storedMapping(item);
    if (mapping === undefined) return undefined;
    const key = `${mapping.scheme}://${mapping.host}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    mappings.push(mapping);
  }
  return mappings;
}

/**
 * Settings from a raw `chrome.storage.local` snapshot, checked as `siteSettingsSchema` would (a
 * test holds the two together). Each part falls back to its default on its own, so a damaged
 * mapping list never switches a site off, nor the reverse.
 */
export function siteSettingsFromStorage(stored: Record<string, unknown>): SiteSettings {
  const enabled = storedEnabledSites(stored[SITE_SETTINGS_KEYS.enabledSites]);
  const mappings = storedMappings(stored[SITE_SETTINGS_KEYS.hostMappings]);
  return {
    enabledSites: { ...DEFAULT_SITE_SETTINGS.enabledSites, ...enabled },
    hostMappings: mappings ?? DEFAULT_SITE_SETTINGS.hostMappings,
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
