/**
 * A stand-in for Electron's ipcMain in tests: records registered handlers and lets a test invoke
 * a channel as a given page would.
 */
import type { IpcMainInvokeEvent } from 'electron';

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export const CONSOLE_PAGE = 'tandem://app/console/';

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Calls a channel the way `ipcRenderer.invoke` from a page at `senderUrl` would. */
  async invoke(channel: string, args: unknown[], senderUrl: string | null = CONSOLE_PAGE): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    const event = { senderFrame: senderUrl === null ? null : { url: senderUrl } } as unknown as IpcMainInvokeEvent;
    return handler(event, ...args);
  }
}
