/**
 * The signed-in session every console screen reads: the tRPC client, who is signed in, the
 * server's address, and how to end the session when the server refuses the token.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { SessionInfo } from '@tandem/shared';
import type { ConsoleClient } from '../api/client';

export interface ConsoleSession {
  client: ConsoleClient;
  info: SessionInfo;
  serverUrl: string;
  /** The server's bearer token, for the few requests that do not go through tRPC's client (uploads with progress). */
  token: string;
  /** Shown once above the first screen, e.g. when the session could not be remembered. */
  notice: string | null;
  onUnauthorized(): void;
}

const SessionContext = createContext<ConsoleSession | null>(null);

export function ConsoleSessionProvider({ session, children }: { session: ConsoleSession; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useConsoleSession(): ConsoleSession {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useConsoleSession is used outside the signed-in console');
  return session;
}

/** Admins may change tokens and widget sites; leads only read them. */
export function useIsAdmin(): boolean {
  return useConsoleSession().info.principal.role === 'admin';
}
