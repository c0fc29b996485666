/**
 * Content scripts for mapped hosts: the auto script's hashed file found in the manifest, one
 * registration per granted mapping, and the smallest change from what Chrome has registered.
 */
import { describe, expect, it } from 'vitest';
import type { HostMapping } from '../settings/siteSettings';
import {
  autoScriptFile,
  diffRegistrations,
  registrationId,
  wantedRegistrations,
  type ScriptRegistration,
} from './contentScriptRegistrations';

const MANIFEST = {
  content_scripts: [
    { matches: ['https://mail.google.com/*'], js: ['gmail.8f57f24e.js'] },
    { matches: ['http://127.0.0.1/*', 'http://localhost/*'], js: ['loopbackHelpdesk.3ccff89d.js'] },
    { matches: ['https://*.zendesk.com/*'], js: ['zendesk.c86de61d.js'] },
  ],
};

const MAPPINGS: HostMapping[] = [
  { host: 'desk.acme.com', scheme: 'https', site: 'zendesk' },
  { host: '*.intranet.example', scheme: 'http', site: 'auto' },
];

const FILE = 'loopbackHelpdesk.3ccff89d.js';

describe('autoScriptFile', () => {
  it('finds the loopback script by its match patterns', () => {
    expect(autoScriptFile(MANIFEST)).toBe(FILE);
  });

  it('finds nothing in a manifest without it', () => {
    expect(autoScriptFile({})).toBeUndefined();
    expect(autoScriptFile({ content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['half.js'] }] })).toBeUndefined();
  });
});

describe('wantedRegistrations', () => {
  it('registers the auto script on each granted mapping, and nothing for one still waiting', () => {
    const granted = new Set(['https://desk.acme.com/*']);

    expect(wantedRegistrations(MAPPINGS, (pattern) => granted.has(pattern), FILE)).toEqual([
      { id: 'tandem-host:https://desk.acme.com/*', matches: ['https://desk.acme.com/*'], js: [FILE] },
    ]);
    expect(wantedRegistrations(MAPPINGS, () => true, FILE).map((registration) => registration.matches)).toEqual([
      ['https://desk.acme.com/*'],
      ['http://*.intranet.example/*'],
    ]);
  });
});

describe('diffRegistrations', () => {
  const wanted = wantedRegistrations(MAPPINGS, () => true, FILE);

  it('registers everything at first', () => {
    expect(diffRegistrations([], wanted)).toEqual({ unregister: [], register: wanted });
  });

  it('changes nothing when Chrome already has exactly that', () => {
    expect(diffRegistrations(wanted, wanted)).toEqual({ unregister: [], register: [] });
  });

  it('drops a removed mapping and re-registers one whose script file changed in an update', () => {
    const [desk, intranet] = wanted as [ScriptRegistration, ScriptRegistration];
    const existing = [
      { ...desk, js: ['loopbackHelpdesk.0ld.js'] },
      intranet,
      { id: registrationId({ host: 'old.acme.com', scheme: 'https' }), matches: ['https://old.acme.com/*'], js: [FILE] },
    ];

    expect(diffRegistrations(existing, wanted)).toEqual({
      unregister: [desk.id, 'tandem-host:https://old.acme.com/*'],
      register: [desk],
    });
  });

  it('leaves registrations that are not Tandem host scripts alone', () => {
    const foreign = { id: 'someone-else', matches: ['https://x.example/*'], js: ['x.js'] };

    expect(diffRegistrations([foreign], [])).toEqual({ unregister: [], register: [] });
  });
});
