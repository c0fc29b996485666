/** Copilot adoption: the share of drafts agents used (as-is or edited) among those they acted on (docs/metrics.md). */
import type { AnalyticsMetricValue } from '@tandem/shared';
import { countOf, valueOf, type MeasureTotals } from './totals.js';

export function copilotAdoption(t: MeasureTotals): AnalyticsMetricValue {
  const used = countOf(t, 'draft.inserted') + countOf(t, 'draft.edited');
  return valueOf('ratio', used, used + countOf(t, 'draft.discarded'));
}
