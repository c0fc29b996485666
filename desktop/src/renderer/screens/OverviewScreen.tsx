/**
 * The overview screen: the workspace's activity for a chosen period (live counters and trends
 * from analytics), which workspace and role this is, and how the server is doing, refreshed
 * every 10 s, inside the console shell (which draws the top bar and the title). Everything the
 * server sends is rendered as plain text.
 */
import type { ReactNode } from 'react';
import type { HealthStatus } from '@tandem/shared';
import { formatDate, formatTime, formatUptime } from '../format';
import { useHealth } from '../hooks/useHealth';
import { useConsoleSession } from '../shell/consoleSession';
import { AnalyticsSection } from './overview/AnalyticsSection';

export function OverviewScreen() {
  const { client, info, serverUrl, notice, onUnauthorized } = useConsoleSession();
  const health = useHealth(client, onUnauthorized);
  const { workspace, principal } = info;

  return (
    <>
      {notice === null ? null : (
        <p className="callout callout--warning" role="status">
          {notice}
        </p>
      )}

      {/* Analytics is for leads and admins; an agent's console shows the rest. */}
      {principal.role === 'agent' ? null : <AnalyticsSection />}

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
            <Fact label="Server">{serverUrl}</Fact>
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
    </>
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
