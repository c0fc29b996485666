/**
 * The console window's security rules, checked against a stand-in for Electron (there is no
 * Electron binary in CI): locked-down web preferences, no pop-ups, no navigation off the app.
 */
import type { BrowserWindowConstructorOptions, HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  class FakeWebContents {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    listeners = new Map<string, Listener[]>();
    loadURL = vi.fn(async (_url: string) => undefined);
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
  }
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    show = vi.fn();
    once = vi.fn();
    constructor(readonly options: unknown) {
      FakeBrowserWindow.created.push(this);
    }
  }
  return { FakeBrowserWindow, openExternal: vi.fn(async (_url: string) => undefined) };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow, shell: { openExternal: fake.openExternal } }));

const { createMainWindow, isExternalWebUrl, mainWindowOptions } = await import('./window');
const { rendererTarget } = await import('./rendererTarget');

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

function openWindow(env: Record<string, string | undefined> = {}) {
  createMainWindow(rendererTarget(env), '/app/dist/preload/preload.cjs');
  const window = fake.FakeBrowserWindow.created.at(-1)!;
  return { window, contents: window.webContents };
}

beforeEach(() => {
  fake.FakeBrowserWindow.created.length = 0;
  fake.openExternal.mockClear();
});

describe('mainWindowOptions', () => {
  it('isolates the page from Node and Electron', () => {
    const options: BrowserWindowConstructorOptions = mainWindowOptions('/app/dist/preload/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('points at the built CommonJS preload by default', () => {
    expect(mainWindowOptions().webPreferences?.preload).toMatch(/[\\/]preload[\\/]preload\.cjs$/);
  });
});

describe('createMainWindow', () => {
  it('creates the window with the secure options and loads the bundled console', () => {
    const { window, contents } = openWindow();
    expect(window.options).toEqual(mainWindowOptions('/app/dist/preload/preload.cjs'));
    expect(contents.loadURL).toHaveBeenCalledWith('tandem://app/console/');
  });

  it('loads TANDEM_CONSOLE_URL instead when it is set', () => {
    const { contents } = openWindow({ TANDEM_CONSOLE_URL: 'http://127.0.0.1:8787/console/' });
    expect(contents.loadURL).toHaveBeenCalledWith('http://127.0.0.1:8787/console/');
  });

  it('denies every window.open and sends only web links to the system browser', () => {
    const { contents } = openWindow();
    const handler = contents.windowOpenHandler as (details: HandlerDetails) => WindowOpenHandlerResponse;
    const open = (url: string) => handler({ url } as HandlerDetails);

    expect(open('https://docs.example.com/guide')).toEqual({ action: 'deny' });
    expect(fake.openExternal).toHaveBeenCalledWith('https://docs.example.com/guide');

    fake.openExternal.mockClear();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'tandem://app/console/', 'smb://host/share', 'not a url']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(fake.openExternal).not.toHaveBeenCalled();
  });

  it('prevents navigation away from the app and allows it inside', () => {
    const { contents } = openWindow();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'tandem://other/console/', 'tandem://app/elsewhere']) {
      const event = navigationEvent(url);
      contents.emit('will-navigate', event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const inside = navigationEvent('tandem://app/console/overview');
    contents.emit('will-navigate', inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('keeps a served console on its own origin and path', () => {
    const { contents } = openWindow({ TANDEM_CONSOLE_URL: 'http://127.0.0.1:8787/console/' });
    const off = navigationEvent('http://127.0.0.1:9999/console/');
    const sibling = navigationEvent('http://127.0.0.1:8787/trpc/session.get');
    const inside = navigationEvent('http://127.0.0.1:8787/console/settings');
    for (const event of [off, sibling, inside]) contents.emit('will-navigate', event);
    expect(off.preventDefault).toHaveBeenCalled();
    expect(sibling.preventDefault).toHaveBeenCalled();
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('stops redirects off the app too', () => {
    const { contents } = openWindow();
    const event = navigationEvent('https://evil.example/');
    contents.emit('will-redirect', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('shows the window only once it has painted', () => {
    const { window } = openWindow();
    expect(window.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
    const [, show] = window.once.mock.calls[0] as [string, () => void];
    show();
    expect(window.show).toHaveBeenCalled();
  });
});

describe('isExternalWebUrl', () => {
  it('accepts only http and https', () => {
    expect(isExternalWebUrl('http://example.com')).toBe(true);
    expect(isExternalWebUrl('https://example.com')).toBe(true);
    expect(isExternalWebUrl('mailto:a@example.com')).toBe(false);
    expect(isExternalWebUrl('')).toBe(false);
  });
});
