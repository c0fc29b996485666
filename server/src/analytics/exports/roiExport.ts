/** The ROI summary as CSV (one row per figure) and as a one-page PDF with the same figures. */
import type { AnalyticsSettings, AnalyticsSummary } from '@tandem/shared';
import { toCsv } from './csv.js';
import { minimalPdf } from './minimalPdf.js';
import { roiFigures } from './roiSummary.js';

type RoiSettings = Pick<AnalyticsSettings, 'agentCostPerHour' | 'minutesPerTicket'>;

export function roiCsv(summary: AnalyticsSummary, settings: RoiSettings): string {
  return toCsv(
    ['figure', 'value', 'unit', 'source', 'period_from', 'period_to'],
    roiFigures(summary, settings).map((f) => [f.label, f.value, f.unit, f.source, summary.period.from, summary.period.to]),
  );
}

export function roiPdf(summary: AnalyticsSummary, settings: RoiSettings, workspaceName: string): Buffer {
  const figures = roiFigures(summary, settings);
  return minimalPdf(
    [
      { text: `ROI summary - ${workspaceName}`, size: 18 },
      { text: `Period: ${summary.period.from} to ${summary.period.to}`, size: 10 },
      { text: `Figures rest on ${summary.events} recorded events; definitions in docs/metrics.md.`, size: 10 },
      { text: '' },
      ...figures.map((f) => ({
        text: f.value === null ? `${f.label}: no data` : `${f.label}: ${f.value} ${f.unit === 'count' ? '' : f.unit}`.trimEnd(),
      })),
    ],
    `Tandem ROI summary ${summary.period.from} - ${summary.period.to}`,
  );
}
