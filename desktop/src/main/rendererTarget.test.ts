/**
 * What the window loads and which URLs count as the app, for the bundled console and for
 * TANDEM_CONSOLE_URL.
 */
import { describe, expect, it } from 'vitest';
import { rendererTarget, RendererTargetError } from './rendererTarget';

describe('rendererTarget', () => {
  it('defaults to the bundled console over the app protocol', () => {
    const target = rendererTarget({});
    expect(target.url).toBe('tandem://app/console/');
    expect(target.isAppUrl('tandem://app/console/')).toBe(true);
    expect(target.isAppUrl('tandem://app/console/assets/index.js')).toBe(true);
    expect(target.isAppUrl('tandem://app/')).toBe(false);
    expect(target.isAppUrl('file:///app/dist/renderer/index.html')).toBe(false);
    expect(target.isAppUrl('')).toBe(false);
  });

  it('ignores an empty TANDEM_CONSOLE_URL', () => {
    expect(rendererTarget({ TANDEM_CONSOLE_URL: '  ' }).url).toBe('tandem://app/console/');
  });

  it('uses TANDEM_CONSOLE_URL and scopes the app to its origin and folder', () => {
    const target = rendererTarget({ TANDEM_CONSOLE_URL: 'https://tandem.example.com/console/' });
    expect(target.url).toBe('https://tandem.example.com/console/');
    expect(target.isAppUrl('https://tandem.example.com/console/anything')).toBe(true);
    expect(target.isAppUrl('http://tandem.example.com/console/')).toBe(false);
    expect(target.isAppUrl('https://tandem.example.com.evil.test/console/')).toBe(false);
    expect(target.isAppUrl('https://tandem.example.com/admin')).toBe(false);
  });

  it('refuses a TANDEM_CONSOLE_URL that is not http(s)', () => {
    expect(() => rendererTarget({ TANDEM_CONSOLE_URL: 'file:///etc/passwd' })).toThrow(RendererTargetError);
    expect(() => rendererTarget({ TANDEM_CONSOLE_URL: 'not a url' })).toThrow(/not a URL/);
  });
});
