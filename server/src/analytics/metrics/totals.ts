/**
 * Measure totals: the one input every metric function reads. Built from raw events (an audit or
 * the acceptance replay) or from aggregate buckets (the live path); both go through the same
 * `measuresOf`, so the two give the same numbers for the same events.
 */
import type { AnalyticsEvent, AnalyticsEventInput, AnalyticsMetricValue } from '@tandem/shared';
import { measuresOf } from '../../storage/analytics/measures.js';

export interface MeasureTotal {
  count: number;
  total: number;
}
export type MeasureTotals = ReadonlyMap<string, MeasureTotal>;

export function totalsFromRows(rows: Iterable<{ measure: string; count: number; total: number }>): Map<string, MeasureTotal> {
  const totals = new Map<string, MeasureTotal>();
  for (const row of rows) {
    const t = totals.get(row.measure);
    if (t === undefined) totals.set(row.measure, { count: row.count, total: row.total });
    else {
      t.count += row.count;
      t.total += row.total;
    }
  }
  return totals;
}

/**
 * Totals of events: each event's measures, once per dedupe key (a replayed duplicate counts once,
 * as in the store). A reopen's resolution-side measure counts when the resolution is in [from, to).
 */
export function totalsFromEvents(
  events: readonly Pick<AnalyticsEventInput | AnalyticsEvent, 'occurredAt' | 'data' | 'dedupeKey'>[],
  period?: { from: string; to: string },
): Map<string, MeasureTotal> {
  const seen = new Set<string>();
  const inPeriod = (at: string) =>
    period === undefined || (Date.parse(at) >= Date.parse(period.from) && Date.parse(at) < Date.parse(period.to));
  const rows: { measure: string; count: number; total: number }[] = [];
  for (const event of events) {
    if (seen.has(event.dedupeKey)) continue;
    seen.add(event.dedupeKey);
    for (const m of measuresOf(event)) if (inPeriod(m.at)) rows.push(m);
  }
  return totalsFromRows(rows);
}

export const countOf = (t: MeasureTotals, measure: string): number => t.get(measure)?.count ?? 0;
export const totalOf = (t: MeasureTotals, measure: string): number => t.get(measure)?.total ?? 0;

/** A ratio-like value: null (no data) when the denominator is 0. */
export function valueOf(unit: AnalyticsMetricValue['unit'], numerator: number, denominator: number): AnalyticsMetricValue {
  return { value: denominator === 0 ? null : numerator / denominator, unit, numerator, denominator };
}
