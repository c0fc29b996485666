/**
 * One connection check: settings → `session.get` → a ConnectionState. The session fetcher is
 * injected so the check is tested without a server.
 */
import type { SessionInfo } from '@tandem/shared';
import type { ExtensionSettings } from '../settings/settings';
import { connectedState, connectionStateFromError, type ConnectionState } from './connectionState';

export type SessionFetcher = (settings: ExtensionSettings, signal: AbortSignal) => Promise<SessionInfo>;

/** A hung server must not leave the panel saying nothing: after this, it counts as unreachable. */
export const CONNECTION_TIMEOUT_MS = 8_000;

export async function checkConnection(
  settings: ExtensionSettings | undefined,
  fetchSession: SessionFetcher,
  timeoutMs = CONNECTION_TIMEOUT_MS,
): Promise<ConnectionState> {
  if (settings === undefined) return { kind: 'not-configured' };
  try {
    return connectedState(await fetchSession(settings, AbortSignal.timeout(timeoutMs)));
  } catch (error) {
    return connectionStateFromError(error);
  }
}
