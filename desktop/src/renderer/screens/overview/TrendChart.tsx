/**
 * One line chart of analytics series: a few metrics sharing a unit over the period's buckets.
 * Colours and text use the shell's theme variables so the chart reads in light and dark; gaps
 * (null: no data in that bucket) stay gaps rather than dropping to zero.
 */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnalyticsBucket, AnalyticsMetricName, AnalyticsSeries } from '@tandem/shared';
import { formatDuration, formatPercent } from './metricFormat';

export interface TrendLine {
  metric: AnalyticsMetricName;
  label: string;
  color: string;
}

export interface TrendChartProps {
  title: string;
  series: AnalyticsSeries;
  lines: readonly TrendLine[];
  unit: 'ratio' | 'ms';
}

function formatBucket(iso: string, bucket: AnalyticsBucket): string {
  const date = new Date(iso);
  if (bucket === 'day') return date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  return date.toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
}

export function TrendChart({ title, series, lines, unit }: TrendChartProps) {
  const format = unit === 'ratio' ? formatPercent : formatDuration;
  const data = series.points.map((point) => ({ at: point.at, ...point.values }));
  const hasData = series.points.some((point) => lines.some((line) => typeof point.values[line.metric] === 'number'));
  const testId = `chart-${lines.map((l) => l.metric).join('-')}`;
  return (
    <section className="card" aria-label={title} data-testid={testId}>
      <h3 className="card__subtitle">{title}</h3>
      {hasData ? (
        <div className="chart">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="at"
                tickFormatter={(v: string) => formatBucket(v, series.bucket)}
                stroke="var(--border-strong)"
                minTickGap={32}
              />
              <YAxis
                tickFormatter={(v: number) => format(v)}
                stroke="var(--border-strong)"
                width={64}
                domain={unit === 'ratio' ? [0, 1] : [0, 'auto']}
              />
              <Tooltip
                labelFormatter={(v) => (typeof v === 'string' ? formatBucket(v, series.bucket) : '')}
                formatter={(v) => (typeof v === 'number' ? format(v) : '—')}
                contentStyle={{ background: 'var(--surface)', borderColor: 'var(--border-strong)', color: 'var(--text)' }}
                labelStyle={{ color: 'var(--text-muted)' }}
              />
              <Legend iconType="plainline" />
              {lines.map((line) => (
                <Line
                  key={line.metric}
                  type="monotone"
                  dataKey={line.metric}
                  name={line.label}
                  stroke={line.color}
                  strokeWidth={2}
                  dot={series.points.length <= 31}
                  isAnimationActive={false}
                  connectNulls={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <p className="state state--empty muted" data-testid="chart-empty">
          No data in this period yet.
        </p>
      )}
    </section>
  );
}
