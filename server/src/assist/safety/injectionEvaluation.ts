/**
 * Recall and false-flag rate of an injection detector over corpus items, with the per-item
 * scoring time: the fitting script, the held-out test and the trust benchmark all measure the
 * classifier and the old regex list this one way.
 */
import type { CorpusItem } from './corpus/injectionCorpus.js';

export interface DetectorFigures {
  hostile: number;
  benign: number;
  /** Hostile items flagged / hostile items. */
  recall: number;
  /** Benign items flagged / benign items. */
  falseFlagRate: number;
  /** Ids of the items it got wrong, for the fitting script's report (never printed for the test split). */
  missed: string[];
  falseFlags: string[];
  /** Scoring time per item, milliseconds. */
  p50Ms: number;
  p95Ms: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

/** What an evaluation needs of an item: the corpus's items and the red-team set's both have it. */
export type LabelledText = Pick<CorpusItem, 'id' | 'hostile' | 'text'>;

export function evaluateDetector(items: readonly LabelledText[], flags: (text: string) => boolean): DetectorFigures {
  const times: number[] = [];
  const missed: string[] = [];
  const falseFlags: string[] = [];
  let hostile = 0;
  for (const item of items) {
    const started = performance.now();
    const flagged = flags(item.text);
    times.push(performance.now() - started);
    if (item.hostile) {
      hostile += 1;
      if (!flagged) missed.push(item.id);
    } else if (flagged) falseFlags.push(item.id);
  }
  const benign = items.length - hostile;
  times.sort((a, b) => a - b);
  return {
    hostile,
    benign,
    recall: hostile === 0 ? 0 : (hostile - missed.length) / hostile,
    falseFlagRate: benign === 0 ? 0 : falseFlags.length / benign,
    missed,
    falseFlags,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
  };
}

export function formatFigures(name: string, f: DetectorFigures): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return `${name}: recall ${pct(f.recall)} (${f.hostile - f.missed.length}/${f.hostile}), false flags ${pct(f.falseFlagRate)} (${f.falseFlags.length}/${f.benign}), p50 ${f.p50Ms.toFixed(3)} ms, p95 ${f.p95Ms.toFixed(3)} ms`;
}
