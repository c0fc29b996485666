/**
 * Settings validation and the server-URL helpers every context relies on.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SERVER_URL,
  hostPermissionPattern,
  needsHostPermission,
  settingsDraftFromStorage,
  settingsFromStorage,
  trpcEndpoint,
} from './settings';
import { validateSettingsDraft } from './validateSettings';

describe('validateSettingsDraft', () => {
  it('accepts an http(s) URL and a token, trimmed', () => {
    expect(validateSettingsDraft({ serverUrl: ' https://tandem.example.com ', apiToken: ' tdm_1 ' })).toEqual({
      ok: true,
      settings: { serverUrl: 'https://tandem.example.com', apiToken: 'tdm_1' },
    });
  });

  it.each(['ftp://tandem.example.com', 'javascript:alert(1)', 'tandem.example.com', ''])('rejects the server URL %j', (serverUrl) => {
    expect(validateSettingsDraft({ serverUrl, apiToken: 'tdm_1' })).toEqual({
      ok: false,
      message: 'Server URL must be an http:// or https:// address',
    });
  });

  it('rejects an empty token', () => {
    expect(validateSettingsDraft({ serverUrl: DEFAULT_SERVER_URL, apiToken: '   ' })).toEqual({
      ok: false,
      message: 'API token is required',
    });
  });
});

describe('settings in storage', () => {
  it('fills the form with defaults when nothing is stored', () => {
    expect(settingsDraftFromStorage({})).toEqual({ serverUrl: 'http://127.0.0.1:8787', apiToken: '' });
  });

  it('counts as configured only when both values are valid', () => {
    expect(settingsFromStorage({ serverUrl: DEFAULT_SERVER_URL, apiToken: 'tdm_1' })).toEqual({
      serverUrl: DEFAULT_SERVER_URL,
      apiToken: 'tdm_1',
    });
    expect(settingsFromStorage({ serverUrl: DEFAULT_SERVER_URL })).toBeUndefined();
    expect(settingsFromStorage({ serverUrl: 42, apiToken: 'tdm_1' })).toBeUndefined();
  });
});

describe('server URL helpers', () => {
  it('needs no extra permission for plain-http loopback only', () => {
    expect(needsHostPermission('http://127.0.0.1:8787')).toBe(false);
    expect(needsHostPermission('http://localhost:3000/tandem')).toBe(false);
    expect(needsHostPermission('https://localhost:8787')).toBe(true);
    expect(needsHostPermission('https://tandem.example.com')).toBe(true);
  });

  it('asks for the whole host, every port', () => {
    expect(hostPermissionPattern('https://tandem.example.com:8443/base')).toBe('https://tandem.example.com/*');
  });

  it('puts /trpc under the server URL however it was typed', () => {
    expect(trpcEndpoint('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/trpc');
    expect(trpcEndpoint('https://example.com/tandem/?x=1#top')).toBe('https://example.com/tandem/trpc');
  });
});
