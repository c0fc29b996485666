/**
 * The app's security settings in one place: the web preferences every page Tandem opens gets (the
 * console window and the helpdesk tabs), the app-wide safety nets for every web contents Electron
 * creates (no <webview>, no pop-ups unless a window's own handler decides otherwise), and the
 * permission policy of each session: the console's grants nothing, a helpdesk tab's grants only
 * what a helpdesk needs (HELPDESK_PERMISSIONS) and only to the site's own pages.
 */
import { app, session, type Session, type WebPreferences } from 'electron';

/** No Node, no Electron, no <webview> in any page; the preload talks to main only through contextBridge/IPC. */
export function hardenedWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
  };
}

export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

/**
 * What a helpdesk page may have, and why; everything else (camera, microphone, location, screen
 * capture, MIDI, HID/serial/USB devices, clipboard reads, pointer lock...) is denied:
 * - notifications: Gmail and Zendesk announce new mail and ticket updates this way, and a helpdesk
 *   tab is often hidden behind another one, so without them the agent misses new work;
 * - clipboard-sanitized-write: the sites' own "copy link" / "copy ticket id" buttons write plain
 *   text to the clipboard. Reading the clipboard (paste buttons) stays denied: keyboard paste
 *   needs no permission, and a page reading the clipboard could take whatever the agent copied last.
 */
export const HELPDESK_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'clipboard-sanitized-write']);

/**
 * Sets a helpdesk partition's policy: a permission in HELPDESK_PERMISSIONS is granted only when
 * the page asking is on one of the site's own hosts (`isSiteUrl`), so an ad or widget frame from
 * elsewhere inside the page gets nothing. Device pickers are refused outright. A download (an
 * attachment) goes through Electron's save dialog only while the tab shows the site itself, not a
 * sign-in page.
 */
export function hardenHelpdeskSession(
  ses: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'>,
  isSiteUrl: (url: string) => boolean,
): void {
  const allowed = (permission: string, url: string | undefined) =>
    HELPDESK_PERMISSIONS.has(permission) && url !== undefined && isSiteUrl(url);
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    // Cross-origin frames' checks carry no requesting URL: their origin is judged instead.
    allowed(permission, details.requestingUrl ?? requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event, _item, contents) => {
    if (!isSiteUrl(contents.getURL())) event.preventDefault();
  });
}

/**
 * The user agent a helpdesk sees: Electron's without the "Electron/x" and app tokens. Google's
 * sign-in refuses browsers it takes for embedded web views, and the page is a real Chromium.
 */
export function browserUserAgent(electronUserAgent: string): string {
  return electronUserAgent
    .split(' ')
    .filter((token) => !/^(Electron|tandem|@tandem\/desktop)\//i.test(token))
    .join(' ');
}
