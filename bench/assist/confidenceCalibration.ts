/**
 * How well a draft's confidence predicts that its best source really answers the ticket, on
 * Tandem's labelled bank tickets (a draft grounded in the wrong article is the failure the review
 * threshold exists to catch). Label: the top hit is one of the ticket's relevant articles
 * (unanswerable tickets are always negative). Reported: Brier score and AUC of the shipped
 * confidence (retrieval signals only, coverage as the embedded drafter has it), against a
 * logistic fit of the same signals scored leave-one-out (what calibration could reach on this
 * data) and a constant base-rate predictor.
 */
import { CONFIDENCE_CALIBRATION, confidenceLogit } from '../../server/src/assist/confidence.js';
import { buildEvalEngine, loadQueries } from '../../server/src/cli/evalRetrieval.js';
import { loadConfig } from '../../server/src/config/env.js';
import { createEmbedder } from '../../server/src/knowledge/embedding/createEmbedder.js';
import type { BenchRow } from '../report.js';
import { BANK_CACHE, BANK_DOCS, bankKbAvailable, DEV_TICKETS } from '../knowledge/bankKb.js';

const COMMAND = '`npm run bench -- confidence`';

interface Sample {
  /** The confidence blend's logit before calibration. */
  logit: number;
  label: number;
}

const brier = (p: readonly number[], y: readonly number[]) => p.reduce((s, pi, i) => s + (pi - (y[i] ?? 0)) ** 2, 0) / p.length;

function auc(p: readonly number[], y: readonly number[]): number {
  let pairs = 0;
  let wins = 0;
  p.forEach((pi, i) =>
    p.forEach((pj, j) => {
      if (y[i] !== 1 || y[j] !== 0) return;
      pairs += 1;
      wins += pi > pj ? 1 : pi === pj ? 0.5 : 0;
    }),
  );
  return pairs === 0 ? Number.NaN : wins / pairs;
}

/** Platt scaling: p = sigmoid(slope · logit + intercept), by gradient descent with a little L2 on the slope. */
function fitPlatt(samples: readonly Sample[]): { slope: number; intercept: number } {
  let slope = 1;
  let intercept = 0;
  for (let step = 0; step < 5000; step++) {
    let gs = 0;
    let gi = 0;
    for (const s of samples) {
      const err = 1 / (1 + Math.exp(-(slope * s.logit + intercept))) - s.label;
      gs += err * s.logit;
      gi += err;
    }
    slope -= 0.05 * (gs / samples.length + 0.01 * (slope - 1));
    intercept -= (0.05 * gi) / samples.length;
  }
  return { slope, intercept };
}

const platt = (fit: { slope: number; intercept: number }, logit: number) => 1 / (1 + Math.exp(-(fit.slope * logit + fit.intercept)));

export async function confidenceCalibrationBench(): Promise<BenchRow[]> {
  if (!bankKbAvailable()) return [];
  const config = loadConfig({ TANDEM_LOG_LEVEL: 'warn' });
  const embedder = createEmbedder(config.embedder);
  const { engine, store, externalIdOf } = await buildEvalEngine(BANK_DOCS, config, embedder, { dataDir: BANK_CACHE, quiet: true });
  try {
    const samples: Sample[] = [];
    for (const q of await loadQueries(DEV_TICKETS)) {
      const { hits } = await engine.search('eval', { query: q.ticket, k: 5 });
      const top = hits[0]?.score ?? 0;
      const logit = confidenceLogit({ topScore: top, margin: top - (hits[1]?.score ?? 0), coverage: 1, injection: false });
      const label = hits[0] !== undefined && q.relevant.includes(externalIdOf(hits[0].documentId)) ? 1 : 0;
      samples.push({ logit, label });
    }
    const y = samples.map((s) => s.label);
    const shipped = samples.map((s) => platt(CONFIDENCE_CALIBRATION, s.logit));
    const uncalibrated = samples.map((s) => platt({ slope: 1, intercept: 0 }, s.logit));
    const loo = samples.map((s, i) => platt(fitPlatt(samples.filter((_, j) => j !== i)), s.logit));
    const fitted = fitPlatt(samples);
    console.log(`Platt fit on all ${samples.length} tickets: slope ${fitted.slope.toFixed(3)}, intercept ${fitted.intercept.toFixed(3)}`);
    const base = y.reduce((a, b) => a + b, 0) / y.length;
    const baseline = y.map(() => base);
    const f = (n: number) => n.toFixed(3);
    const positives = y.filter((v) => v === 1).length;
    return [
      {
        area: 'assist confidence',
        metric: `Brier score / AUC, top source answers the ticket (${samples.length} bank tickets, ${positives} positive)`,
        value: `${f(brier(loo, y))} / ${f(auc(loo, y))} (calibration fitted leave-one-out); shipped constants ${f(brier(shipped, y))}`,
        peer: `uncalibrated blend ${f(brier(uncalibrated, y))} / ${f(auc(uncalibrated, y))}; base rate ${f(brier(baseline, y))} / 0.500`,
        command: COMMAND,
      },
    ];
  } finally {
    await engine.stop();
    await store.close();
    await embedder.close();
  }
}
