/**
 * Content scripts for mapped hosts: each script's hashed file found in the manifest by its match
 * patterns, one registration per granted mapping running the mapped site's own script (the auto
 * script only for 'auto'), wildcards leaving out the hosts of more specific mappings, and the
 * smallest change from what Chrome has registered now.
 */
import { describe, expect, it } from 'vitest';
import type { HostMapping } from '../settings/siteSettings';
import {
  autoScriptFile,
  diffRegistrations,
  manifestScriptFiles,
  registrationId,
  wantedRegistrations,
  type ScriptFiles,
  type ScriptRegistration,
} from './contentScriptRegistrations';

const MANIFEST = {
  content_scripts: [
    { matches: ['https://mail.google.com/*'], js: ['gmail.8f57f24e.js'] },
    { matches: ['http://127.0.0.1/*', 'http://localhost/*'], js: ['loopbackHelpdesk.3ccff89d.js'] },
    { matches: ['https://*.zendesk.com/*'], js: ['zendesk.c86de61d.js'] },
    {
      matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*', 'https://*.salesforce.com/*'],
      js: ['salesforce.5d0e1a77.js'],
    },
  ],
};

const AUTO = 'loopbackHelpdesk.3ccff89d.js';
const FILES: ScriptFiles = { auto: AUTO, gmail: 'gmail.8f57f24e.js', zendesk: 'zendesk.c86de61d.js', salesforce: 'salesforce.5d0e1a77.js' };

const MAPPINGS: HostMapping[] = [
  { host: 'desk.acme.com', scheme: 'https', site: 'zendesk' },
  { host: '*.intranet.example', scheme: 'http', site: 'auto' },
];

const everything = () => true;

describe('autoScriptFile', () => {
  it('finds the loopback script by its match patterns', () => {
    expect(autoScriptFile(MANIFEST)).toBe(AUTO);
  });

  it('finds nothing in a manifest without it', () => {
    expect(autoScriptFile({})).toBeUndefined();
    expect(autoScriptFile({ content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['half.js'] }] })).toBeUndefined();
  });
});

describe('manifestScriptFiles', () => {
  it("finds each site's own script by its descriptor's match patterns, in any order", () => {
    const reordered = {
      content_scripts: MANIFEST.content_scripts.map((script) => ({ ...script, matches: [...script.matches].reverse() })),
    };

    expect(manifestScriptFiles(MANIFEST)).toEqual(FILES);
    expect(manifestScriptFiles(reordered)).toEqual(FILES);
  });

  it('falls back to the auto script for a site script the manifest lacks, and gives nothing without the auto script', () => {
    const withoutGmail = { content_scripts: MANIFEST.content_scripts.filter((script) => !script.js[0]?.startsWith('gmail')) };

    expect(manifestScriptFiles(withoutGmail)).toEqual({ ...FILES, gmail: AUTO });
    expect(manifestScriptFiles({ content_scripts: MANIFEST.content_scripts.filter((script) => script.js[0] !== AUTO) })).toBeUndefined();
  });

  it('does not take a script whose patterns only overlap a site’s', () => {
    const partial = {
      content_scripts: [...MANIFEST.content_scripts.slice(0, 2), { matches: ['https://*.salesforce.com/*'], js: ['other.js'] }],
    };

    expect(manifestScriptFiles(partial)?.salesforce).toBe(AUTO);
  });
});

describe('wantedRegistrations', () => {
  it('registers on each granted mapping, and nothing for one still waiting', () => {
    const granted = new Set(['https://desk.acme.com/*']);

    expect(wantedRegistrations(MAPPINGS, (pattern) => granted.has(pattern), FILES)).toEqual([
      { id: 'tandem-host:https://desk.acme.com/*', matches: ['https://desk.acme.com/*'], excludeMatches: [], js: [FILES.zendesk] },
    ]);
    expect(wantedRegistrations(MAPPINGS, everything, FILES).map((registration) => registration.matches)).toEqual([
      ['https://desk.acme.com/*'],
      ['http://*.intranet.example/*'],
    ]);
  });

  it("registers a site mapping with that site's own script, and only an auto mapping with the auto script", () => {
    const mappings: HostMapping[] = [
      { host: 'mail.acme.com', scheme: 'https', site: 'gmail' },
      { host: 'crm.acme.com', scheme: 'https', site: 'salesforce' },
      { host: 'helpdesk', scheme: 'http', site: 'auto' },
    ];

    expect(wantedRegistrations(mappings, everything, FILES).map((registration) => [registration.matches[0], registration.js])).toEqual([
      ['https://mail.acme.com/*', ['gmail.8f57f24e.js']],
      ['https://crm.acme.com/*', ['salesforce.5d0e1a77.js']],
      ['http://helpdesk/*', [AUTO]],
    ]);
  });

  it('keeps a wildcard off the hosts of more specific mappings of the same scheme, the bare domain included', () => {
    const mappings: HostMapping[] = [
      { host: '*.acme.com', scheme: 'https', site: 'gmail' },
      { host: 'desk.acme.com', scheme: 'https', site: 'zendesk' },
      { host: '*.eu.acme.com', scheme: 'https', site: 'auto' },
      { host: 'acme.com', scheme: 'https', site: 'salesforce' },
      { host: 'other.acme.com', scheme: 'http', site: 'auto' },
      { host: 'notacme.com', scheme: 'https', site: 'auto' },
    ];

    const [wildcard, desk, eu] = wantedRegistrations(mappings, everything, FILES);

    expect(wildcard?.excludeMatches).toEqual(['https://desk.acme.com/*', 'https://*.eu.acme.com/*', 'https://acme.com/*']);
    expect(desk?.excludeMatches).toEqual([]);
    expect(eu?.excludeMatches).toEqual([]);
  });
});

describe('diffRegistrations', () => {
  const wanted = wantedRegistrations(MAPPINGS, everything, FILES);

  it('registers everything at first', () => {
    expect(diffRegistrations([], wanted)).toEqual({ unregister: [], register: wanted });
  });

  it('changes nothing when Chrome already has exactly that', () => {
    expect(diffRegistrations(wanted, wanted)).toEqual({ unregister: [], register: [] });
    const reordered = wanted.map((registration) => ({ ...registration, matches: [...registration.matches].reverse() }));
    expect(diffRegistrations(reordered, wanted)).toEqual({ unregister: [], register: [] });
  });

  it('drops a removed mapping and re-registers one whose script file changed in an update', () => {
    const [desk, intranet] = wanted as [ScriptRegistration, ScriptRegistration];
    const existing = [
      { ...desk, js: ['zendesk.0ld.js'] },
      intranet,
      {
        id: registrationId({ host: 'old.acme.com', scheme: 'https' }),
        matches: ['https://old.acme.com/*'],
        excludeMatches: [],
        js: [AUTO],
      },
    ];

    expect(diffRegistrations(existing, wanted)).toEqual({
      unregister: [desk.id, 'tandem-host:https://old.acme.com/*'],
      register: [desk],
    });
  });

  it('re-registers a mapping whose site changed, with the new site’s script, and leaves the others', () => {
    const before = wantedRegistrations([{ host: 'mail.acme.com', scheme: 'https', site: 'auto' }, ...MAPPINGS], everything, FILES);
    const after = wantedRegistrations([{ host: 'mail.acme.com', scheme: 'https', site: 'gmail' }, ...MAPPINGS], everything, FILES);

    expect(before[0]?.js).toEqual([AUTO]);
    expect(diffRegistrations(before, after)).toEqual({
      unregister: ['tandem-host:https://mail.acme.com/*'],
      register: [
        { id: 'tandem-host:https://mail.acme.com/*', matches: ['https://mail.acme.com/*'], excludeMatches: [], js: [FILES.gmail] },
      ],
    });
    expect(diffRegistrations(after, after)).toEqual({ unregister: [], register: [] });
  });

  it('re-registers a wildcard when a mapping inside it comes or goes', () => {
    const wildcard: HostMapping = { host: '*.acme.com', scheme: 'https', site: 'zendesk' };
    const before = wantedRegistrations([wildcard], everything, FILES);
    const after = wantedRegistrations([wildcard, { host: 'mail.acme.com', scheme: 'https', site: 'gmail' }], everything, FILES);

    expect(diffRegistrations(before, after)).toEqual({ unregister: ['tandem-host:https://*.acme.com/*'], register: after });
    expect(diffRegistrations(after, before)).toEqual({
      unregister: ['tandem-host:https://*.acme.com/*', 'tandem-host:https://mail.acme.com/*'],
      register: before,
    });
  });

  it('leaves registrations that are not Tandem host scripts alone', () => {
    const foreign = { id: 'someone-else', matches: ['https://x.example/*'], excludeMatches: [], js: ['x.js'] };

    expect(diffRegistrations([foreign], [])).toEqual({ unregister: [], register: [] });
  });
});
