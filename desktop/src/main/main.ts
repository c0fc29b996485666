/**
 * Electron entry point: the app's lifecycle. One instance at a time; the console window opens
 * when the app is ready and again when the dock icon is clicked on macOS, where closing the last
 * window leaves the app running as users there expect. Each console window gets its helpdesk tabs.
 */
import { app, BrowserWindow } from 'electron';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { hardenWebContents } from './hardening';
import { wireHelpdeskTabs } from './helpdeskTabs/wireHelpdeskTabs';
import { registerSessionIpc } from './ipc/sessionHandlers';
import { rendererDir } from './paths';
import { rendererTarget } from './rendererTarget';
import { createMainWindow } from './window';

const target = rendererTarget();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window === undefined) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  await app.whenReady();
  hardenWebContents();
  serveRenderer(rendererDir);
  registerSessionIpc(target.isAppUrl);
  const helpdeskTabs = wireHelpdeskTabs(target.isAppUrl);
  helpdeskTabs.attach(createMainWindow(target));

  // Registered once ready: the reopened window gets its helpdesk tabs like the first one.
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) helpdeskTabs.attach(createMainWindow(target));
  });
}
