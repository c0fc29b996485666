/**
 * The zod-free settings reader content scripts use, held against the options page's zod schemas:
 * for every stored snapshot below, both read the same settings (defaults per part when a part is
 * damaged), so a content script never obeys settings the options page would not have written.
 */
import { describe, expect, it } from 'vitest';
import { enabledSitesSchema, hostMappingsSchema, type SiteSettings } from './siteSettings';
import { DEFAULT_SITE_SETTINGS, hostProblem, SITE_SETTINGS_KEYS, siteSettingsFromStorage } from './siteSettingsReading';

/** What the reader did with zod before it was split out: the reference. */
function readWithZod(stored: Record<string, unknown>): SiteSettings {
  const enabled = enabledSitesSchema.partial().safeParse(stored[SITE_SETTINGS_KEYS.enabledSites]);
  const mappings = hostMappingsSchema.safeParse(stored[SITE_SETTINGS_KEYS.hostMappings]);
  return {
    enabledSites: { ...DEFAULT_SITE_SETTINGS.enabledSites, ...(enabled.success ? enabled.data : {}) },
    hostMappings: mappings.success ? mappings.data : DEFAULT_SITE_SETTINGS.hostMappings,
  };
}

const mapping = (host: unknown, site: unknown = 'zendesk', scheme?: unknown) => ({
  host,
  site,
  ...(scheme === undefined ? {} : { scheme }),
});

const SNAPSHOTS: Record<string, unknown>[] = [
  {},
  { enabledSites: { gmail: false } },
  { enabledSites: { gmail: false, zendesk: true, salesforce: false, myspace: true } },
  { enabledSites: { gmail: 'no' } },
  { enabledSites: 'off' },
  { enabledSites: null },
  { hostMappings: [mapping('support.acme.com')] },
  { hostMappings: [mapping('  Support.ACME.com ', 'auto', 'http')] },
  { hostMappings: [mapping('*.acme.com', 'salesforce')] },
  { hostMappings: [mapping('desk-intranet', 'gmail', 'http'), mapping('desk-intranet', 'gmail', 'https')] },
  { hostMappings: [mapping('support.acme.com'), mapping('SUPPORT.acme.com')] },
  { hostMappings: [mapping('127.0.0.1')] },
  { hostMappings: [mapping('acme.zendesk.com')] },
  { hostMappings: [mapping('*.zendesk.com')] },
  { hostMappings: [mapping('support.acme.com:8443')] },
  { hostMappings: [mapping('*.com')] },
  { hostMappings: [mapping(`${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.com`)] },
  { hostMappings: [mapping('support.acme.com', 'myspace')] },
  { hostMappings: [mapping('support.acme.com', 'zendesk', 'ftp')] },
  { hostMappings: [mapping(42)] },
  { hostMappings: Array.from({ length: 51 }, (_, index) => mapping(`h${index}.acme.com`)) },
  { hostMappings: Array.from({ length: 50 }, (_, index) => mapping(`h${index}.acme.com`)) },
  { hostMappings: 'support.acme.com' },
  { enabledSites: { salesforce: false }, hostMappings: [mapping('bad host')] },
];

describe('siteSettingsFromStorage', () => {
  it.each(SNAPSHOTS.map((snapshot) => [JSON.stringify(snapshot).slice(0, 90), snapshot] as const))(
    'reads %s as the zod schemas do',
    (_label, snapshot) => {
      expect(siteSettingsFromStorage(snapshot)).toEqual(readWithZod(snapshot));
    },
  );

  it('keeps each part on its own: a damaged mapping list never switches a site off', () => {
    expect(siteSettingsFromStorage({ enabledSites: { salesforce: false }, hostMappings: [mapping('bad host')] })).toEqual({
      enabledSites: { gmail: true, zendesk: true, salesforce: false },
      hostMappings: [],
    });
  });
});

describe('hostProblem', () => {
  it('names why a host cannot be mapped', () => {
    expect(hostProblem('support.acme.com')).toBeUndefined();
    expect(hostProblem('localhost')).toBe('loopback');
    expect(hostProblem('*.my.salesforce.com')).toBe('known');
    expect(hostProblem('acme.*.com')).toBe('invalid');
  });
});
