/**
 * App-wide safety nets for every web contents Electron creates, beyond the main window's own
 * rules: no <webview> can be attached and no web permission (camera, notifications, ...) is
 * granted, since the console needs none.
 */
import { app, session } from 'electron';

export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}
