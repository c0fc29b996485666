/**
 * The Electron preload adds `window.tandemDesktop`; in a plain browser (the server's /console)
 * it is absent, which is how the console knows where it runs.
 */
import type { DesktopBridge } from '../ipc/channels';

declare global {
  interface Window {
    tandemDesktop?: DesktopBridge;
  }
}

export {};
