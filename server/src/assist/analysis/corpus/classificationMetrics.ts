/**
 * Accuracy and macro-F1 of predicted labels against the truth, and a confusion table to read
 * errors by. Macro-F1 averages the F1 of every label that occurs in the truth or the predictions,
 * so a rare class (critical urgency) counts as much as a common one.
 */

export interface ClassFigures {
  accuracy: number;
  macroF1: number;
  /** F1 per label that occurs. */
  f1: Record<string, number>;
  /** confusion[truth][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
  count: number;
}

export function classFigures(truth: readonly string[], predicted: readonly string[], labels: readonly string[]): ClassFigures {
  if (truth.length !== predicted.length) throw new Error('truth and predictions differ in length');
  const confusion = Object.fromEntries(labels.map((t) => [t, Object.fromEntries(labels.map((p) => [p, 0]))])) as Record<
    string,
    Record<string, number>
  >;
  let correct = 0;
  truth.forEach((t, i) => {
    const p = predicted[i] as string;
    if (t === p) correct++;
    const row = (confusion[t] ??= {});
    row[p] = (row[p] ?? 0) + 1;
  });
  const f1: Record<string, number> = {};
  for (const label of labels) {
    const tp = confusion[label]?.[label] ?? 0;
    const actual = truth.filter((t) => t === label).length;
    const guessed = predicted.filter((p) => p === label).length;
    if (actual === 0 && guessed === 0) continue;
    const precision = guessed === 0 ? 0 : tp / guessed;
    const recall = actual === 0 ? 0 : tp / actual;
    f1[label] = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  const scores = Object.values(f1);
  return {
    accuracy: truth.length === 0 ? 0 : correct / truth.length,
    macroF1: scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length,
    f1,
    confusion,
    count: truth.length,
  };
}
