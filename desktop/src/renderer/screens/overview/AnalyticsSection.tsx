/**
 * The overview's analytics: a period switch, the counters from `analytics.summary` and trend
 * charts from `analytics.series`, both refreshed live from `analytics.live`.
 */
import { useState } from 'react';
import { useAnalyticsLive, useAnalyticsSeries, useAnalyticsSummary } from '../../hooks/useAnalytics';
import { EmptyState, QueryView } from '../../shell/QueryView';
import { MetricCounters } from './MetricCounters';
import { OVERVIEW_PERIODS, PERIOD_LABELS, type OverviewPeriod } from './periods';
import { TrendChart, type TrendLine } from './TrendChart';
import './overview.css';

const OUTCOME_LINES: readonly TrendLine[] = [
  { metric: 'resolutionRate', label: 'Resolution', color: 'var(--accent)' },
  { metric: 'containmentRate', label: 'Containment', color: 'var(--ok)' },
];
const TROUBLE_LINES: readonly TrendLine[] = [
  { metric: 'fallbackRate', label: 'Fallback', color: 'var(--warn)' },
  { metric: 'escalationRate', label: 'Escalation', color: 'var(--danger)' },
];
const SATISFACTION_LINES: readonly TrendLine[] = [
  { metric: 'csat', label: 'CSAT', color: 'var(--ok)' },
  { metric: 'copilotAdoption', label: 'Copilot adoption', color: 'var(--accent)' },
];
const RESPONSE_LINES: readonly TrendLine[] = [{ metric: 'firstResponseTime', label: 'First response', color: 'var(--accent)' }];

export function AnalyticsSection() {
  const [period, setPeriod] = useState<OverviewPeriod>('today');
  const summary = useAnalyticsSummary(period);
  const series = useAnalyticsSeries(period);
  useAnalyticsLive();

  return (
    <section className="analytics" aria-labelledby="analytics-heading" data-testid="analytics">
      <div className="analytics__header">
        <h2 className="card__title" id="analytics-heading">
          Activity
        </h2>
        <div className="tabs" role="group" aria-label="Period">
          {OVERVIEW_PERIODS.map((p) => (
            <button
              key={p}
              className={p === period ? 'tab tab--active' : 'tab'}
              type="button"
              aria-pressed={p === period}
              onClick={() => setPeriod(p)}
              data-testid={`period-${p}`}
            >
              {PERIOD_LABELS[p]}
            </button>
          ))}
        </div>
      </div>
      <QueryView
        query={summary}
        what="figures"
        isEmpty={(s) => s.events === 0}
        empty={
          <EmptyState title="No activity in this period">
            Figures appear here as the widget and the copilot handle conversations.
          </EmptyState>
        }
      >
        {(s) => <MetricCounters summary={s} />}
      </QueryView>
      {/* With no activity at all, one empty state says it; four empty charts would only repeat it. */}
      {summary.data?.events === 0 ? null : (
        <QueryView query={series} what="trends">
          {(data) => (
            <div className="charts">
              <TrendChart title="Resolution and containment" series={data} lines={OUTCOME_LINES} unit="ratio" />
              <TrendChart title="Fallback and escalation" series={data} lines={TROUBLE_LINES} unit="ratio" />
              <TrendChart title="CSAT and copilot adoption" series={data} lines={SATISFACTION_LINES} unit="ratio" />
              <TrendChart title="First response time" series={data} lines={RESPONSE_LINES} unit="ms" />
            </div>
          )}
        </QueryView>
      )}
    </section>
  );
}
