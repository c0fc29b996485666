/** The alerts raised in this workspace as they arrive from live.alerts, newest first. */
import { EmptyState } from '../../shell/QueryView';
import { formatAgo } from '../../shell/relativeTime';
import type { LiveAlert } from '../../hooks/useAlerts';

export function LiveAlerts({ alerts, connected }: { alerts: readonly LiveAlert[]; connected: boolean }) {
  return (
    <section className="card" aria-labelledby="live-alerts-heading" data-testid="live-alerts">
      <div className="card__header">
        <h2 className="card__title" id="live-alerts-heading">
          Live alerts
        </h2>
        <span className={connected ? 'pill pill--fresh' : 'pill'} data-testid="live-alerts-connection">
          {connected ? 'Live' : 'Connecting…'}
        </span>
      </div>
      {alerts.length === 0 ? (
        <EmptyState title="No alerts">Alerts appear here the moment a rule is breached or a customer needs attention.</EmptyState>
      ) : (
        <ul className="live-alerts" aria-live="polite">
          {alerts.map((alert) => (
            <li className="live-alert" key={alert.seq} data-testid="live-alert">
              <div className="live-alert__title">{alert.title}</div>
              <div className="muted small">{alert.detail}</div>
              <time className="muted small" dateTime={alert.at}>
                {formatAgo(alert.at)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
