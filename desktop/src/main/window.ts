/**
 * The console window: locked-down web preferences, no pop-ups, no navigation away from the app.
 * The page talks to the main process only through the preload's typed session bridge.
 */
import { BrowserWindow, shell, type BrowserWindowConstructorOptions } from 'electron';
import { hardenedWebPreferences } from './hardening';
import { preloadPath as defaultPreloadPath } from './paths';
import { rendererTarget, type RendererTarget } from './rendererTarget';

export function mainWindowOptions(preloadPath: string = defaultPreloadPath): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 520,
    title: 'Tandem',
    backgroundColor: '#f5f6f8',
    // Shown once the first paint is ready, so the window never flashes empty.
    show: false,
    webPreferences: hardenedWebPreferences(preloadPath),
  };
}

/** Only web links leave the app, and only to the user's browser; never file:, javascript: or custom schemes. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function createMainWindow(target: RendererTarget = rendererTarget(), preloadPath: string = defaultPreloadPath): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  const { webContents } = window;

  webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  webContents.on('will-navigate', (event) => {
    if (!target.isAppUrl(event.url)) event.preventDefault();
  });
  webContents.on('will-redirect', (event) => {
    if (!target.isAppUrl(event.url)) event.preventDefault();
  });

  window.once('ready-to-show', () => window.show());
  webContents.loadURL(target.url).catch((err: unknown) => {
    process.stderr.write(`Tandem could not load the console from ${target.url}: ${String(err)}\n`);
  });
  return window;
}
