/**
 * The ROI summary's figures, from one analytics summary and the settings it was computed with:
 * the same numbers for the CSV and the PDF, each traceable to a metric of docs/metrics.md.
 */
import type { AnalyticsSettings, AnalyticsSummary } from '@tandem/shared';

export interface RoiFigure {
  label: string;
  value: number | null;
  unit: string;
  /** The metric (or setting) the figure comes from. */
  source: string;
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
const round = (v: number | null, digits = 2) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

export function roiFigures(
  summary: AnalyticsSummary,
  settings: Pick<AnalyticsSettings, 'agentCostPerHour' | 'minutesPerTicket'>,
): RoiFigure[] {
  const m = summary.metrics;
  const savedMinutes = m.timeSaved.value;
  const savedHours = savedMinutes === null ? null : savedMinutes / 60;
  return [
    { label: 'Conversations started', value: m.resolutionRate.denominator, unit: 'count', source: 'resolutionRate (denominator)' },
    { label: 'Resolved without a person', value: m.resolutionRate.numerator, unit: 'count', source: 'resolutionRate (numerator)' },
    { label: 'Resolution rate', value: pct(m.resolutionRate.value), unit: '%', source: 'resolutionRate' },
    { label: 'Containment rate', value: pct(m.containmentRate.value), unit: '%', source: 'containmentRate' },
    { label: 'Fallback rate', value: pct(m.fallbackRate.value), unit: '%', source: 'fallbackRate' },
    { label: 'CSAT (satisfied ratings)', value: pct(m.csat.value), unit: '%', source: 'csat' },
    { label: 'Copilot adoption', value: pct(m.copilotAdoption.value), unit: '%', source: 'copilotAdoption' },
    { label: 'Agent time saved', value: round(savedHours, 1), unit: 'hours', source: 'timeSaved' },
    {
      label: 'Agent cost saved',
      value: savedHours === null ? null : round(savedHours * settings.agentCostPerHour),
      unit: 'currency',
      source: 'timeSaved x agentCostPerHour',
    },
    { label: 'Cost per resolution', value: round(m.costPerResolution.value), unit: 'currency', source: 'costPerResolution' },
    { label: 'Agent cost per hour (setting)', value: settings.agentCostPerHour, unit: 'currency', source: 'agentCostPerHour' },
    { label: 'Minutes per ticket (setting)', value: settings.minutesPerTicket, unit: 'minutes', source: 'minutesPerTicket' },
  ];
}
