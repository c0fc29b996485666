/**
 * The app lifecycle: the scheme is privileged before ready, the window opens once ready, closing
 * the last window quits except on macOS, and the dock icon reopens it; each window gets its helpdesk tabs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const state = {
    gotLock: true,
    listeners: new Map<string, Listener>(),
    windows: [] as { isMinimized: () => boolean; restore: () => void; focus: () => void }[],
    calls: [] as string[],
  };
  return {
    state,
    app: {
      requestSingleInstanceLock: vi.fn(() => state.gotLock),
      quit: vi.fn(),
      isReady: vi.fn(() => true),
      whenReady: vi.fn(async () => {
        state.calls.push('ready');
      }),
      on: vi.fn((event: string, listener: Listener) => {
        state.listeners.set(event, listener);
      }),
    },
  };
});

vi.mock('electron', () => ({ app: fake.app, BrowserWindow: { getAllWindows: () => fake.state.windows } }));
vi.mock('./appProtocol', () => ({
  registerAppScheme: vi.fn(() => fake.state.calls.push('registerAppScheme')),
  serveRenderer: vi.fn(() => fake.state.calls.push('serveRenderer')),
}));
vi.mock('./hardening', () => ({ hardenWebContents: vi.fn(() => fake.state.calls.push('hardenWebContents')) }));
vi.mock('./ipc/sessionHandlers', () => ({ registerSessionIpc: vi.fn(() => fake.state.calls.push('registerSessionIpc')) }));
vi.mock('./window', () => ({ createMainWindow: vi.fn(() => fake.state.calls.push('createMainWindow')) }));
vi.mock('./helpdeskTabs/wireHelpdeskTabs', () => ({
  wireHelpdeskTabs: vi.fn(() => {
    fake.state.calls.push('wireHelpdeskTabs');
    return { attach: () => fake.state.calls.push('attachHelpdeskTabs'), unregister: () => undefined };
  }),
}));

const realPlatform = process.platform;

function setPlatform(platform: NodeJS.Platform) {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

async function startApp() {
  vi.resetModules();
  await import('./main');
}

beforeEach(() => {
  vi.clearAllMocks();
  fake.state.gotLock = true;
  fake.state.listeners.clear();
  fake.state.windows = [];
  fake.state.calls = [];
});

afterEach(() => {
  setPlatform(realPlatform);
});

describe('main process lifecycle', () => {
  it('privileges the app scheme before ready, then serves, wires IPC and opens the window', async () => {
    await startApp();
    expect(fake.state.calls).toEqual([
      'registerAppScheme',
      'ready',
      'hardenWebContents',
      'serveRenderer',
      'registerSessionIpc',
      'wireHelpdeskTabs',
      'createMainWindow',
      'attachHelpdeskTabs',
    ]);
  });

  it('quits when the last window closes, except on macOS', async () => {
    await startApp();
    const windowAllClosed = fake.state.listeners.get('window-all-closed')!;

    setPlatform('linux');
    windowAllClosed();
    expect(fake.app.quit).toHaveBeenCalledTimes(1);

    setPlatform('darwin');
    windowAllClosed();
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
  });

  it('reopens the window on activate only when none is open', async () => {
    await startApp();
    const activate = fake.state.listeners.get('activate')!;
    fake.state.calls = [];

    activate();
    expect(fake.state.calls).toEqual(['createMainWindow', 'attachHelpdeskTabs']);

    fake.state.windows = [{ isMinimized: () => false, restore: vi.fn(), focus: vi.fn() }];
    activate();
    expect(fake.state.calls).toEqual(['createMainWindow', 'attachHelpdeskTabs']);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await startApp();
    const window = { isMinimized: () => true, restore: vi.fn(), focus: vi.fn() };
    fake.state.windows = [window];
    fake.state.listeners.get('second-instance')!();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('exits at once when another instance already runs', async () => {
    fake.state.gotLock = false;
    await startApp();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.state.calls).toEqual(['registerAppScheme']);
  });
});
