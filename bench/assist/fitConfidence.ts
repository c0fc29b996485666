/**
 * Fits the answer-confidence model: `npx tsx bench/assist/fitConfidence.ts`. Run it again after
 * retrieval changes (the features read the retriever's scores). Every labelled ticket of
 * tickets-v2 is prepared as the draft pipeline prepares it (confidenceEvidence.ts); a logistic
 * regression over the evidence features is fitted on the train split for each L2 strength of a
 * small grid, the one with the best out-of-fold log loss over train + dev (5 folds) is kept, the
 * weights are fitted on train with it, and the shipped review threshold is chosen on the
 * out-of-fold predictions over train + dev for the flag targets (≤ 20% of answerable, ≥ 80% of
 * unanswerable tickets flagged). Writes server/src/assist/confidence/confidenceWeights.ts. The
 * test split is never read for fitting or choosing; `npm run bench -- confidence` reports it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ANSWER_FEATURES } from '../../server/src/assist/confidence/answerFeatures.js';
import { chooseThreshold, flagRates } from '../../server/src/assist/confidence/chooseThreshold.js';
import { fitLogistic, predictLogistic } from '../../server/src/assist/confidence/logisticFit.js';
import { ROOT } from '../knowledge/bankKb.js';
import { auc, brier, logLoss } from './calibrationMetrics.js';
import { collectEvidence, type EvidenceRow } from './confidenceEvidence.js';

const NO_ANSWER_TARGETS = { maxGoodFlagged: 0.05, minBadFlagged: 0.5 };
const L2_GRID = [0.003, 0.01, 0.03, 0.1, 0.3, 1];
const OUT = path.resolve(ROOT, 'server', 'src', 'assist', 'confidence', 'confidenceWeights.ts');
const out = (line: string) => process.stdout.write(`${line}\n`);
const f3 = (x: number) => x.toFixed(3);
const round = (x: number) => Number(x.toFixed(5));

const rows = await collectEvidence();
const of = (split: string) => rows.filter((r) => r.split === split);
const train = of('train');
const dev = of('dev');
const label = (r: EvidenceRow) => (r.sourcesAnswer ? 1 : 0);
out(`evidence: ${train.length} train, ${dev.length} dev tickets (${of('test').length} test, not read here)`);

// Dev alone holds 9 unanswerable tickets: too few to choose by. L2 and the threshold are chosen on
// out-of-fold predictions over train + dev (5 folds, fixed assignment), which behave like unseen tickets.
const tuning = [...train, ...dev];
const FOLDS = 5;
function outOfFold(l2: number): number[] {
  const predictions = new Array<number>(tuning.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const rest = tuning.filter((_, i) => i % FOLDS !== k);
    const foldFit = fitLogistic(
      rest.map((r) => r.features),
      rest.map(label),
      { l2 },
    );
    tuning.forEach((r, i) => {
      if (i % FOLDS === k) predictions[i] = predictLogistic(foldFit, r.features);
    });
  }
  return predictions;
}
let best: { l2: number; loss: number; predictions: number[] } | undefined;
for (const l2 of L2_GRID) {
  const p = outOfFold(l2);
  const loss = logLoss(p, tuning.map(label));
  out(`  l2 ${l2}: out-of-fold log loss ${f3(loss)}, Brier ${f3(brier(p, tuning.map(label)))}, AUC ${f3(auc(p, tuning.map(label)))}`);
  if (best === undefined || loss < best.loss) best = { l2, loss, predictions: p };
}
if (best === undefined || train.length === 0) throw new Error('no training rows: are the knowledge bases under ../shared/data?');
const chosen = chooseThreshold(tuning.map((r, i) => ({ confidence: best.predictions[i] ?? 0, shouldFlag: !r.answerable })));
out(
  `out-of-fold at threshold ${f3(chosen.threshold)}: flagged ${f3(chosen.goodFlagged)} of answerable, ${f3(chosen.badFlagged)} of unanswerable (${chosen.meetsTargets ? 'meets' : 'misses'} the targets)`,
);
// A lower cutoff for the plain "not in our help articles" draft: at most 5% of answerable tickets lose their quoted answer.
const noAnswer = chooseThreshold(
  tuning.map((r, i) => ({ confidence: best.predictions[i] ?? 0, shouldFlag: !r.answerable })),
  NO_ANSWER_TARGETS,
);
out(
  `no-answer draft below ${f3(noAnswer.threshold)}: ${f3(noAnswer.goodFlagged)} of answerable, ${f3(noAnswer.badFlagged)} of unanswerable (out-of-fold)`,
);
// The shipped weights: fitted on the train split alone with the chosen L2.
const fit = fitLogistic(
  train.map((r) => r.features),
  train.map(label),
  { l2: best.l2 },
);
for (const [name, group] of [
  ['train (fitted on)', train],
  ['dev', dev],
] as const) {
  const p = group.map((r) => predictLogistic(fit, r.features));
  const rates = flagRates(
    group.map((r, i) => ({ confidence: p[i] ?? 0, shouldFlag: !r.answerable })),
    chosen.threshold,
  );
  out(
    `${name}: Brier ${f3(brier(p, group.map(label)))}, AUC ${f3(auc(p, group.map(label)))}; flagged ${f3(rates.goodFlagged)} of answerable, ${f3(rates.badFlagged)} of unanswerable`,
  );
}
out(`kept l2 ${best.l2}`);
ANSWER_FEATURES.forEach((name, i) => out(`  ${name.padEnd(22)} ${f3(fit.weights[i] ?? 0)}`));

const model = {
  features: ANSWER_FEATURES,
  mean: fit.mean.map(round),
  scale: fit.scale.map(round),
  weights: fit.weights.map(round),
  bias: round(fit.bias),
  threshold: round(chosen.threshold),
  noAnswerBelow: round(Math.min(noAnswer.threshold, chosen.threshold)),
};
const version = createHash('sha256').update(JSON.stringify(model)).digest('hex').slice(0, 12);
writeFileSync(
  OUT,
  `/**
 * Generated by \`npx tsx bench/assist/fitConfidence.ts\` — do not edit by hand. The answer-confidence
 * model fitted on the train split of tickets-v2 (${train.length} tickets; L2 ${best.l2} chosen by 5-fold cross-validation over train + dev), the
 * review threshold chosen on the out-of-fold predictions over train + dev for ≤ 20% of answerable and ≥ 80% of unanswerable flagged.
 */
import type { AnswerModel } from './answerModel.js';

export const CONFIDENCE_WEIGHTS: AnswerModel = ${JSON.stringify({ version, ...model }, null, 2)};
`,
);
// Formatted like the rest of the repo, so a re-fit leaves `prettier --check` (npm test) green.
execFileSync(process.execPath, [path.join(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--write', OUT], { stdio: 'ignore' });
out(`wrote ${path.relative(ROOT, OUT)} (version ${version})`);
