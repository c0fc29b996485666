/**
 * Site settings: which helpdesks are on, and the admin's host mappings (validated hosts, no
 * duplicates, nothing Tandem already reads), read from storage part by part.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SITE_SETTINGS,
  hostMappingsSchema,
  isSiteEnabled,
  matchPatternFor,
  parseHostEntry,
  SITE_SETTINGS_KEYS,
  siteSettingsFromStorage,
} from './siteSettings';
import { siteSettingsDraftFrom, validateSiteSettingsDraft } from './validateSiteSettings';

describe('parseHostEntry', () => {
  it.each([
    ['support.acme.com', 'support.acme.com', 'https'],
    ['  Support.ACME.com/ ', 'support.acme.com', 'https'],
    ['https://support.acme.com', 'support.acme.com', 'https'],
    ['http://desk-intranet', 'desk-intranet', 'http'],
    ['HTTP://Desk.Intranet.local/', 'desk.intranet.local', 'http'],
    ['*.acme.com', '*.acme.com', 'https'],
    ['10.0.0.12', '10.0.0.12', 'https'],
  ])('accepts %j as %s over %s', (typed, host, scheme) => {
    expect(parseHostEntry(typed)).toEqual({ ok: true, host, scheme });
  });

  it.each([
    ['ftp://files.acme.com', 'Only http:// and https:// hosts can be mapped'],
    ['javascript://alert(1)', 'Only http:// and https:// hosts can be mapped'],
    ['support.acme.com:8443', 'Host must be'],
    ['support.acme.com/agent', 'Host must be'],
    ['*.com', 'Host must be'],
    ['*', 'Host must be'],
    ['acme.*.com', 'Host must be'],
    ['-bad-.acme.com', 'Host must be'],
    ['', 'Host must be'],
    ['127.0.0.1', 'Loopback pages are always read'],
    ['localhost', 'Loopback pages are always read'],
    ['mail.google.com', 'Tandem already reads this host'],
    ['acme.zendesk.com', 'Tandem already reads this host'],
    ['*.my.salesforce.com', 'Tandem already reads this host'],
  ])('rejects %j', (typed, message) => {
    const entry = parseHostEntry(typed);
    expect(entry.ok).toBe(false);
    if (!entry.ok) expect(entry.message).toContain(message);
  });
});

describe('hostMappingsSchema', () => {
  it('rejects the same host twice, and allows it once per scheme', () => {
    const twice = hostMappingsSchema.safeParse([
      { host: 'desk.acme.com', site: 'zendesk' },
      { host: 'DESK.acme.com', site: 'auto' },
    ]);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.message).toBe('https://desk.acme.com is mapped twice');

    expect(
      hostMappingsSchema.safeParse([
        { host: 'desk.acme.com', scheme: 'https', site: 'zendesk' },
        { host: 'desk.acme.com', scheme: 'http', site: 'zendesk' },
      ]).success,
    ).toBe(true);
  });

  it('rejects an unknown site and more than 50 mappings', () => {
    expect(hostMappingsSchema.safeParse([{ host: 'desk.acme.com', site: 'freshdesk' }]).success).toBe(false);
    const many = Array.from({ length: 51 }, (_, index) => ({ host: `desk${index}.acme.com`, site: 'auto' }));
    expect(hostMappingsSchema.safeParse(many).success).toBe(false);
  });
});

describe('siteSettingsFromStorage', () => {
  it('defaults to every site on and no mappings', () => {
    expect(siteSettingsFromStorage({})).toEqual(DEFAULT_SITE_SETTINGS);
  });

  it('reads valid values, filling a missing site as on', () => {
    const settings = siteSettingsFromStorage({
      [SITE_SETTINGS_KEYS.enabledSites]: { gmail: false },
      [SITE_SETTINGS_KEYS.hostMappings]: [{ host: 'desk.acme.com', site: 'zendesk' }],
    });
    expect(settings).toEqual({
      enabledSites: { gmail: false, zendesk: true, salesforce: true },
      hostMappings: [{ host: 'desk.acme.com', scheme: 'https', site: 'zendesk' }],
    });
  });

  it('falls back part by part: damaged mappings never switch a site off, nor the reverse', () => {
    expect(
      siteSettingsFromStorage({
        [SITE_SETTINGS_KEYS.enabledSites]: { gmail: false },
        [SITE_SETTINGS_KEYS.hostMappings]: [{ host: 'mail.google.com', site: 'gmail' }],
      }),
    ).toEqual({ enabledSites: { gmail: false, zendesk: true, salesforce: true }, hostMappings: [] });
    expect(
      siteSettingsFromStorage({
        [SITE_SETTINGS_KEYS.enabledSites]: 'off',
        [SITE_SETTINGS_KEYS.hostMappings]: [{ host: 'desk.acme.com', site: 'auto' }],
      }).enabledSites,
    ).toEqual(DEFAULT_SITE_SETTINGS.enabledSites);
  });
});

describe('site helpers', () => {
  it('keeps the fixture helpdesk on whatever the settings say', () => {
    const allOff = { ...DEFAULT_SITE_SETTINGS, enabledSites: { gmail: false, zendesk: false, salesforce: false } };
    expect(isSiteEnabled(allOff, 'fixture')).toBe(true);
    expect(isSiteEnabled(allOff, 'zendesk')).toBe(false);
  });

  it('builds the match pattern (and permission origin) of a mapping', () => {
    expect(matchPatternFor({ host: 'desk.acme.com', scheme: 'https' })).toBe('https://desk.acme.com/*');
    expect(matchPatternFor({ host: '*.acme.com', scheme: 'http' })).toBe('http://*.acme.com/*');
  });
});

describe('validateSiteSettingsDraft', () => {
  it('turns form rows into settings, dropping blank rows', () => {
    expect(
      validateSiteSettingsDraft({
        enabledSites: { gmail: true, zendesk: false, salesforce: true },
        hostMappings: [
          { host: ' https://Desk.Acme.com ', site: 'zendesk' },
          { host: '   ', site: 'auto' },
          { host: 'http://intranet-desk', site: 'auto' },
        ],
      }),
    ).toEqual({
      ok: true,
      settings: {
        enabledSites: { gmail: true, zendesk: false, salesforce: true },
        hostMappings: [
          { host: 'desk.acme.com', scheme: 'https', site: 'zendesk' },
          { host: 'intranet-desk', scheme: 'http', site: 'auto' },
        ],
      },
    });
  });

  it('names the row of the first problem', () => {
    expect(
      validateSiteSettingsDraft({
        enabledSites: DEFAULT_SITE_SETTINGS.enabledSites,
        hostMappings: [
          { host: 'desk.acme.com', site: 'zendesk' },
          { host: 'desk.acme.com:8443', site: 'zendesk' },
        ],
      }),
    ).toEqual({ ok: false, message: expect.stringMatching(/^Host 2 \(desk\.acme\.com:8443\): Host must be/) as unknown });
    expect(
      validateSiteSettingsDraft({
        enabledSites: DEFAULT_SITE_SETTINGS.enabledSites,
        hostMappings: [
          { host: 'desk.acme.com', site: 'zendesk' },
          { host: 'https://desk.acme.com', site: 'auto' },
        ],
      }),
    ).toEqual({ ok: false, message: 'https://desk.acme.com is mapped twice' });
  });

  it('shows stored mappings back with their scheme only when it is http', () => {
    expect(
      siteSettingsDraftFrom({
        enabledSites: DEFAULT_SITE_SETTINGS.enabledSites,
        hostMappings: [
          { host: 'desk.acme.com', scheme: 'https', site: 'zendesk' },
          { host: 'intranet-desk', scheme: 'http', site: 'auto' },
        ],
      }).hostMappings,
    ).toEqual([
      { host: 'desk.acme.com', site: 'zendesk' },
      { host: 'http://intranet-desk', site: 'auto' },
    ]);
  });
});
