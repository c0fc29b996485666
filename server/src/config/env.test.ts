import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, envSchema, loadConfig } from './env.js';
import { isSecretVariable } from './masking.js';
import { isStorageDriverAvailable, STORAGE_DRIVERS } from './storageDrivers.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`loadConfig accepted ${Object.keys(env).join(', ')}`);
}

const variables = Object.keys(envSchema.shape);
const secretVariables = variables.filter(isSecretVariable);
const urlVariables = variables.filter((name) => name.endsWith('_URL'));

/** Every connector group set, and valid: a test overrides one variable. */
const complete = {
  TANDEM_SHOPIFY_SHOP: 'acme.myshopify.com',
  TANDEM_SHOPIFY_TOKEN: 'shpat_0123456789',
  TANDEM_ZENDESK_SUBDOMAIN: 'acme',
  TANDEM_ZENDESK_EMAIL: 'agent@acme.example',
  TANDEM_ZENDESK_TOKEN: 'zd-token-0123',
  TANDEM_CALENDLY_TOKEN: 'cal-token-0123',
  TANDEM_CALENDLY_OWNER: 'https://api.calendly.com/event_types/0b6f1d1e',
  TANDEM_ACTION_WEBHOOK_URL: 'https://hooks.acme.example/tandem',
  TANDEM_ACTION_WEBHOOK_SECRET: 'whsec-0123456789abcdef',
};

describe('loadConfig', () => {
  it('fills embedded defaults from an empty environment', () => {
    const config = loadConfig({}, '/srv/tandem');
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: path.resolve('/srv/tandem', '.data'),
      storage: { driver: 'pglite' },
      embedder: { kind: 'use-lite' },
      knowledge: { maxUploadBytes: 25 * 1024 * 1024, allowPrivateUrls: false },
      llm: { baseUrl: undefined, apiKey: undefined, model: 'gpt-4o-mini' },
      assist: { connectors: {} },
    });
  });

  it('names every bad variable in one error, without echoing secrets', () => {
    const error = configError({
      TANDEM_PORT: 'eighty',
      TANDEM_STORAGE: 'mysql',
      TANDEM_ADMIN_TOKEN: 'short-secret',
      TANDEM_LLM_BASE_URL: 'ftp://x',
    });
    const problems = error.problems.join('\n');
    expect(problems).toMatch(/TANDEM_PORT: .*got 'eighty'/);
    expect(problems).toMatch(/TANDEM_STORAGE: expected 'pglite' or 'postgres'/);
    expect(problems).toMatch(/TANDEM_LLM_BASE_URL: expected an http\(s\) URL/);
    expect(problems).toMatch(/TANDEM_ADMIN_TOKEN: must be at least 24 characters/);
    expect(problems).not.toContain('short-secret');
  });

  it('requires a database URL for the postgres driver', () => {
    expect(() => loadConfig({ TANDEM_STORAGE: 'postgres' })).toThrow(/TANDEM_DATABASE_URL: required/);
  });

  it.each(STORAGE_DRIVERS.map((driver) => [driver, isStorageDriverAvailable(driver)] as const))(
    'takes TANDEM_STORAGE=%s only when its driver exists (available: %s)',
    (driver, available) => {
      const env = { TANDEM_STORAGE: driver, TANDEM_DATABASE_URL: 'postgres://u@127.0.0.1/tandem' };
      if (available) {
        expect(loadConfig(env).storage.driver).toBe(driver);
      } else {
        expect(configError(env).problems.join('\n')).toMatch(
          new RegExp(`TANDEM_STORAGE: the '${driver}' driver is not available in this version of Tandem yet \\(available: 'pglite'`),
        );
      }
    },
  );

  it('treats empty strings as unset', () => {
    expect(loadConfig({ TANDEM_LLM_API_KEY: '', TANDEM_LLM_BASE_URL: '  ' }).llm).toMatchObject({ apiKey: undefined, baseUrl: undefined });
    expect(loadConfig({ TANDEM_SHOPIFY_SHOP: ' ', TANDEM_SHOPIFY_TOKEN: '' }).assist.connectors).toEqual({});
  });
});

describe('loadConfig connector groups', () => {
  it('builds every complete group into its connector settings', () => {
    expect(loadConfig(complete).assist.connectors).toEqual({
      shopify: { shopDomain: 'acme.myshopify.com', accessToken: 'shpat_0123456789' },
      zendesk: { subdomain: 'acme', email: 'agent@acme.example', apiToken: 'zd-token-0123' },
      calendly: { token: 'cal-token-0123', owner: 'https://api.calendly.com/event_types/0b6f1d1e' },
      signedHttp: { url: 'https://hooks.acme.example/tandem', secret: 'whsec-0123456789abcdef' },
    });
  });

  it.each([
    ['Shopify without its token', { TANDEM_SHOPIFY_SHOP: 'acme.myshopify.com' }, ['TANDEM_SHOPIFY_TOKEN']],
    ['Zendesk with only a token', { TANDEM_ZENDESK_TOKEN: 'zd-token-0123' }, ['TANDEM_ZENDESK_SUBDOMAIN', 'TANDEM_ZENDESK_EMAIL']],
    ['Calendly without its owner', { TANDEM_CALENDLY_TOKEN: 'cal-token-0123' }, ['TANDEM_CALENDLY_OWNER']],
    [
      'the webhook action without its secret',
      { TANDEM_ACTION_WEBHOOK_URL: 'https://hooks.acme.example/x' },
      ['TANDEM_ACTION_WEBHOOK_SECRET'],
    ],
  ])('refuses %s, naming the missing variables', (_name, env, missing) => {
    const problems = configError(env).problems;
    expect(problems.map((p) => p.split(':')[0])).toEqual(missing);
    for (const problem of problems) expect(problem).toMatch(/required when TANDEM_\w+ (is|are) set/);
  });

  it.each([
    [
      'a shop domain outside myshopify.com',
      { TANDEM_SHOPIFY_SHOP: 'shop.example.com' },
      /^TANDEM_SHOPIFY_SHOP: expected a shop domain like acme\.myshopify\.com \(got 'shop\.example\.com'\)$/,
    ],
    ['a Zendesk email that is not one', { TANDEM_ZENDESK_EMAIL: 'agent' }, /^TANDEM_ZENDESK_EMAIL: expected an email address/],
    ['a Calendly owner that is not a URI', { TANDEM_CALENDLY_OWNER: 'my-event' }, /^TANDEM_CALENDLY_OWNER: expected the event type URI/],
    [
      'a webhook URL that is not http(s)',
      { TANDEM_ACTION_WEBHOOK_URL: 'ftp://hooks.acme.example' },
      /^TANDEM_ACTION_WEBHOOK_URL: expected an http\(s\) URL/,
    ],
    ['a short webhook secret', { TANDEM_ACTION_WEBHOOK_SECRET: 'short' }, /^TANDEM_ACTION_WEBHOOK_SECRET: must be at least 16 characters$/],
  ])('refuses a complete group with %s, naming its variable', (_name, override, expected) => {
    const problems = configError({ ...complete, ...override }).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('reports a bad connector together with the other bad variables', () => {
    const problems = configError({ TANDEM_PORT: 'eighty', TANDEM_SHOPIFY_SHOP: 'acme.myshopify.com' }).problems.join('\n');
    expect(problems).toMatch(/TANDEM_PORT:/);
    expect(problems).toMatch(/TANDEM_SHOPIFY_TOKEN: required/);
  });
});

describe('loadConfig masking', () => {
  it('knows the schema’s credentials by name', () => {
    expect(secretVariables).toEqual(
      expect.arrayContaining(['TANDEM_LLM_API_KEY', 'TANDEM_ADMIN_TOKEN', 'TANDEM_SHOPIFY_TOKEN', 'TANDEM_ACTION_WEBHOOK_SECRET']),
    );
  });

  // Every variable named like a credential, taken from the schema: a new one is covered without editing this test.
  it.each(secretVariables)('never shows a bad %s', (name) => {
    const leaked = 'leaked-credential-0123456789abcdef';
    const bad = `${leaked}\nsecond-line-9f8e7d`;
    const error = configError({ ...complete, [name]: bad });
    expect(error.problems.some((p) => p.startsWith(`${name}: `))).toBe(true);
    for (const text of [error.message, ...error.problems]) {
      expect(text).not.toContain(leaked);
      expect(text).not.toContain('second-line-9f8e7d');
    }
  });

  it.each(urlVariables)('masks the credentials of a bad URL in %s', (name) => {
    const error = configError({ ...complete, [name]: 'gopher://admin:hunter2-password@db.internal:5432/tandem' });
    expect(error.message).toContain(`${name}: `);
    expect(error.message).not.toContain('hunter2-password');
    expect(error.message).not.toContain('admin:');
  });

  it('shows what is not a credential, so the mistake can be seen', () => {
    expect(configError({ TANDEM_DATABASE_URL: 'mysql://db.internal/tandem' }).message).toContain("(got 'mysql://db.internal/tandem')");
  });
});
