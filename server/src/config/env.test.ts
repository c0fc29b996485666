import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

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
    });
  });

  it('names every bad variable in one error, without echoing secrets', () => {
    let error: unknown;
    try {
      loadConfig({ TANDEM_PORT: 'eighty', TANDEM_STORAGE: 'mysql', TANDEM_ADMIN_TOKEN: 'short-secret', TANDEM_LLM_BASE_URL: 'ftp://x' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/TANDEM_PORT: .*got 'eighty'/);
    expect(problems).toMatch(/TANDEM_STORAGE: expected 'pglite' or 'postgres'/);
    expect(problems).toMatch(/TANDEM_LLM_BASE_URL: expected an http\(s\) URL/);
    expect(problems).toMatch(/TANDEM_ADMIN_TOKEN: must be at least 24 characters/);
    expect(problems).not.toContain('short-secret');
  });

  it('requires a database URL for the postgres driver', () => {
    expect(() => loadConfig({ TANDEM_STORAGE: 'postgres' })).toThrow(/TANDEM_DATABASE_URL: required/);
    expect(loadConfig({ TANDEM_STORAGE: 'postgres', TANDEM_DATABASE_URL: 'postgres://u@127.0.0.1/tandem' }).storage).toEqual({
      driver: 'postgres',
      url: 'postgres://u@127.0.0.1/tandem',
    });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ TANDEM_LLM_API_KEY: '', TANDEM_LLM_BASE_URL: '  ' }).llm).toMatchObject({ apiKey: undefined, baseUrl: undefined });
  });
});
