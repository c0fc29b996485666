import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newIdentitySecret, newSiteKey } from './siteSecrets.js';
import { loadWidgetKeys, widgetKeysFrom } from './widgetKeys.js';
import { widgetSiteKeySchema } from '@tandem/shared';

describe('widget keys', () => {
  it('seals a secret so that only the same key opens it, and refuses a changed one', () => {
    const keys = widgetKeysFrom(randomBytes(32));
    const secret = newIdentitySecret();
    const sealed = keys.seal(secret);
    expect(sealed).not.toContain(secret.slice(5));
    expect(keys.seal(secret)).not.toBe(sealed);
    expect(keys.open(sealed)).toBe(secret);
    expect(() => widgetKeysFrom(randomBytes(32)).open(sealed)).toThrow();
    const [prefix, iv, body, tag] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => keys.open([prefix, iv, flipped.toString('base64url'), tag].join('.'))).toThrow();
    expect(() => keys.open('plain')).toThrow(/sealed/);
    expect(() => widgetKeysFrom(randomBytes(16))).toThrow(/32 bytes/);
  });

  it('keeps one key per data directory, created on first start, readable by its owner only', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tandem-widget-key-'));
    try {
      const [a, b] = await Promise.all([loadWidgetKeys(dir), loadWidgetKeys(dir)]);
      expect(a.tokenKey.equals(b.tokenKey)).toBe(true);
      expect(b.open(a.seal('x'))).toBe('x');
      const again = await loadWidgetKeys(dir);
      expect(again.tokenKey.equals(a.tokenKey)).toBe(true);
      expect((await stat(path.join(dir, 'widget-key'))).mode & 0o777).toBe(0o600);
      expect((await readFile(path.join(dir, 'widget-key'), 'utf8')).trim()).toMatch(/^[\w-]{43}$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('makes site keys the contract accepts, all different', () => {
    const keys = new Set(Array.from({ length: 200 }, newSiteKey));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(widgetSiteKeySchema.safeParse(key).success).toBe(true);
    expect(newIdentitySecret()).toMatch(/^wsec_[\w-]{43}$/);
  });
});
