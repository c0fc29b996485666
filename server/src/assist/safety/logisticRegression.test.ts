import { describe, expect, it } from 'vitest';
import { fitLogistic, fitLogisticNewton, fitLogisticNonNegative, predictLogistic } from './logisticRegression.js';

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

describe('fitLogisticNewton', () => {
  // Overlapping classes, so the optimum is finite even without L2.
  const rows = [
    [1, 0],
    [1, 1],
    [1, 0],
    [0, 1],
    [0, 0],
    [0, 1],
  ];
  const labels = [1, 1, 0, 0, 0, 1];

  it('reaches the optimum gradient descent creeps towards', () => {
    const newton = fitLogisticNewton(rows, labels, { l2: 0.01 });
    const descent = fitLogistic(rows, labels, { l2: 0.01, learningRate: 1, epochs: 20_000 });
    expect(newton.bias).toBeCloseTo(descent.bias, 3);
    newton.weights.forEach((w, j) => expect(w).toBeCloseTo(descent.weights[j] ?? 0, 3));
  });

  it('needs L2 and one label per row', () => {
    expect(() => fitLogisticNewton(rows, labels, { l2: 0 })).toThrow(/l2/);
    expect(() => fitLogisticNewton(rows, labels.slice(1), { l2: 0.01 })).toThrow();
  });
});

describe('fitLogisticNonNegative', () => {
  // Feature 1 copies feature 0 on positives but also fires on a negative: alone it would get a negative weight.
  const rows = [
    [1, 1],
    [1, 0],
    [1, 0],
    [0, 1],
    [0, 1],
    [0, 0],
  ];
  const labels = [1, 1, 1, 0, 0, 0];

  it('keeps constrained weights at zero or above and leaves the others free', () => {
    const free = fitLogisticNewton(rows, labels, { l2: 0.01 });
    expect(free.weights[1]).toBeLessThan(0);
    const constrained = fitLogisticNonNegative(rows, labels, { l2: 0.01 }, [false, true]);
    expect(constrained.weights[1]).toBe(0);
    expect(constrained.weights[0]).toBeGreaterThan(0);
    expect(fitLogisticNonNegative(rows, labels, { l2: 0.01 }, [false, false])).toEqual(free);
  });
});
