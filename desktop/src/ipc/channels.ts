/**
 * The one contract between the Electron main process, the preload bridge and the renderer: every
 * IPC channel with its argument and result types, the reply envelope, and the bridge's shape.
 * Types and constants only, so the preload and the renderer can import it without pulling in
 * main-process code; main validates every payload against it with zod (src/main/ipc/schemas.ts).
 */

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

export type DesktopErrorCode =
  /** The renderer sent something the contract does not allow. */
  | 'INVALID_PAYLOAD'
  /** The message did not come from the app's own page. */
  | 'UNTRUSTED_SENDER'
  /** The OS offers no encryption (e.g. no keyring on Linux); the token is never written in plain text. */
  | 'ENCRYPTION_UNAVAILABLE'
  /** Reading or writing the session file failed. */
  | 'STORAGE_FAILED';

export interface DesktopError {
  code: DesktopErrorCode;
  message: string;
}

/**
 * Main answers every call with an envelope instead of throwing: errors crossing IPC and the
 * context bridge lose everything but their message, and the renderer needs the code.
 */
export type IpcResponse<T> = { ok: true; value: T } | { ok: false; error: DesktopError };

/** The name under which the preload exposes the bridge on `window`. */
export const DESKTOP_BRIDGE_KEY = 'tandemDesktop';

/** Everything the renderer can reach in the Electron shell, and nothing more. */
export interface DesktopBridge {
  session: {
    load(): Promise<IpcResponse<StoredSession | null>>;
    save(session: StoredSession): Promise<IpcResponse<void>>;
    clear(): Promise<IpcResponse<void>>;
  };
}
