/**
 * Registers the typed handler map on ipcMain. Every call is checked twice before a handler runs:
 * the sender must be the app's own page, and the arguments must pass the channel's zod schema.
 * Handlers never throw across IPC; the caller always gets an `IpcResponse` envelope.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { DesktopError, IpcArgs, IpcChannel, IpcHandlers, IpcResponse, IpcResult } from '../../ipc/channels';
import { DesktopIpcError } from './desktopError';
import { ipcArgSchemas } from './schemas';

/** Whether a URL belongs to the app; IPC from any other page (an injected frame, a navigated window) is refused. */
export type IsAppUrl = (url: string) => boolean;

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: IpcHandlers,
  isAppUrl: IsAppUrl,
): () => void {
  const channels = Object.keys(ipcArgSchemas) as IpcChannel[];
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => dispatch(channel, handlers, event, args, isAppUrl));
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

async function dispatch<C extends IpcChannel>(
  channel: C,
  handlers: IpcHandlers,
  event: IpcMainInvokeEvent,
  rawArgs: unknown[],
  isAppUrl: IsAppUrl,
): Promise<IpcResponse<IpcResult<C>>> {
  const senderUrl = event.senderFrame?.url ?? '';
  if (!isAppUrl(senderUrl)) {
    return failure({ code: 'UNTRUSTED_SENDER', message: `${channel} is only answered for the Tandem console` });
  }
  const schema: z.ZodType<IpcArgs<C>> = ipcArgSchemas[channel];
  const parsed = schema.safeParse(rawArgs);
  if (!parsed.success) {
    return failure({ code: 'INVALID_PAYLOAD', message: `Invalid ${channel} payload: ${z.prettifyError(parsed.error)}` });
  }
  const handler: IpcHandlers[C] = handlers[channel];
  try {
    return { ok: true, value: await handler(...parsed.data) };
  } catch (err) {
    if (err instanceof DesktopIpcError) return failure(err.toJSON());
    return failure({ code: 'STORAGE_FAILED', message: err instanceof Error ? err.message : String(err) });
  }
}

function failure(error: DesktopError): { ok: false; error: DesktopError } {
  return { ok: false, error };
}
