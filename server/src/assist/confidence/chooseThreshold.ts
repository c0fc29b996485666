/**
 * Picks a review threshold from labelled confidences: a draft is flagged when its confidence is
 * below the threshold. The targets are the product's: at most 20% of drafts that were fine
 * flagged (agents' time) and at least 80% of drafts that were not (the review exists for them).
 * Among thresholds meeting both, the one separating best (bad flagged minus good flagged) wins,
 * at the middle of its run of equal thresholds so it does not sit on one sample's confidence;
 * when no threshold meets both, the good-flag cap is kept and separation maximised under it.
 * Used for the shipped default (fit script, train + dev) and per workspace (its own feedback).
 */
export interface LabelledConfidence {
  confidence: number;
  /** The draft should have been flagged (the sources did not answer; the agent rejected it). */
  shouldFlag: boolean;
}

export interface ThresholdTargets {
  /** Largest share of good drafts flagged. */
  maxGoodFlagged: number;
  /** Smallest share of bad drafts flagged. */
  minBadFlagged: number;
}

export const FLAG_TARGETS: ThresholdTargets = { maxGoodFlagged: 0.2, minBadFlagged: 0.8 };

export interface ChosenThreshold {
  threshold: number;
  goodFlagged: number;
  badFlagged: number;
  /** Both targets are met on the samples. */
  meetsTargets: boolean;
}

/** Flag rates at a threshold. */
export function flagRates(samples: readonly LabelledConfidence[], threshold: number): { goodFlagged: number; badFlagged: number } {
  const good = samples.filter((s) => !s.shouldFlag);
  const bad = samples.filter((s) => s.shouldFlag);
  const rate = (group: readonly LabelledConfidence[]) =>
    group.length === 0 ? 0 : group.filter((s) => s.confidence < threshold).length / group.length;
  return { goodFlagged: rate(good), badFlagged: rate(bad) };
}

export function chooseThreshold(samples: readonly LabelledConfidence[], targets: ThresholdTargets = FLAG_TARGETS): ChosenThreshold {
  const values = [...new Set(samples.map((s) => s.confidence))].sort((a, b) => a - b);
  // Candidates between neighbouring confidences, plus below and above all of them.
  const candidates = [0, ...values.slice(1).map((v, i) => ((values[i] ?? 0) + v) / 2), 1];
  const scored = candidates.map((threshold) => {
    const rates = flagRates(samples, threshold);
    const meets = rates.goodFlagged <= targets.maxGoodFlagged && rates.badFlagged >= targets.minBadFlagged;
    return { threshold, ...rates, meetsTargets: meets, separation: rates.badFlagged - rates.goodFlagged };
  });
  const feasible = scored.filter((s) => s.meetsTargets);
  const pool = feasible.length > 0 ? feasible : scored.filter((s) => s.goodFlagged <= targets.maxGoodFlagged);
  const best = Math.max(...pool.map((s) => s.separation));
  const tied = pool.filter((s) => s.separation === best);
  const middle = tied[Math.floor((tied.length - 1) / 2)] ?? scored[0];
  if (middle === undefined) return { threshold: 0.5, goodFlagged: 0, badFlagged: 0, meetsTargets: false };
  return { threshold: middle.threshold, goodFlagged: middle.goodFlagged, badFlagged: middle.badFlagged, meetsTargets: middle.meetsTargets };
}
