/**
 * The panel header: whether Tandem can reach the server with the agent's token, and for which
 * workspace, with a way to the options page when the agent has to fix something.
 */
import { CONNECTION_LABELS, type ConnectionState } from '../connection/connectionState';

export function ConnectionStatus({ state }: { state: ConnectionState | undefined }) {
  if (state === undefined) return <p className="muted">Checking connection…</p>;
  return (
    <section className="card" aria-label="Connection">
      <p className={`connection connection--${state.kind}`} data-testid="connection-state" role="status">
        {CONNECTION_LABELS[state.kind]}
      </p>
      {state.kind === 'connected' ? (
        <p>
          Workspace <strong data-testid="workspace-name">{state.session.workspace.name}</strong>
          <span className="muted">
            {' '}
            · {state.session.principal.name} ({state.session.principal.role}) · server {state.session.serverVersion}
          </span>
        </p>
      ) : (
        <>
          {state.kind === 'not-configured' ? null : (
            <p className="muted" data-testid="connection-detail">
              {state.detail}
            </p>
          )}
          <button type="button" onClick={() => void chrome.runtime.openOptionsPage()}>
            Open settings
          </button>
        </>
      )}
    </section>
  );
}
