/**
 * The app's security settings: the hardened web preferences, the app-wide safety nets (every web
 * contents refuses <webview> and pop-ups, the console's session grants no permission), and a
 * helpdesk partition's policy (only what a helpdesk needs, only to the site's own pages).
 */
import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => ({
  appListeners: new Map<string, Listener>(),
  permissionHandler: undefined as ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined,
}));

vi.mock('electron', () => ({
  app: { on: (event: string, listener: Listener) => fake.appListeners.set(event, listener) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof fake.permissionHandler) => {
        fake.permissionHandler = handler;
      },
    },
  },
}));

const { browserUserAgent, hardenedWebPreferences, hardenHelpdeskSession, hardenWebContents, HELPDESK_PERMISSIONS } =
  await import('./hardening');

describe('hardenWebContents', () => {
  it('blocks webviews and pop-ups in every new web contents', () => {
    hardenWebContents();
    const contentsListeners = new Map<string, Listener>();
    let openHandler: (() => unknown) | undefined;
    const contents = {
      on: (event: string, listener: Listener) => contentsListeners.set(event, listener),
      setWindowOpenHandler: (handler: () => unknown) => {
        openHandler = handler;
      },
    };
    fake.appListeners.get('web-contents-created')!({}, contents);

    const attach = { preventDefault: vi.fn() };
    contentsListeners.get('will-attach-webview')!(attach);
    expect(attach.preventDefault).toHaveBeenCalled();
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });

  it('denies every permission request', () => {
    hardenWebContents();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      fake.permissionHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
  });
});

describe('hardenedWebPreferences', () => {
  it('isolates every page from Node and Electron', () => {
    expect(hardenedWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });
});

describe('hardenHelpdeskSession', () => {
  type RequestHandler = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: { requestingUrl: string },
  ) => void;
  type CheckHandler = (contents: unknown, permission: string, origin: string, details: { requestingUrl?: string }) => boolean;

  function harden() {
    const handlers: {
      request?: RequestHandler;
      check?: CheckHandler;
      device?: () => boolean;
      download?: (event: { preventDefault: () => void }, item: unknown, contents: { getURL: () => string }) => void;
    } = {};
    hardenHelpdeskSession(
      {
        setPermissionRequestHandler: (handler) => (handlers.request = handler as unknown as RequestHandler),
        setPermissionCheckHandler: (handler) => (handlers.check = handler as unknown as CheckHandler),
        setDevicePermissionHandler: (handler) => (handlers.device = handler as unknown as () => boolean),
        on: ((event: string, listener: NonNullable<typeof handlers.download>) => {
          if (event === 'will-download') handlers.download = listener;
        }) as never,
      },
      (url) => new URL(url).hostname.endsWith('.zendesk.com'),
    );
    const request = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      handlers.request!({}, permission, callback, { requestingUrl });
      return callback.mock.calls[0]?.[0] as boolean;
    };
    return { handlers, request };
  }

  it('grants notifications and clipboard writes to the site, and nothing else', () => {
    const { request, handlers } = harden();
    expect([...HELPDESK_PERMISSIONS].sort()).toEqual(['clipboard-sanitized-write', 'notifications']);
    expect(request('notifications', 'https://acme.zendesk.com/agent')).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://acme.zendesk.com/agent')).toBe(true);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'display-capture', 'midi', 'openExternal', 'unknown']) {
      expect(request(permission, 'https://acme.zendesk.com/agent'), permission).toBe(false);
    }
    expect(request('notifications', 'https://tracker.example/frame')).toBe(false);
    expect(handlers.check!({}, 'notifications', 'https://acme.zendesk.com', {})).toBe(true);
    expect(handlers.check!({}, 'notifications', 'https://tracker.example', {})).toBe(false);
    expect(handlers.check!({}, 'hid', 'https://acme.zendesk.com', {})).toBe(false);
    expect(handlers.device!()).toBe(false);
  });

  it('lets a download through only while the tab shows the site', () => {
    const { handlers } = harden();
    const download = (url: string) => {
      const event = { preventDefault: vi.fn() };
      handlers.download!(event, {}, { getURL: () => url });
      return event.preventDefault.mock.calls.length === 0;
    };
    expect(download('https://acme.zendesk.com/agent/tickets/1')).toBe(true);
    expect(download('https://acme.okta.com/login')).toBe(false);
  });
});

describe('browserUserAgent', () => {
  it("drops Electron's and the app's tokens and keeps Chrome's", () => {
    const electron =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) @tandem/desktop/0.1.0 Chrome/146.0.7680.65 Electron/41.10.0 Safari/537.36';
    expect(browserUserAgent(electron)).toBe(
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/146.0.7680.65 Safari/537.36',
    );
  });
});
