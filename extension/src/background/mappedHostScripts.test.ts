/**
 * The sync against a stand-in for chrome.scripting that keeps registrations as Chrome does: a
 * gmail mapping gets the built Gmail script, an 'auto' one the auto script, a second sync changes
 * nothing, and a mapping switched to another site is registered again with that site's script.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostMapping } from '../settings/siteSettings';
import { SYNC_STATUS_KEY, syncMappedHostScripts } from './mappedHostScripts';

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

type Registered = chrome.scripting.RegisteredContentScript;

let mappings: HostMapping[];
let granted: Set<string>;
let registered: Map<string, Registered>;
let calls: string[];
let session: Record<string, unknown>;

beforeEach(() => {
  mappings = [];
  granted = new Set();
  registered = new Map();
  calls = [];
  session = {};
  vi.stubGlobal('chrome', {
    runtime: { getManifest: () => MANIFEST },
    storage: {
      local: { get: async () => ({ hostMappings: mappings }) },
      session: { set: async (values: Record<string, unknown>) => void Object.assign(session, values) },
    },
    permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.has(origin)) },
    scripting: {
      getRegisteredContentScripts: async () => [...registered.values()].map((script) => ({ ...script })),
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        calls.push(`unregister ${ids.join(' ')}`);
        for (const id of ids) registered.delete(id);
      },
      registerContentScripts: async (scripts: Registered[]) => {
        for (const script of scripts) {
          // Chrome refuses an id that is already registered.
          if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
          calls.push(`register ${script.id} ${script.js?.join(' ') ?? ''}`);
          registered.set(script.id, script);
        }
      },
    },
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function map(host: string, site: HostMapping['site']): void {
  mappings = mappings.filter((mapping) => mapping.host !== host).concat({ host, scheme: 'https', site });
  granted.add(`https://${host}/*`);
}

describe('syncMappedHostScripts', () => {
  it('registers a gmail mapping with the built Gmail script and an auto mapping with the auto script, once', async () => {
    map('mail.acme.com', 'gmail');
    map('desk.acme.com', 'auto');

    await syncMappedHostScripts();

    expect(registered.get('tandem-host:https://mail.acme.com/*')).toMatchObject({
      matches: ['https://mail.acme.com/*'],
      js: ['gmail.8f57f24e.js'],
      runAt: 'document_idle',
    });
    expect(registered.get('tandem-host:https://desk.acme.com/*')?.js).toEqual(['loopbackHelpdesk.3ccff89d.js']);
    expect(registered.get('tandem-host:https://mail.acme.com/*')).not.toHaveProperty('excludeMatches');
    expect(session[SYNC_STATUS_KEY]).toMatchObject({
      ok: true,
      registered: ['tandem-host:https://mail.acme.com/*', 'tandem-host:https://desk.acme.com/*'],
    });

    calls = [];
    await syncMappedHostScripts();
    expect(calls).toEqual([]);
  });

  it("registers a mapping again with the new site's script when its site changes", async () => {
    map('mail.acme.com', 'auto');
    await syncMappedHostScripts();
    calls = [];

    map('mail.acme.com', 'gmail');
    await syncMappedHostScripts();

    expect(calls).toEqual([
      'unregister tandem-host:https://mail.acme.com/*',
      'register tandem-host:https://mail.acme.com/* gmail.8f57f24e.js',
    ]);
    expect(registered.get('tandem-host:https://mail.acme.com/*')?.js).toEqual(['gmail.8f57f24e.js']);
  });

  it('gives a wildcard the more specific mappings inside it as exclusions, stable across syncs', async () => {
    map('*.acme.com', 'zendesk');
    map('mail.acme.com', 'gmail');
    await syncMappedHostScripts();
    calls = [];
    await syncMappedHostScripts();

    expect(registered.get('tandem-host:https://*.acme.com/*')).toMatchObject({
      js: ['zendesk.c86de61d.js'],
      excludeMatches: ['https://mail.acme.com/*'],
    });
    expect(calls).toEqual([]);
  });

  it('says why in the sync status when the build has no auto script', async () => {
    vi.stubGlobal('chrome', { ...chrome, runtime: { getManifest: () => ({ content_scripts: [] }) } });
    map('mail.acme.com', 'gmail');

    await syncMappedHostScripts();

    expect(session[SYNC_STATUS_KEY]).toMatchObject({ ok: false, error: expect.stringContaining('auto-detecting') });
    expect(registered.size).toBe(0);
  });
});
