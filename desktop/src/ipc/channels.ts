/**
 * The one contract between the Electron main process, the preload bridge and the renderer: every
 * IPC channel with its argument and result types, the reply envelope, and the bridge's shape.
 * Types and constants only, so the preload and the renderer can import it without pulling in
 * main-process code; main validates every payload against it with zod (src/main/ipc/schemas.ts).
 */
import type { TandemError } from '@tandem/shared';
import type { HelpdeskBridge } from './helpdeskChannels';

/** What the desktop app remembers between launches (the token is stored encrypted). */
export interface StoredSession {
  serverUrl: string;
  token: string;
}

/** Channel name → the call the renderer makes: its arguments and what main answers with. */
export interface IpcContract {
  'session:load': () => StoredSession | null;
  'session:save': (session: StoredSession) => void;
  'session:clear': () => void;
}

export type IpcChannel = keyof IpcContract;
export type IpcArgs<C extends IpcChannel> = Parameters<IpcContract[C]>;
export type IpcResult<C extends IpcChannel> = ReturnType<IpcContract[C]>;

/** The map main registers: one handler per channel, typed by the contract. */
export type IpcHandlers = { [C in IpcChannel]: (...args: IpcArgs<C>) => Promise<IpcResult<C>> };

/**
 * Main answers every call with an envelope instead of throwing: errors crossing IPC and the
 * context bridge lose everything but their message, and the renderer needs the code. The error is
 * Tandem's one error shape with a code from the one shared list, as the server's are:
 * - BAD_REQUEST: the renderer sent something the contract does not allow (with the zod issues);
 * - FORBIDDEN: the message did not come from the app's own page;
 * - UPSTREAM_UNAVAILABLE: the OS offers no encryption (no keyring on Linux), so the token is not written;
 * - INTERNAL_SERVER_ERROR: reading or writing the session file failed.
 */
export type IpcResponse<T> = { ok: true; value: T } | { ok: false; error: TandemError };

/** The name under which the preload exposes the bridge on `window`. */
export const DESKTOP_BRIDGE_KEY = 'tandemDesktop';

/** Everything the renderer can reach in the Electron shell, and nothing more. */
export interface DesktopBridge {
  session: {
    load(): Promise<IpcResponse<StoredSession | null>>;
    save(session: StoredSession): Promise<IpcResponse<void>>;
    clear(): Promise<IpcResponse<void>>;
  };
  /** The app's helpdesk tabs (helpdeskChannels.ts); absent from a preload older than them. */
  helpdesk?: HelpdeskBridge;
}
