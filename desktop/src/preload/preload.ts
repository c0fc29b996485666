/**
 * The preload bridge: exposes `window.tandemDesktop` with the typed session API and the helpdesk
 * tabs' API, and nothing else. No ipcRenderer, no generic invoke: the page can reach exactly the
 * contract's channels (channels.ts, helpdeskChannels.ts), and main still validates every payload.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { DESKTOP_BRIDGE_KEY, type DesktopBridge, type IpcArgs, type IpcChannel, type IpcResponse, type IpcResult } from '../ipc/channels';
import {
  HELPDESK_CONSOLE_EVENTS,
  type HelpdeskBridge,
  type HelpdeskDraftOutcomeEvent,
  type HelpdeskIpcArgs,
  type HelpdeskIpcChannel,
  type HelpdeskIpcResult,
  type HelpdeskTabsState,
} from '../ipc/helpdeskChannels';

function invoke<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResponse<IpcResult<C>>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcResponse<IpcResult<C>>>;
}

function invokeHelpdesk<C extends HelpdeskIpcChannel>(channel: C, ...args: HelpdeskIpcArgs<C>): Promise<IpcResponse<HelpdeskIpcResult<C>>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcResponse<HelpdeskIpcResult<C>>>;
}

/** Subscribes the page to one main → console event; the page gets the payload only, never the IPC event (it holds `sender`). */
function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const forward = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const helpdeskBridge: HelpdeskBridge = {
  list: () => invokeHelpdesk('helpdeskTabs:list'),
  open: (request) =>
    invokeHelpdesk('helpdeskTabs:open', request.site === undefined ? { url: request.url } : { url: request.url, site: request.site }),
  activate: (tabId) => invokeHelpdesk('helpdeskTabs:activate', tabId),
  close: (tabId) => invokeHelpdesk('helpdeskTabs:close', tabId),
  insert: (request) => invokeHelpdesk('helpdeskTabs:insert', { tabId: request.tabId, draftId: request.draftId, text: request.text }),
  setLayout: (layout) => invokeHelpdesk('helpdeskTabs:layout', { top: layout.top, copilotWidth: layout.copilotWidth }),
  onState: (listener) => subscribe<HelpdeskTabsState>(HELPDESK_CONSOLE_EVENTS.state, listener),
  onDraftOutcome: (listener) => subscribe<HelpdeskDraftOutcomeEvent>(HELPDESK_CONSOLE_EVENTS.draftOutcome, listener),
};

const desktopBridge: DesktopBridge = {
  session: {
    load: () => invoke('session:load'),
    save: (session) => invoke('session:save', { serverUrl: session.serverUrl, token: session.token }),
    clear: () => invoke('session:clear'),
  },
  helpdesk: helpdeskBridge,
};

contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_KEY, desktopBridge);

export type { DesktopBridge } from '../ipc/channels';
