/**
 * The console's channels to the helpdesk tabs (HelpdeskIpcContract). Like the session channels
 * (ipc/registerIpc.ts), each call is answered only for the app's own page, its arguments must
 * parse with the channel's schema first, and the answer is always an IpcResponse envelope with
 * Tandem's one error shape. A helpdesk page can never reach these: its URL is not the app's.
 */
import { invalidInputError, tandemError, type TandemError } from '@tandem/shared';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { IpcResponse } from '../../ipc/channels';
import type { HelpdeskIpcArgs, HelpdeskIpcChannel, HelpdeskIpcHandlers, HelpdeskIpcResult } from '../../ipc/helpdeskChannels';
import { helpdeskIpcArgSchemas } from '../../ipc/helpdeskSchemas';
import { DesktopIpcError } from '../ipc/desktopError';
import type { IsAppUrl } from '../ipc/registerIpc';
import type { HelpdeskTabs } from './helpdeskTabs';

/**
 * The handler map over the current window's tab manager (looked up per call, since on macOS the
 * window may be closed and reopened): one line per channel, the manager does the work.
 */
export function helpdeskIpcHandlers(tabs: () => HelpdeskTabs): HelpdeskIpcHandlers {
  return {
    'helpdeskTabs:list': () => tabs().list(),
    'helpdeskTabs:open': (request) => tabs().open(request),
    'helpdeskTabs:activate': (tabId) => tabs().activate(tabId),
    'helpdeskTabs:close': (tabId) => tabs().close(tabId),
    'helpdeskTabs:insert': ({ tabId, draftId, text }) => tabs().insert(tabId, draftId, text),
    'helpdeskTabs:layout': (layout) => tabs().setLayout(layout),
  };
}

export function registerHelpdeskIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: HelpdeskIpcHandlers,
  isAppUrl: IsAppUrl,
): () => void {
  const channels = Object.keys(helpdeskIpcArgSchemas) as HelpdeskIpcChannel[];
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => dispatch(channel, handlers, event, args, isAppUrl));
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

function failure(error: TandemError): { ok: false; error: TandemError } {
  return { ok: false, error };
}

async function dispatch<C extends HelpdeskIpcChannel>(
  channel: C,
  handlers: HelpdeskIpcHandlers,
  event: IpcMainInvokeEvent,
  rawArgs: unknown[],
  isAppUrl: IsAppUrl,
): Promise<IpcResponse<HelpdeskIpcResult<C>>> {
  if (!isAppUrl(event.senderFrame?.url ?? '')) {
    return failure(tandemError('FORBIDDEN', `${channel} is only answered for the Tandem console`));
  }
  const schema: z.ZodType<HelpdeskIpcArgs<C>> = helpdeskIpcArgSchemas[channel];
  const parsed = schema.safeParse(rawArgs);
  if (!parsed.success) return failure(invalidInputError(parsed.error, { message: `Invalid ${channel} payload` }));
  const handler = handlers[channel] as (...args: HelpdeskIpcArgs<C>) => HelpdeskIpcResult<C> | Promise<HelpdeskIpcResult<C>>;
  try {
    return { ok: true, value: await handler(...parsed.data) };
  } catch (error) {
    if (error instanceof DesktopIpcError) return failure(error.toJSON());
    // A draft's text may be quoted in an unexpected error: only its kind goes back.
    return failure(tandemError('INTERNAL_SERVER_ERROR', `${channel} failed`));
  }
}
