/**
 * The panel's top bar: Tandem, whether it reaches the server with the agent's token (and which
 * workspace), and the way to the settings. The states that need the agent are explained, each
 * with its next step, by ConnectionNotice.
 */
import { CONNECTION_LABELS, type ConnectionState } from '../connection/connectionState';

export const CONNECTING_LABEL = 'Connecting…';

export function openSettings(): void {
  void chrome.runtime.openOptionsPage();
}

export function ConnectionStatus({ state }: { state: ConnectionState | undefined }) {
  const kind = state?.kind ?? 'connecting';
  return (
    <header className="topbar">
      <h1 className="topbar__brand">Tandem</h1>
      <p className={`topbar__state connection connection--${kind}`}>
        <span className="connection__dot" aria-hidden="true" />
        <span data-testid="connection-state" role="status">
          {state === undefined ? CONNECTING_LABEL : CONNECTION_LABELS[state.kind]}
        </span>
        {state?.kind === 'connected' ? (
          <span className="topbar__workspace muted" title={`${state.session.principal.name} (${state.session.principal.role})`}>
            {' · '}
            <span data-testid="workspace-name">{state.session.workspace.name}</span>
          </span>
        ) : null}
      </p>
      <button type="button" className="topbar__settings" onClick={openSettings}>
        Settings
      </button>
    </header>
  );
}
