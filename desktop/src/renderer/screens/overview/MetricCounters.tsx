/**
 * The overview's counters for one period, from `analytics.summary`: each figure with the counts
 * behind it, so a lead can tell 100% of 1 from 100% of 400.
 */
import type { AnalyticsMetricName, AnalyticsSummary } from '@tandem/shared';
import { formatCount, formatMetric } from './metricFormat';

interface Counter {
  metric: AnalyticsMetricName;
  label: string;
  /** What the denominator counts, for the detail line: one, many. */
  of: readonly [string, string];
}

const COUNTERS: readonly Counter[] = [
  { metric: 'firstResponseTime', label: 'First response', of: ['first reply', 'first replies'] },
  { metric: 'resolutionRate', label: 'Resolution', of: ['conversation', 'conversations'] },
  { metric: 'containmentRate', label: 'Containment', of: ['resolution', 'resolutions'] },
  { metric: 'fallbackRate', label: 'Fallback', of: ['AI turn', 'AI turns'] },
  { metric: 'escalationRate', label: 'Escalation', of: ['conversation', 'conversations'] },
  { metric: 'csat', label: 'CSAT', of: ['rating', 'ratings'] },
  { metric: 'copilotAdoption', label: 'Copilot adoption', of: ['draft', 'drafts'] },
];

export function MetricCounters({ summary }: { summary: AnalyticsSummary }) {
  // Conversations started is the denominator of the resolution rate (docs/metrics.md).
  const conversations = summary.metrics.resolutionRate?.denominator ?? null;
  const handoffs = summary.metrics.escalationRate?.numerator ?? null;
  return (
    <div className="counters" data-testid="analytics-counters">
      <div className="counter" data-testid="counter-conversations">
        <span className="counter__label">Conversations</span>
        <span className="counter__value" data-testid="counter-value">
          {formatCount(conversations)}
        </span>
        <span className="counter__detail">{handoffs === null ? '' : `${formatCount(handoffs)} handed to a person`}</span>
      </div>
      {COUNTERS.map(({ metric, label, of }) => {
        const value = summary.metrics[metric];
        return (
          <div className="counter" key={metric} data-testid={`counter-${metric}`}>
            <span className="counter__label">{label}</span>
            <span className="counter__value" data-testid="counter-value">
              {value === undefined ? '—' : formatMetric(value)}
            </span>
            <span className="counter__detail">
              {value === undefined ? 'no data' : `${formatCount(value.denominator)} ${value.denominator === 1 ? of[0] : of[1]}`}
            </span>
          </div>
        );
      })}
    </div>
  );
}
