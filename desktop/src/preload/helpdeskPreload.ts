/**
 * The preload of the app's helpdesk tabs (built to dist/preload/helpdeskPreload.cjs). It runs in
 * the tab's isolated world, like the extension's content scripts, and exposes nothing to the
 * page: it reads the ticket with the site's adapter and answers main's insert commands
 * (helpdeskPage.ts). Main passes the tab's site in process.argv.
 */
import { ipcRenderer, type IpcRendererEvent } from 'electron';
import { HELPDESK_INSERT_CHANNEL } from '../ipc/helpdeskChannels';
import { readHelpdeskArgument, runHelpdeskPage, type HelpdeskPageIpc } from './helpdeskPage';

const ipc: HelpdeskPageIpc = {
  send: (channel, payload) => ipcRenderer.send(channel, payload),
  onInsert(listener) {
    const forward = (_event: IpcRendererEvent, raw: unknown) => listener(raw);
    ipcRenderer.on(HELPDESK_INSERT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(HELPDESK_INSERT_CHANNEL, forward);
    };
  },
};

const config = readHelpdeskArgument(process.argv);

// The preload runs before the page has a document element; the adapters read the parsed page.
function start(): void {
  if (config !== undefined) runHelpdeskPage(document, () => location.href, config, ipc);
}

if (config !== undefined) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
