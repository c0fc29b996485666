/**
 * The app-wide safety nets: every web contents refuses <webview> and pop-ups, and no web
 * permission is ever granted.
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

const { hardenWebContents } = await import('./hardening');

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
