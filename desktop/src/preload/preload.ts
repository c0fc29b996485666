/**
 * The preload bridge: exposes `window.tandemDesktop` with the typed session API and nothing else.
 * No ipcRenderer, no generic invoke: the page can reach exactly three channels, and main still
 * validates every payload.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_BRIDGE_KEY, type DesktopBridge, type IpcArgs, type IpcChannel, type IpcResponse, type IpcResult } from '../ipc/channels';

function invoke<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResponse<IpcResult<C>>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcResponse<IpcResult<C>>>;
}

const desktopBridge: DesktopBridge = {
  session: {
    load: () => invoke('session:load'),
    save: (session) => invoke('session:save', { serverUrl: session.serverUrl, token: session.token }),
    clear: () => invoke('session:clear'),
  },
};

contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_KEY, desktopBridge);

export type { DesktopBridge } from '../ipc/channels';
