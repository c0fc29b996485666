import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic } from './logisticRegression.js';

describe('fitLogistic', () => {
  const rows = [
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ];
  const labels = [1, 1, 0, 0];

  it('learns which feature separates the classes, and predicts them', () => {
    const model = fitLogistic(rows, labels, { l2: 0, learningRate: 1, epochs: 2000 });
    expect(model.weights[0]).toBeGreaterThan(3);
    expect(Math.abs(model.weights[1] ?? 0)).toBeLessThan(0.5);
    expect(rows.map((x) => predictLogistic(model, x) > 0.5)).toEqual([true, true, false, false]);
  });

  it('shrinks weights with L2, and is deterministic', () => {
    const loose = fitLogistic(rows, labels, { l2: 0, learningRate: 1, epochs: 500 });
    const tight = fitLogistic(rows, labels, { l2: 0.1, learningRate: 1, epochs: 500 });
    expect(Math.abs(tight.weights[0] ?? 0)).toBeLessThan(Math.abs(loose.weights[0] ?? 0));
    expect(fitLogistic(rows, labels, { l2: 0.1, learningRate: 1, epochs: 500 })).toEqual(tight);
  });

  it('refuses rows without labels', () => {
    expect(() => fitLogistic([], [], { l2: 0, learningRate: 1, epochs: 1 })).toThrow();
  });
});
