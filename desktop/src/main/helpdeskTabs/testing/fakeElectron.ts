/**
 * A stand-in for the parts of Electron the helpdesk tabs use (there is no Electron binary in CI):
 * WebContentsView with its webContents, main frame and per-contents IPC, sessions by partition,
 * shell, and a console window. Tests load it with
 * `vi.mock('electron', async () => (await import('./testing/fakeElectron')).fakeElectronModule)`
 * and drive it as the page, the user or the window would.
 */
import type { WebPreferences } from 'electron';
import { FakeIpcMain } from '../../testing/fakeIpcMain';

type Listener = (...args: unknown[]) => void;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(event, wrapped);
      listener(...args);
    };
    return this.on(event, wrapped);
  }
  off(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((each) => each !== listener),
    );
    return this;
  }
  removeAllListeners(event: string): this {
    this.listeners.delete(event);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
}

export class FakeFrame {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  constructor(
    public url: string,
    readonly processId = 1,
    readonly routingId = 1,
  ) {}
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
}

export class FakeWebContents extends Emitter {
  readonly ipc = new Emitter();
  mainFrame = new FakeFrame('about:blank');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  title = '';
  destroyed = false;
  readonly loaded: string[] = [];
  readonly sentToPage: { channel: string; payload: unknown }[] = [];

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.mainFrame = new FakeFrame(url, this.mainFrame.processId, this.mainFrame.routingId);
  }
  /** The page moved its main frame to `url` (a link, a redirect that was let through). */
  navigated(url: string, processId = this.mainFrame.processId, routingId = this.mainFrame.routingId): void {
    this.mainFrame = new FakeFrame(url, processId, routingId);
    this.emit('did-navigate', {}, url);
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  getTitle(): string {
    return this.title;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
  }
  send(channel: string, payload: unknown): void {
    this.sentToPage.push({ channel, payload });
  }
  /** A one-way message from a frame of this contents, as `ipcRenderer.send` would deliver it. */
  sendFromFrame(frame: FakeFrame | null, channel: string, ...args: unknown[]): void {
    this.ipc.emit(channel, { senderFrame: frame, sender: this }, ...args);
  }
}

export class FakeWebContentsView {
  static created: FakeWebContentsView[] = [];
  readonly webContents = new FakeWebContents();
  bounds: { x: number; y: number; width: number; height: number } | undefined;
  visible = true;
  constructor(readonly options: { webPreferences?: WebPreferences }) {
    FakeWebContentsView.created.push(this);
  }
  setBounds(bounds: { x: number; y: number; width: number; height: number }): void {
    this.bounds = bounds;
  }
  setVisible(visible: boolean): void {
    this.visible = visible;
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  devicePermissionHandler: ((details: unknown) => boolean) | undefined;
  userAgent =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) @tandem/desktop/0.1.0 Chrome/146.0.7680.65 Electron/41.10.0 Safari/537.36';
  constructor(readonly partition: string) {}
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void {
    this.devicePermissionHandler = handler;
  }
  readonly downloadListeners: ((event: { preventDefault: () => void }, item: unknown, contents: { getURL: () => string }) => void)[] = [];
  on(event: string, listener: (event: { preventDefault: () => void }, item: unknown, contents: { getURL: () => string }) => void): this {
    if (event === 'will-download') this.downloadListeners.push(listener);
    return this;
  }
  getUserAgent(): string {
    return this.userAgent;
  }
  setUserAgent(userAgent: string): void {
    this.userAgent = userAgent;
  }
  /** Asks as a page at `requestingUrl` would; resolves with the decision. */
  request(permission: string, requestingUrl: string, isMainFrame = true): boolean {
    let granted: boolean | undefined;
    this.permissionRequestHandler?.({}, permission, (value) => (granted = value), { requestingUrl, isMainFrame });
    if (granted === undefined) throw new Error('The permission request was never answered');
    return granted;
  }
}

export const fakeSessions = new Map<string, FakeSession>();
/** Where `ipcMain.handle` registrations go; a test swaps in a fresh FakeIpcMain. */
export const fakeIpcMainRef: { current: FakeIpcMain } = { current: new FakeIpcMain() };
export const openedExternally: string[] = [];

/** The console window the tabs sit in. */
export class FakeConsoleWindow extends Emitter {
  readonly children: FakeWebContentsView[] = [];
  contentSize: [number, number] = [1200, 800];
  readonly webContents = new FakeWebContents();
  readonly contentView = {
    addChildView: (view: FakeWebContentsView) => this.children.push(view),
    removeChildView: (view: FakeWebContentsView) => this.children.splice(this.children.indexOf(view), 1),
  };
  constructor(consoleUrl = 'tandem://app/console/') {
    super();
    this.webContents.mainFrame = new FakeFrame(consoleUrl, 9, 9);
  }
  getContentSize(): [number, number] {
    return this.contentSize;
  }
  resize(width: number, height: number): void {
    this.contentSize = [width, height];
    this.emit('resize');
  }
  /** What main sent the console on `channel`, in order. */
  sentOn(channel: string): unknown[] {
    return this.webContents.sentToPage.filter((each) => each.channel === channel).map((each) => each.payload);
  }
}

export function resetFakeElectron(): void {
  FakeWebContentsView.created.length = 0;
  fakeIpcMainRef.current = new FakeIpcMain();
  fakeSessions.clear();
  openedExternally.length = 0;
}

export const fakeElectronModule = {
  WebContentsView: FakeWebContentsView,
  session: {
    fromPartition(partition: string): FakeSession {
      const existing = fakeSessions.get(partition);
      if (existing !== undefined) return existing;
      const created = new FakeSession(partition);
      fakeSessions.set(partition, created);
      return created;
    },
  },
  shell: {
    openExternal: async (url: string) => {
      openedExternally.push(url);
    },
  },
  ipcMain: {
    handle: (...args: Parameters<FakeIpcMain['handle']>) => fakeIpcMainRef.current.handle(...args),
    removeHandler: (channel: string) => fakeIpcMainRef.current.removeHandler(channel),
  },
};
