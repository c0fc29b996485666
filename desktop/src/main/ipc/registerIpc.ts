/**
 * Registers the typed handler map on ipcMain. Every call is checked twice before a handler runs:
 * the sender must be the app's own page, and the arguments must pass the channel's zod schema.
 * Handlers never throw across IPC; the caller always gets an `IpcResponse` envelope whose error is
 * Tandem's one error shape. No answer carries the token it was sent: validation messages name what
 * was expected, and any other error's message has the token cut out.
 */
import { invalidInputError, tandemError, type TandemError } from '@tandem/shared';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { IpcArgs, IpcChannel, IpcHandlers, IpcResponse, IpcResult } from '../../ipc/channels';
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
    return failure(tandemError('FORBIDDEN', `${channel} is only answered for the Tandem console`));
  }
  const schema: z.ZodType<IpcArgs<C>> = ipcArgSchemas[channel];
  const parsed = schema.safeParse(rawArgs);
  if (!parsed.success) {
    return failure(invalidInputError(parsed.error, { message: `Invalid ${channel} payload` }));
  }
  const handler: IpcHandlers[C] = handlers[channel];
  try {
    return { ok: true, value: await handler(...parsed.data) };
  } catch (err) {
    if (err instanceof DesktopIpcError) return failure(err.toJSON());
    const message = withoutTokens(err instanceof Error ? err.message : String(err), parsed.data);
    return failure(tandemError('INTERNAL_SERVER_ERROR', message));
  }
}

function failure(error: TandemError): { ok: false; error: TandemError } {
  return { ok: false, error };
}

/** An unexpected error may quote what it was working on (a session being saved): its token never goes back. */
function withoutTokens(message: string, args: readonly unknown[]): string {
  let out = message;
  for (const arg of args) {
    const token = typeof arg === 'object' && arg !== null && 'token' in arg ? arg.token : undefined;
    if (typeof token === 'string' && token !== '') out = out.split(token).join('[redacted]');
  }
  return out;
}
