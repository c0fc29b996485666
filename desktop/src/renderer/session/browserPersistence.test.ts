// @vitest-environment jsdom
/**
 * The browser keeps the session in sessionStorage under `tandem.session`, and ignores anything
 * there it did not write.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_SESSION_KEY, createBrowserPersistence } from './browserPersistence';

const session = { serverUrl: 'http://127.0.0.1:8787', token: 'tdm_token' };

beforeEach(() => sessionStorage.clear());

describe('browser session persistence', () => {
  it('round-trips a session through sessionStorage', async () => {
    const persistence = createBrowserPersistence(sessionStorage);
    await expect(persistence.load()).resolves.toBeNull();
    await persistence.save(session);
    expect(JSON.parse(sessionStorage.getItem(BROWSER_SESSION_KEY)!)).toEqual(session);
    await expect(persistence.load()).resolves.toEqual(session);
    await persistence.clear();
    expect(sessionStorage.getItem(BROWSER_SESSION_KEY)).toBeNull();
  });

  it.each(['not json', 'null', '"a string"', '{"serverUrl":"http://x"}', '{"serverUrl":"","token":"t"}', '{"serverUrl":1,"token":"t"}'])(
    'drops a malformed entry: %s',
    async (raw) => {
      sessionStorage.setItem(BROWSER_SESSION_KEY, raw);
      await expect(createBrowserPersistence(sessionStorage).load()).resolves.toBeNull();
      expect(sessionStorage.getItem(BROWSER_SESSION_KEY)).toBeNull();
    },
  );
});
