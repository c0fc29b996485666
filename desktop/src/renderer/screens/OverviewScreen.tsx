/**
 * Screen 2: the signed-in overview: which workspace and role this is, and how the server is
 * doing, refreshed every 10 s. Everything the server sends is rendered as plain text.
 */
import type { ReactNode } from 'react';
import type { HealthStatus, SessionInfo } from '@tandem/shared';
import type { ConsoleClient } from '../api/client';
import { formatDate, formatTime, formatUptime } from '../format';
import { useHealth } from '../hooks/useHealth';
import { Brand } from '../components/Brand';

export interface OverviewScreenProps {
  client: ConsoleClient;
  info: SessionInfo;
  serverUrl: string;
  /** Shown above the content, e.g. when the session could not be remembered. */
  notice: string | null;
  onSignOut(): void;
  onUnauthorized(): void;
}

export function OverviewScreen({ client, info, serverUrl, notice, onSignOut, onUnauthorized }: OverviewScreenProps) {
  const health = useHealth(client, onUnauthorized);
  const { workspace, principal } = info;

  return (
    <div className="shell">
      <header className="topbar">
        <Brand />
        <div className="topbar__workspace">
          <span className="topbar__label">Workspace</span>
          <span className="topbar__value" data-testid="workspace-name">
            {workspace.name}
          </span>
        </div>
        <div className="topbar__user">
          <span className="topbar__principal">{principal.name}</span>
          <span className="badge" data-testid="signed-in-role" title="Role of this token">
            {principal.role}
          </span>
          <button className="button button--ghost" type="button" onClick={onSignOut} data-testid="sign-out">
            Sign out
          </button>
        </div>
      </header>

      <main className="content">
        <div className="content__heading">
          <h1 className="page-title">Overview</h1>
          <p className="page-subtitle">{serverUrl}</p>
        </div>

        {notice === null ? null : (
          <p className="callout callout--warning" role="status">
            {notice}
          </p>
        )}

        <div className="grid">
          <section className="card" aria-labelledby="workspace-heading">
            <h2 className="card__title" id="workspace-heading">
              Workspace
            </h2>
            <dl className="facts">
              <Fact label="Name">{workspace.name}</Fact>
              <Fact label="ID">
                <code>{workspace.id}</code>
              </Fact>
              <Fact label="Created">{formatDate(workspace.createdAt)}</Fact>
              <Fact label="Signed in as">
                {principal.name} <span className="muted">({principal.role})</span>
              </Fact>
              <Fact label="Server version">{info.serverVersion}</Fact>
            </dl>
          </section>

          <section className="card" aria-labelledby="health-heading" aria-busy={health.refreshing}>
            <div className="card__header">
              <h2 className="card__title" id="health-heading">
                Server health
              </h2>
              <button className="button button--ghost button--small" type="button" onClick={health.refresh} disabled={health.refreshing}>
                Refresh
              </button>
            </div>
            {health.error === null ? null : (
              <p className="callout callout--error" role="alert" data-testid="health-error">
                {health.error}
              </p>
            )}
            {health.health === null ? (
              health.error === null ? (
                <p className="muted">Checking the server…</p>
              ) : null
            ) : (
              <HealthDetails health={health.health} updatedAt={health.updatedAt} />
            )}
          </section>
        </div>
      </main>
    </div>
  );
}

function HealthDetails({ health, updatedAt }: { health: HealthStatus; updatedAt: Date | null }) {
  return (
    <>
      <div className="status-line">
        <span className={`status status--${health.status === 'ok' ? 'ok' : 'degraded'}`}>
          <span className="status__dot" aria-hidden="true" />
          <span data-testid="health-status">{health.status}</span>
        </span>
        {updatedAt === null ? null : <span className="muted">Updated {formatTime(updatedAt)}</span>}
      </div>
      <dl className="facts">
        <Fact label="Version">
          <span data-testid="health-version">{health.version}</span>
        </Fact>
        <Fact label="Uptime">
          <span data-testid="health-uptime">{formatUptime(health.uptimeSeconds)}</span>
        </Fact>
        <Fact label="Storage">
          <span data-testid="health-storage">{health.storage}</span>
        </Fact>
      </dl>
      <h3 className="card__subtitle">Components</h3>
      <ul className="components" data-testid="health-components">
        {health.components.map((component) => (
          <li className="component" key={component.name}>
            <span className={`component__dot component__dot--${component.ok ? 'ok' : 'failing'}`} aria-hidden="true" />
            <span className="component__name">{component.name}</span>
            <span className="component__state">{component.ok ? 'ok' : 'failing'}</span>
            {component.detail === undefined ? null : <span className="component__detail">{component.detail}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
