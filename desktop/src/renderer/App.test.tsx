// @vitest-environment jsdom
/**
 * The console as a user meets it, in jsdom against a fake tRPC server: sign in, the overview,
 * health refresh, sign out, and session persistence in the browser and in Electron.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopBridge, IpcResponse, StoredSession } from '../ipc/channels';
import { defaultServerUrl } from './api/client';
import { App } from './App';
import { HEALTH_REFRESH_MS } from './hooks/useHealth';
import { BROWSER_SESSION_KEY, createBrowserPersistence } from './session/browserPersistence';
import { choosePersistence, type SessionPersistence } from './session/persistence';
import { click, get, mount, query, type, waitFor, type Mounted } from './testing/dom';
import { createFakeServer, GOOD_TOKEN, type FakeServer } from './testing/fakeServer';

let server: FakeServer;
let mounted: Mounted | undefined;

beforeEach(() => {
  server = createFakeServer();
  vi.stubGlobal('fetch', vi.fn(server.fetch));
  sessionStorage.clear();
});

afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function renderConsole(persistence: SessionPersistence = createBrowserPersistence(sessionStorage)) {
  mounted = await mount(<App persistence={persistence} defaultServerUrl={defaultServerUrl(window.location)} />);
}

async function signIn(token: string) {
  await waitFor(() => get('sign-in'));
  await type('token-input', token);
  await click('sign-in');
}

describe('sign in', () => {
  it('prefills the server URL with the page origin', async () => {
    await renderConsole();
    await waitFor(() => expect((get('server-url') as HTMLInputElement).value).toBe(window.location.origin));
    expect((get('token-input') as HTMLInputElement).type).toBe('password');
  });

  it('signs in with a good token and shows the overview', async () => {
    await renderConsole();
    await signIn(GOOD_TOKEN);

    await waitFor(() => expect(get('workspace-name').textContent).toBe('Acme Support'));
    await waitFor(() => expect(get('health-status').textContent).toBe('ok'));
    expect(get('signed-in-role').textContent).toBe('lead');
    expect(get('health-version').textContent).toBe('0.1.0');
    expect(get('health-uptime').textContent).toBe('1h 2m');
    expect(get('health-storage').textContent).toBe('pglite');
    expect(get('health-components').textContent).toContain('storage');
    expect(query('sign-in')).toBeNull();

    expect(server.requests[0]).toMatchObject({ authorization: `Bearer ${GOOD_TOKEN}` });
    expect(server.requests[0]!.url.startsWith(`${window.location.origin}/trpc/session.get`)).toBe(true);
    expect(JSON.parse(sessionStorage.getItem(BROWSER_SESSION_KEY)!)).toEqual({ serverUrl: window.location.origin, token: GOOD_TOKEN });
  });

  it('says when the token is refused, and remembers nothing', async () => {
    await renderConsole();
    await signIn('tdm_wrong');
    await waitFor(() => expect(get('sign-in-error').textContent).toBe('That token was not accepted'));
    expect(query('workspace-name')).toBeNull();
    expect(sessionStorage.getItem(BROWSER_SESSION_KEY)).toBeNull();
    expect((get('sign-in') as HTMLButtonElement).disabled).toBe(false);
  });

  it('says when the server cannot be reached', async () => {
    server.unreachable = true;
    await renderConsole();
    await signIn(GOOD_TOKEN);
    await waitFor(() => expect(get('sign-in-error').textContent).toBe('Server unreachable'));
  });

  it('checks the form before calling the server', async () => {
    await renderConsole();
    await waitFor(() => get('sign-in'));
    await click('sign-in');
    expect(get('sign-in-error').textContent).toBe('Enter your API token');
    await type('server-url', 'ftp://files.example.com');
    await type('token-input', GOOD_TOKEN);
    await click('sign-in');
    expect(get('sign-in-error').textContent).toMatch(/server address/);
    expect(server.requests).toHaveLength(0);
  });

  it('uses the server URL as typed, without a trailing slash', async () => {
    await renderConsole();
    await waitFor(() => get('sign-in'));
    await type('server-url', ' https://tandem.example.com/ ');
    await signIn(GOOD_TOKEN);
    await waitFor(() => get('workspace-name'));
    expect(server.requests[0]!.url.startsWith('https://tandem.example.com/trpc/session.get')).toBe(true);
  });
});

describe('overview', () => {
  it('renders server-provided text as text, never as HTML', async () => {
    server.session = { ...server.session, workspace: { ...server.session.workspace, name: '<img src=x onerror="alert(1)">Acme' } };
    server.health = { ...server.health, components: [{ name: '<b>db</b>', ok: false, detail: '<script>alert(1)</script>' }] };
    await renderConsole();
    await signIn(GOOD_TOKEN);
    await waitFor(() => get('health-components'));
    expect(get('workspace-name').textContent).toBe('<img src=x onerror="alert(1)">Acme');
    expect(document.querySelector('img, script, b')).toBeNull();
  });

  it('refreshes health every 10 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    await renderConsole();
    await signIn(GOOD_TOKEN);
    await waitFor(() => expect(get('health-status').textContent).toBe('ok'));
    const before = server.calls('health.status');

    server.health = {
      ...server.health,
      status: 'degraded',
      components: [{ name: 'storage', ok: false, detail: 'storage did not answer' }],
    };
    await waitFor(() => expect(get('health-status').textContent).toBe('degraded'), 10_500);
    expect(server.calls('health.status')).toBe(before + 1);
    expect(HEALTH_REFRESH_MS).toBe(10_000);
  });

  it('signs out back to the sign-in screen and forgets the session', async () => {
    await renderConsole();
    await signIn(GOOD_TOKEN);
    await waitFor(() => get('sign-out'));
    await click('sign-out');
    await waitFor(() => get('sign-in'));
    expect((get('token-input') as HTMLInputElement).value).toBe('');
    expect((get('server-url') as HTMLInputElement).value).toBe(window.location.origin);
    expect(sessionStorage.getItem(BROWSER_SESSION_KEY)).toBeNull();
  });

  it('returns to sign-in when the token stops being accepted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await renderConsole();
    await signIn(GOOD_TOKEN);
    await waitFor(() => get('health-status'));
    server.acceptedToken = 'tdm_rotated';
    await waitFor(() => expect(get('sign-in-error').textContent).toBe('That token was not accepted'), HEALTH_REFRESH_MS + 1000);
    expect(sessionStorage.getItem(BROWSER_SESSION_KEY)).toBeNull();
  });
});

describe('session persistence', () => {
  it('restores a session from sessionStorage without asking again', async () => {
    sessionStorage.setItem(BROWSER_SESSION_KEY, JSON.stringify({ serverUrl: 'http://127.0.0.1:8787', token: GOOD_TOKEN }));
    await renderConsole();
    await waitFor(() => expect(get('workspace-name').textContent).toBe('Acme Support'));
    expect(server.requests[0]!.url.startsWith('http://127.0.0.1:8787/trpc/')).toBe(true);
  });

  it('drops a remembered token the server refuses', async () => {
    sessionStorage.setItem(BROWSER_SESSION_KEY, JSON.stringify({ serverUrl: 'http://127.0.0.1:8787', token: 'tdm_revoked' }));
    await renderConsole();
    await waitFor(() => expect(get('sign-in-error').textContent).toBe('That token was not accepted'));
    expect((get('server-url') as HTMLInputElement).value).toBe('http://127.0.0.1:8787');
    expect(sessionStorage.getItem(BROWSER_SESSION_KEY)).toBeNull();
  });

  it('uses the Electron bridge when it exists', async () => {
    let stored: StoredSession | null = null;
    const bridge: DesktopBridge = {
      session: {
        load: async () => ({ ok: true, value: stored }),
        save: async (session) => {
          stored = session;
          return { ok: true, value: undefined };
        },
        clear: async () => {
          stored = null;
          return { ok: true, value: undefined };
        },
      },
    };
    const persistence = choosePersistence({ tandemDesktop: bridge, sessionStorage } as unknown as Window);
    // In Electron the page is not served over http(s), so nothing is prefilled.
    mounted = await mount(<App persistence={persistence} defaultServerUrl={defaultServerUrl({ protocol: 'tandem:', origin: 'null' })} />);
    await waitFor(() => expect((get('server-url') as HTMLInputElement).value).toBe(''));
    await type('server-url', 'http://127.0.0.1:8787');
    await signIn(GOOD_TOKEN);
    await waitFor(() => get('workspace-name'));
    expect(stored).toEqual({ serverUrl: 'http://127.0.0.1:8787', token: GOOD_TOKEN });
    expect(sessionStorage.getItem(BROWSER_SESSION_KEY)).toBeNull();
  });

  it('stays signed in but warns when the desktop cannot encrypt the token', async () => {
    const refused: IpcResponse<void> = { ok: false, error: { code: 'UPSTREAM_UNAVAILABLE', message: 'No system keyring is available' } };
    const bridge: DesktopBridge = {
      session: {
        load: async () => ({ ok: true, value: null }),
        save: async () => refused,
        clear: async () => ({ ok: true, value: undefined }),
      },
    };
    mounted = await mount(<App persistence={choosePersistence({ tandemDesktop: bridge } as unknown as Window)} defaultServerUrl="" />);
    await waitFor(() => get('sign-in'));
    await type('server-url', 'http://127.0.0.1:8787');
    await signIn(GOOD_TOKEN);
    await waitFor(() => get('workspace-name'));
    expect(document.body.textContent).toContain('this session will not be remembered: No system keyring is available');
  });
});
