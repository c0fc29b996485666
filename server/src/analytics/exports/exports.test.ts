/**
 * Exports: CSV quoting and formula guarding, a series as CSV, and the ROI summary's PDF, checked
 * by reading it back as a PDF reader does (header, cross-reference offsets landing on their
 * objects, startxref, the stream length) and finding the figures in its text.
 */
import type { AnalyticsMetricValue, AnalyticsSummary } from '@tandem/shared';
import { ANALYTICS_METRIC_NAMES } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';
import { roiCsv, roiPdf } from './roiExport.js';
import { seriesCsv } from './seriesCsv.js';

const metric = (value: number | null, unit: AnalyticsMetricValue['unit'], numerator = 0, denominator = 0): AnalyticsMetricValue => ({
  value,
  unit,
  numerator,
  denominator,
});

function summaryWith(over: Partial<AnalyticsSummary['metrics']>): AnalyticsSummary {
  const metrics = Object.fromEntries(ANALYTICS_METRIC_NAMES.map((n) => [n, metric(null, 'count')])) as AnalyticsSummary['metrics'];
  return {
    period: { from: '2026-04-01T00:00:00.000Z', to: '2026-05-01T00:00:00.000Z' },
    filters: {},
    metrics: { ...metrics, ...over },
    escalationsByCause: {},
    events: 1234,
  };
}

/** Reads a PDF's cross-reference table and checks every offset lands on its object; returns the text shown. */
function readPdf(pdf: Buffer): { objects: number; text: string[] } {
  const raw = pdf.toString('latin1');
  expect(raw.startsWith('%PDF-1.')).toBe(true);
  expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(raw)?.[1]);
  expect(raw.slice(startxref, startxref + 4)).toBe('xref');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(raw.slice(startxref)) ?? [];
  expect(first).toBe('0');
  const entries = raw
    .slice(startxref)
    .split('\n')
    .slice(2, 2 + Number(count));
  entries.slice(1).forEach((entry, i) => {
    expect(entry).toMatch(/^\d{10} 00000 n\r$/);
    const offset = Number(entry.slice(0, 10));
    expect(raw.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
  });
  const stream = /<< \/Length (\d+) >>\nstream\n/.exec(raw);
  const start = (stream?.index ?? 0) + (stream?.[0].length ?? 0);
  const length = Number(stream?.[1]);
  expect(raw.slice(start + length, start + length + 10)).toBe('\nendstream');
  const text = [...raw.slice(start, start + length).matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)].map((m) => (m[1] ?? '').replace(/\\(.)/g, '$1'));
  return { objects: Number(count) - 1, text };
}

describe('analytics exports', () => {
  it('quotes cells that need it and defuses spreadsheet formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, "y"', '=SUM(A1:A9)'],
          [null, 3.5],
          ['line\nbreak', -2],
        ],
      ),
    ).toBe('a,b\r\n"x, ""y""",\'=SUM(A1:A9)\r\n,3.5\r\n"line\nbreak",-2\r\n');
  });

  it('writes a series with one column per metric and empty cells where there was no data', () => {
    const csv = seriesCsv(
      {
        bucket: 'day',
        points: [
          { at: '2026-04-01T00:00:00.000Z', values: { csat: 4.5, fallbackRate: 0.1 } },
          { at: '2026-04-02T00:00:00.000Z', values: { csat: null, fallbackRate: 0 } },
        ],
      },
      ['csat', 'fallbackRate'],
    );
    expect(csv).toBe('bucket_start,csat,fallbackRate\r\n2026-04-01T00:00:00.000Z,4.5,0.1\r\n2026-04-02T00:00:00.000Z,,0\r\n');
  });

  const summary = summaryWith({
    resolutionRate: metric(0.75, 'ratio', 30, 40),
    timeSaved: metric(240, 'minutes', 240, 1),
    csat: metric(0.85, 'ratio', 17, 20),
    costPerResolution: metric(1.5, 'currency', 60, 40),
  });
  const settings = { agentCostPerHour: 30, minutesPerTicket: 8 };

  it('puts the same ROI figures in the CSV and the PDF', () => {
    const csv = roiCsv(summary, settings);
    expect(csv).toContain('Resolution rate,75,%,resolutionRate,');
    expect(csv).toContain('Agent time saved,4,hours,timeSaved,');
    expect(csv).toContain('Agent cost saved,120,currency,timeSaved x agentCostPerHour,');
    expect(csv).toContain('CSAT (satisfied ratings),85,%,csat,');
    expect(csv).toContain('Resolved without a person,30,count,resolutionRate (numerator),');
    expect(csv).toContain('Fallback rate,,%,fallbackRate,');

    const pdf = readPdf(roiPdf(summary, settings, 'Acme (EU)'));
    expect(pdf.objects).toBe(6);
    expect(pdf.text[0]).toBe('ROI summary - Acme (EU)');
    expect(pdf.text).toEqual(
      expect.arrayContaining([
        'Resolution rate: 75 %',
        'Agent time saved: 4 hours',
        'Agent cost saved: 120 currency',
        'CSAT (satisfied ratings): 85 %',
        'Conversations started: 40',
        'Fallback rate: no data',
        'Figures rest on 1234 recorded events; definitions in docs/metrics.md.',
      ]),
    );
  });
});
