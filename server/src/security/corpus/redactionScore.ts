/**
 * How well a redactor does on corpus samples. An item counts as caught when every letter and
 * digit of it lies inside some redacted span (a half-redacted e-mail is a miss); a span counts as
 * right when it overlaps a planted item (one over a look-alike or over plain text is a false
 * positive). Recall and precision are micro-averaged over the samples given.
 */
import type { PiiKind } from '../pii/piiSpan.js';
import type { CorpusSample } from './redactionCorpus.js';

export interface FoundSpan {
  start: number;
  end: number;
}

export interface RedactionScore {
  samples: number;
  items: number;
  caught: number;
  recall: number;
  spans: number;
  correctSpans: number;
  precision: number;
  /** Look-alikes any span touched. */
  lookAlikesHit: number;
  lookAlikes: number;
  byKind: Partial<Record<PiiKind, { items: number; caught: number }>>;
  missed: { id: string; kind: PiiKind; value: string }[];
  falsePositives: { id: string; text: string }[];
}

export function scoreRedaction(samples: readonly CorpusSample[], find: (sample: CorpusSample) => readonly FoundSpan[]): RedactionScore {
  const score: RedactionScore = {
    samples: samples.length,
    items: 0,
    caught: 0,
    recall: 1,
    spans: 0,
    correctSpans: 0,
    precision: 1,
    lookAlikesHit: 0,
    lookAlikes: 0,
    byKind: {},
    missed: [],
    falsePositives: [],
  };
  for (const sample of samples) {
    const spans = find(sample);
    const covered = new Uint8Array(sample.text.length);
    for (const s of spans) covered.fill(1, s.start, s.end);
    for (const item of sample.items) {
      const kind = (score.byKind[item.kind] ??= { items: 0, caught: 0 });
      score.items++;
      kind.items++;
      let whole = true;
      for (let i = item.start; i < item.end && whole; i++) whole = covered[i] === 1 || !/[\p{L}\p{N}]/u.test(sample.text[i] as string);
      if (whole) {
        score.caught++;
        kind.caught++;
      } else score.missed.push({ id: sample.id, kind: item.kind, value: item.value });
    }
    for (const s of spans) {
      score.spans++;
      if (sample.items.some((item) => item.start < s.end && s.start < item.end)) score.correctSpans++;
      else score.falsePositives.push({ id: sample.id, text: sample.text.slice(s.start, s.end) });
    }
    score.lookAlikes += sample.lookAlikes.length;
    score.lookAlikesHit += sample.lookAlikes.filter((l) => spans.some((s) => l.start < s.end && s.start < l.end)).length;
  }
  score.recall = score.items === 0 ? 1 : score.caught / score.items;
  score.precision = score.spans === 0 ? 1 : score.correctSpans / score.spans;
  return score;
}
