import { describe, expect, it } from 'vitest';
import {
  fitOrdinal,
  latentScore,
  ordinalClass,
  ordinalLoss,
  ordinalProbabilities,
  scaleScore,
  type OrdinalModel,
} from './ordinalRegression.js';

// Three ordered classes driven by the first feature; the second is noise.
const rows = [
  [0, 1],
  [0.2, 0],
  [0.4, 1],
  [1, 0],
  [1.2, 1],
  [1.4, 0],
  [2, 1],
  [2.2, 0],
  [2.4, 1],
];
const labels = [0, 0, 0, 1, 1, 1, 2, 2, 2];
const options = { l2: 0.001, learningRate: 0.5, epochs: 2000 };

describe('fitOrdinal', () => {
  const model = fitOrdinal(rows, labels, 3, options);

  it('separates ordered classes by one weighted score', () => {
    const predicted = rows.map((x) => ordinalClass(model, latentScore(model, x)));
    expect(predicted).toEqual(labels);
    expect(model.weights[0]).toBeGreaterThan(Math.abs(model.weights[1] ?? 0) * 5);
  });

  it('keeps its cut points in order and lowers the loss', () => {
    expect(model.cutpoints[0]).toBeLessThan(model.cutpoints[1] ?? -Infinity);
    const start: OrdinalModel = { weights: [0, 0], cutpoints: [-1, 1] };
    expect(ordinalLoss(model, rows, labels)).toBeLessThan(ordinalLoss(start, rows, labels) / 3);
  });

  it('is deterministic, whatever the row order', () => {
    const reversed = fitOrdinal([...rows].reverse(), [...labels].reverse(), 3, options);
    expect(reversed.weights[0]).toBeCloseTo(model.weights[0] ?? 0, 6);
    expect(fitOrdinal(rows, labels, 3, options)).toEqual(model);
  });

  it('shrinks weights under a stronger L2', () => {
    const strong = fitOrdinal(rows, labels, 3, { ...options, l2: 0.5 });
    expect(Math.abs(strong.weights[0] ?? 0)).toBeLessThan(Math.abs(model.weights[0] ?? 0));
  });

  it('refuses labels outside the classes', () => {
    expect(() =>
      fitOrdinal(
        rows,
        labels.map((y) => y + 1),
        3,
        options,
      ),
    ).toThrow(/labels/);
  });
});

describe('ordinalProbabilities and scaleScore', () => {
  const model: OrdinalModel = { weights: [1], cutpoints: [-1, 2] };

  it('gives a distribution over the classes', () => {
    const p = ordinalProbabilities(model, 0.5);
    expect(p).toHaveLength(3);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(p[1]).toBeGreaterThan(p[0] ?? 1);
  });

  it('puts the anchors on the cut points and stays monotone within the ends', () => {
    const anchors = [0, 0.3, 0.7, 1];
    expect(scaleScore(model, -1, anchors)).toBeCloseTo(0.3);
    expect(scaleScore(model, 2, anchors)).toBeCloseTo(0.7);
    expect(scaleScore(model, 0.5, anchors)).toBeCloseTo(0.5);
    let previous = -Infinity;
    for (let z = -20; z <= 20; z += 0.25) {
      const v = scaleScore(model, z, anchors);
      expect(v).toBeGreaterThanOrEqual(previous);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
      previous = v;
    }
  });
});
