/**
 * What the panel says when it cannot draft because of the connection, each state with one next
 * step: connecting (wait, or check the address), not set up and signed out (Settings), offline
 * (knowledge from the local cache; try again).
 */
import type { ConnectionState } from '../../connection/connectionState';
import { openSettings } from '../ConnectionStatus';

export function ConnectionNotice({ state, onRetry }: { state: ConnectionState | undefined; onRetry: () => void }) {
  if (state === undefined) {
    return (
      <section className="notice notice--info" aria-label="Connection" data-testid="state-connecting">
        <p className="notice__title">Connecting to your Tandem server…</p>
        <p>Drafts start as soon as it answers. If this stays, check the server address.</p>
        <button type="button" onClick={openSettings}>
          Check the settings
        </button>
      </section>
    );
  }
  switch (state.kind) {
    case 'connected':
      return null;
    case 'not-configured':
      return (
        <section className="notice notice--info" aria-label="Connection" data-testid="state-not-configured">
          <p className="notice__title">Connect Tandem to your team&apos;s server</p>
          <p>You need the server address and an API token from your team lead.</p>
          <button type="button" className="primary" onClick={openSettings}>
            Open settings
          </button>
        </section>
      );
    case 'signed-out':
      return (
        <section className="notice notice--danger" aria-label="Connection" data-testid="state-signed-out">
          <p className="notice__title">You are signed out</p>
          <p data-testid="connection-detail">{state.detail}</p>
          <button type="button" className="primary" onClick={openSettings}>
            Sign in again
          </button>
        </section>
      );
    case 'unreachable':
      return (
        <section className="notice notice--warn" aria-label="Connection" data-testid="state-offline">
          <p className="notice__title">Offline: knowledge from the local cache only</p>
          <p>
            No drafts until the server answers. <span data-testid="connection-detail">{state.detail}</span>
          </p>
          <button type="button" className="primary" onClick={onRetry}>
            Try again now
          </button>
        </section>
      );
  }
}
