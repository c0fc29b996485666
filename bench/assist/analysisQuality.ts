/**
 * Ticket analysis on the held-out test split of our own labelled set (bench/datasets/ticket-analysis):
 * accuracy and macro-F1 of sentiment, frustration level and urgency for the fitted analysis and
 * the lexicon baseline, in the same run (dev, the split cues and settings were chosen on, is
 * printed beside), and the analysis cost per message over the whole set, the baseline's beside
 * it, plus the slowest 20,000-character worst case.
 */
import { ticketCustomerText } from '../../shared/src/index.js';
import { analysisSplit, loadAnalysisCorpus, type AnalysisMessage } from '../../server/src/assist/analysis/corpus/analysisCorpus.js';
import {
  baselineReader,
  evaluateReader,
  fittedReader,
  formatComparison,
  type AnalysisFigures,
} from '../../server/src/assist/analysis/corpus/analysisEvaluation.js';
import { lexiconBaselineSignals } from '../../server/src/assist/analysis/lexiconBaseline.js';
import { analyseTurns } from '../../server/src/assist/analysis/ticketSignals.js';
import { ms, percentile, type BenchRow } from '../report.js';
import { timeLoop } from '../timeLoop.js';

export const ANALYSIS_AREA = 'assist analysis';
export const ANALYSIS_COMMAND = '`npm run bench -- analysis`';
const WORST_CASE_CHARS = 20_000;
const WORST_CASE_SHAPES = ['a', 'A ', '!?.', 'still ', 'great, ', "it still hasn't moved. ", '> quoted\n', '7 '];

const f3 = (x: number) => x.toFixed(3);
const pair = (f: AnalysisFigures, key: 'sentiment' | 'frustration' | 'urgency') => `${f3(f[key].accuracy)} / ${f3(f[key].macroF1)}`;

const turnsOf = (m: AnalysisMessage) => ({ subject: m.subject, earlierCount: m.earlier?.length ?? 0, latest: m.text });
const baselineTextOf = (m: AnalysisMessage) =>
  ticketCustomerText({
    subject: m.subject ?? '',
    messages: [...(m.earlier ?? []), m.text].map((body) => ({ authorRole: 'customer' as const, body, partial: false })),
  });

export function analysisQualityBench(): BenchRow[] {
  const test = analysisSplit('test');
  const dev = analysisSplit('dev');
  const fitted = evaluateReader(test, fittedReader());
  const baseline = evaluateReader(test, baselineReader);
  console.log(`  dev (${dev.length}, tuned on):`);
  for (const line of formatComparison(evaluateReader(dev, fittedReader()), evaluateReader(dev, baselineReader))) console.log(`    ${line}`);
  console.log(`  test (${test.length}, held out):`);
  for (const line of formatComparison(fitted, baseline)) console.log(`    ${line}`);

  // Cost per message over the whole set: three timed passes after a warm-up pass.
  const all = loadAnalysisCorpus();
  const turns = all.map(turnsOf);
  const joined = all.map(baselineTextOf);
  const fittedCost = timeLoop(
    (i) => analyseTurns(turns[i % all.length] as ReturnType<typeof turnsOf>, (all[i % all.length] as AnalysisMessage).language),
    all.length,
    all.length * 3,
  );
  const baselineCost = timeLoop(
    (i) => lexiconBaselineSignals(joined[i % all.length] as string, (all[i % all.length] as AnalysisMessage).language),
    all.length,
    all.length * 3,
  );
  const worst = WORST_CASE_SHAPES.map((unit) => {
    const text = unit.repeat(Math.ceil(WORST_CASE_CHARS / unit.length)).slice(0, WORST_CASE_CHARS);
    const { times } = timeLoop(() => analyseTurns({ earlierCount: 0, latest: text }, 'en'), 1, 5);
    return { unit, median: percentile(times, 50) };
  }).sort((a, b) => b.median - a.median)[0];
  const p = (xs: number[]) => `${ms(percentile(xs, 50))} / ${ms(percentile(xs, 95))}`;

  const row = (metric: string, value: string, peer: string): BenchRow => ({
    area: ANALYSIS_AREA,
    metric,
    value,
    peer,
    command: ANALYSIS_COMMAND,
  });
  const split = `test split of our own set (${test.length} messages, en/es/de/fr, never tuned on)`;
  return [
    row(`sentiment accuracy / macro-F1, ${split}`, pair(fitted, 'sentiment'), `lexicon baseline ${pair(baseline, 'sentiment')}`),
    row(
      `frustration level (none < 0.3 ≤ some < 0.7 ≤ high) accuracy / macro-F1, same split`,
      pair(fitted, 'frustration'),
      `lexicon baseline ${pair(baseline, 'frustration')}`,
    ),
    row(`urgency accuracy / macro-F1, same split`, pair(fitted, 'urgency'), `lexicon baseline ${pair(baseline, 'urgency')}`),
    row(
      `analysis cost per message p50 / p95 (${all.length} messages × 3); slowest 20,000-character shape`,
      `${p(fittedCost.times)}; ${ms(worst?.median ?? 0)} (${JSON.stringify(worst?.unit)})`,
      `lexicon baseline ${p(baselineCost.times)}`,
    ),
  ];
}
