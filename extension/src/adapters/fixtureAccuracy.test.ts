// @vitest-environment jsdom
/**
 * Every adapter fixture read as the content script reads it (`readTicketAuto` at the fixture's
 * URL), in jsdom and over linkedom (the `tandem-extract` DOM): per-field accuracy per site printed
 * as a table, and 100% required. A field a fixture gets wrong fails with the fixture's name.
 */
import { describe, expect, it } from 'vitest';
import { linkedomDocument, loadFixtureCases } from './fixtureHarness/fixtureCases';
import { FIELDS, scoreReading, wrongFields, type FieldScore, type ReadingScores } from './fixtureHarness/readingComparison';
import { textTable } from './fixtureHarness/textTable';
import { readTicketAuto } from './siteRegistry';

const cases = loadFixtureCases();

function add(totals: Map<string, ReadingScores>, site: string, scores: ReadingScores): void {
  const siteTotals = totals.get(site) ?? {};
  for (const field of FIELDS) {
    const score = scores[field];
    if (score === undefined) continue;
    const sum: FieldScore = siteTotals[field] ?? { right: 0, total: 0 };
    siteTotals[field] = { right: sum.right + score.right, total: sum.total + score.total };
  }
  totals.set(site, siteTotals);
}

function percent(score: FieldScore | undefined): string {
  if (score === undefined || score.total === 0) return '—';
  return `${((100 * score.right) / score.total).toFixed(score.right === score.total ? 0 : 1)}% (${score.right}/${score.total})`;
}

/** Fields down, sites across: one column per site and DOM, so the table stays readable as sites are added. */
function table(totals: Map<string, ReadingScores>, fixtureCounts: Map<string, number>): string {
  const sites = [...totals.keys()].sort();
  const header = ['field', ...sites];
  const rows = [
    ['fixtures', ...sites.map((site) => String(fixtureCounts.get(site) ?? 0))],
    ...FIELDS.map((field) => [field, ...sites.map((site) => percent(totals.get(site)?.[field]))]),
  ];
  return textTable(header, rows);
}

describe('adapter fixtures', () => {
  it('has fixtures to read', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it('reads every fixture exactly as expected, in jsdom and over linkedom', () => {
    const totals = new Map<string, ReadingScores>();
    const fixtureCounts = new Map<string, number>();
    const failures: string[] = [];
    for (const fixture of cases) {
      const readings = [
        ['jsdom', readTicketAuto(new DOMParser().parseFromString(fixture.html, 'text/html'), fixture.url)],
        ['linkedom', readTicketAuto(linkedomDocument(fixture.html), fixture.url)],
      ] as const;
      for (const [dom, reading] of readings) {
        const scores = scoreReading(fixture.expected, reading);
        const row = `${fixture.site} (${dom})`;
        fixtureCounts.set(row, (fixtureCounts.get(row) ?? 0) + 1);
        add(totals, row, scores);
        const wrong = wrongFields(scores);
        if (wrong.length > 0) {
          const detail = reading.kind === 'no-ticket' ? `${reading.reason}: ${reading.detail}` : `ticket ${reading.ticket.ticketId}`;
          failures.push(`${fixture.key} (${dom}): wrong ${wrong.join(', ')} — read as ${detail}`);
        }
      }
    }
    process.stdout.write(`\nAdapter accuracy over ${cases.length} fixtures:\n${table(totals, fixtureCounts)}\n\n`);
    expect(failures).toEqual([]);
  });
});
