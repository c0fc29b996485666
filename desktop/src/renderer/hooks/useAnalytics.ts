/**
 * The overview's analytics: `analytics.summary` and `analytics.series` for the chosen period,
 * refreshed when `analytics.live` reports committed events (at most once a second, since a busy
 * workspace commits many batches), with a slow poll while the stream is down.
 */
import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnalyticsMetricName } from '@tandem/shared';
import { PERIOD_BUCKETS, periodRange, type OverviewPeriod } from '../screens/overview/periods';
import { useConsoleSession } from '../shell/consoleSession';

const POLL_MS = 30_000;
const LIVE_THROTTLE_MS = 1_000;

export const SERIES_METRICS: readonly AnalyticsMetricName[] = [
  'firstResponseTime',
  'resolutionRate',
  'containmentRate',
  'fallbackRate',
  'escalationRate',
  'csat',
  'copilotAdoption',
];

export function useAnalyticsSummary(period: OverviewPeriod) {
  const { client } = useConsoleSession();
  return useQuery({
    queryKey: ['analytics', 'summary', period],
    queryFn: ({ signal }) => client.analytics.summary.query({ period: periodRange(period, new Date()) }, { signal }),
    refetchInterval: POLL_MS,
  });
}

export function useAnalyticsSeries(period: OverviewPeriod) {
  const { client } = useConsoleSession();
  return useQuery({
    queryKey: ['analytics', 'series', period],
    queryFn: ({ signal }) =>
      client.analytics.series.query(
        { period: periodRange(period, new Date()), bucket: PERIOD_BUCKETS[period], metrics: [...SERIES_METRICS] },
        { signal },
      ),
    refetchInterval: POLL_MS,
  });
}

/** While mounted, refetches the analytics queries as events commit. */
export function useAnalyticsLive(): void {
  const { client } = useConsoleSession();
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const refresh = () => {
      if (timer.current !== null) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        void queryClient.invalidateQueries({ queryKey: ['analytics'] });
      }, LIVE_THROTTLE_MS);
    };
    const subscription = client.analytics.live.subscribe(
      {},
      {
        onData: refresh,
        // The link reconnects by itself; meanwhile the poll keeps the figures current.
        onError: () => undefined,
      },
    );
    return () => {
      subscription.unsubscribe();
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [client, queryClient]);
}
