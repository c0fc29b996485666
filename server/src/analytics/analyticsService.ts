/**
 * The analytics service the API calls: summaries and series computed from the aggregates by the
 * metric functions, live updates as events commit, and rebuilds from the stream. Settings passed
 * with a request override the workspace defaults of docs/metrics.md.
 */
import {
  analyticsSettingsSchema,
  type AnalyticsFilters,
  type AnalyticsLiveUpdate,
  type AnalyticsMetricName,
  type AnalyticsSeries,
  type AnalyticsSettings,
  type AnalyticsSummary,
  type AnalyticsBucket,
} from '@tandem/shared';
import type { AnalyticsEventsRepo } from '../storage/analytics/analyticsEventsRepo.js';
import { analyticsLiveFeed } from './aggregates/liveFeed.js';
import { bucketSeries, periodTotals } from './aggregates/queryAggregates.js';
import { rebuildAggregates } from './aggregates/rebuildAggregates.js';
import { computeMetrics } from './metrics/computeMetrics.js';
import { escalationsByCause } from './metrics/escalationRate.js';
import { countOf, type MeasureTotals } from './metrics/totals.js';
import { ANALYTICS_EVENT_KINDS } from '@tandem/shared';

export interface PeriodQuery {
  period: { from: string; to: string };
  filters: AnalyticsFilters;
  settings: Partial<AnalyticsSettings>;
}

const eventCount = (t: MeasureTotals) => ANALYTICS_EVENT_KINDS.reduce((n, kind) => n + countOf(t, kind), 0);

export function analyticsService(
  repo: AnalyticsEventsRepo,
  options: { defaults?: Partial<AnalyticsSettings>; onError?: (err: unknown) => void } = {},
) {
  const feed = analyticsLiveFeed(repo, { onError: options.onError });
  const settingsOf = (over: Partial<AnalyticsSettings>): AnalyticsSettings =>
    analyticsSettingsSchema.parse({ ...options.defaults, ...over });

  return {
    async summary(workspaceId: string, q: PeriodQuery): Promise<AnalyticsSummary> {
      const totals = await periodTotals(repo, workspaceId, q.period, q.filters);
      const metrics = computeMetrics(totals, settingsOf(q.settings)) as AnalyticsSummary['metrics'];
      return { period: q.period, filters: q.filters, metrics, escalationsByCause: escalationsByCause(totals), events: eventCount(totals) };
    },

    async series(
      workspaceId: string,
      q: PeriodQuery & { bucket: AnalyticsBucket; metrics: AnalyticsMetricName[] },
    ): Promise<AnalyticsSeries> {
      const settings = settingsOf(q.settings);
      const points = await bucketSeries(repo, workspaceId, q.period, q.bucket, q.filters);
      return {
        bucket: q.bucket,
        points: points.map((p) => {
          const values: AnalyticsSeries['points'][number]['values'] = {};
          const computed = computeMetrics(p.totals, settings, q.metrics);
          for (const name of q.metrics) values[name] = computed[name]?.value ?? null;
          return { at: p.at, values };
        }),
      };
    },

    /**
     * Updates for one workspace until `signal` aborts. Subscribes at the call, not at the first
     * read, so an event committed while the client's stream is opening is not missed.
     */
    live(workspaceId: string, filters: AnalyticsFilters, signal: AbortSignal | undefined): AsyncGenerator<AnalyticsLiveUpdate> {
      const items: AnalyticsLiveUpdate[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = feed.subscribe(workspaceId, filters, (u) => {
        items.push(u);
        wake?.();
      });
      const onAbort = () => {
        unsubscribe();
        wake?.();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      return (async function* updates() {
        try {
          for (;;) {
            while (items.length > 0) yield items.shift() as AnalyticsLiveUpdate;
            if (signal?.aborted === true) return;
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = undefined;
          }
        } finally {
          signal?.removeEventListener('abort', onAbort);
          unsubscribe();
        }
      })();
    },

    rebuild: (workspaceId: string) => rebuildAggregates(repo, workspaceId),
    start: () => feed.start(),
    stop: () => feed.stop(),
  };
}
export type AnalyticsService = ReturnType<typeof analyticsService>;
