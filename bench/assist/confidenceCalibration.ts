/**
 * Bench area `confidence`: how well the draft's confidence (the fitted answer model,
 * server/src/assist/confidence/) predicts that the retrieved top sources answer the ticket, on
 * the test split of tickets-v2 (never fitted or tuned on; dev printed beside, tuned on). Label:
 * the ticket is answerable and its five sources hold a labelled document for every answerable
 * question. Reported: Brier score and AUC against the earlier hand-weighted blend (confidence.ts)
 * and the base rate in the same run, the review flag rates at the shipped threshold (targets
 * ≤ 20% of answerable, ≥ 80% of unanswerable flagged), and the reliability table (predictions in
 * five bins, mean predicted beside the observed rate). Re-fit first after a retrieval change:
 * `npx tsx bench/assist/fitConfidence.ts`.
 */
import { draftConfidence } from '../../server/src/assist/confidence.js';
import { answerConfidence, NO_ANSWER_BELOW, SHIPPED_REVIEW_THRESHOLD } from '../../server/src/assist/confidence/answerConfidence.js';
import { flagRates } from '../../server/src/assist/confidence/chooseThreshold.js';
import type { BenchRow } from '../report.js';
import { auc, brier, reliability } from './calibrationMetrics.js';
import { collectEvidence, type EvidenceRow } from './confidenceEvidence.js';

const COMMAND = '`npm run bench -- confidence`';
const f3 = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function oldBlend(r: EvidenceRow): number {
  const top = r.input.passages[0]?.score ?? 0;
  return draftConfidence({ topScore: top, margin: top - (r.input.passages[1]?.score ?? 0), coverage: 1, injection: false });
}

function splitRows(split: 'dev' | 'test', rows: readonly EvidenceRow[]): BenchRow[] {
  const label = split === 'test' ? 'test split of tickets-v2, never tuned on' : 'dev split of tickets-v2, tuned on';
  const y: number[] = rows.map((r) => (r.sourcesAnswer ? 1 : 0));
  const p = rows.map((r) => answerConfidence(r.input));
  const old = rows.map(oldBlend);
  const base = y.reduce((a, b) => a + b, 0) / Math.max(1, y.length);
  const flagged = flagRates(
    rows.map((r, i) => ({ confidence: p[i] ?? 0, shouldFlag: !r.answerable })),
    SHIPPED_REVIEW_THRESHOLD,
  );
  const notFound = flagRates(
    rows.map((r, i) => ({ confidence: p[i] ?? 0, shouldFlag: !r.answerable })),
    NO_ANSWER_BELOW,
  );
  const answerable = rows.filter((r) => r.answerable).length;
  const out: BenchRow[] = [
    {
      area: 'assist confidence',
      metric: `Brier score / AUC, the top 5 sources answer the ticket (${label}: ${rows.length} tickets, ${y.filter((v) => v === 1).length} positive)`,
      value: `${f3(brier(p, y))} / ${f3(auc(p, y))} (fitted answer model)`,
      peer: `earlier hand-weighted blend ${f3(brier(old, y))} / ${f3(auc(old, y))}; base rate ${f3(
        brier(
          y.map(() => base),
          y,
        ),
      )} / 0.500`,
      command: COMMAND,
    },
    {
      area: 'assist confidence',
      metric: `marked for review at the shipped threshold ${f3(SHIPPED_REVIEW_THRESHOLD)}, answerable / unanswerable tickets (${label}; targets ≤ 20% / ≥ 80%)`,
      value: `${pct(flagged.goodFlagged)} of ${answerable} / ${pct(flagged.badFlagged)} of ${rows.length - answerable}`,
      peer: `"not in our help articles" draft below ${f3(NO_ANSWER_BELOW)}: ${pct(notFound.goodFlagged)} / ${pct(notFound.badFlagged)}`,
      command: COMMAND,
    },
  ];
  if (split === 'test')
    for (const bin of reliability(p, y, 5))
      out.push({
        area: 'assist confidence',
        metric: `reliability, ${label}: predicted ${bin.from.toFixed(1)}–${bin.to.toFixed(1)}`,
        value: `mean predicted ${f3(bin.meanPredicted)}, observed ${f3(bin.observed)}`,
        peer: `${bin.count} tickets`,
        command: COMMAND,
      });
  return out;
}

export async function confidenceCalibrationBench(): Promise<BenchRow[]> {
  const rows = await collectEvidence();
  if (rows.length === 0) return [];
  return [
    ...splitRows(
      'test',
      rows.filter((r) => r.split === 'test'),
    ),
    ...splitRows(
      'dev',
      rows.filter((r) => r.split === 'dev'),
    ),
  ];
}
