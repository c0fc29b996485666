import { describe, expect, it } from 'vitest';
import { fitLogistic, type LogisticRow } from './fitLogistic.js';

describe('fitLogistic', () => {
  it('learns a positive weight for the feature that predicts the label and ignores noise', () => {
    const rows: LogisticRow[] = [];
    for (let i = 0; i < 200; i++) {
      const signal = (i % 10) / 10;
      const noise = ((i * 7) % 13) / 13;
      rows.push({ x: [signal, noise], y: signal > 0.5 ? 1 : 0 });
    }
    const fit = fitLogistic(rows, { l2: 0.001, epochs: 3000, learningRate: 1 });
    expect(fit.weights[0]).toBeGreaterThan(3);
    expect(Math.abs(fit.weights[1] as number)).toBeLessThan(1);
    expect(fit.loss).toBeLessThan(0.4);
  });

  it('shrinks weights under a stronger L2 penalty', () => {
    const rows: LogisticRow[] = [0, 1, 2, 3].flatMap((i) => [{ x: [i], y: (i > 1 ? 1 : 0) as 0 | 1 }]);
    const loose = fitLogistic(rows, { l2: 0.0001 });
    const tight = fitLogistic(rows, { l2: 1 });
    expect(Math.abs(tight.weights[0] as number)).toBeLessThan(Math.abs(loose.weights[0] as number));
  });

  it('counts a weighted row as that many rows', () => {
    const once = fitLogistic(
      [
        { x: [1], y: 1, w: 3 },
        { x: [1], y: 0 },
      ],
      { l2: 0, epochs: 3000 },
    );
    const thrice = fitLogistic(
      [
        { x: [1], y: 1 },
        { x: [1], y: 1 },
        { x: [1], y: 1 },
        { x: [1], y: 0 },
      ],
      { l2: 0, epochs: 3000 },
    );
    expect(once.bias + (once.weights[0] as number)).toBeCloseTo(thrice.bias + (thrice.weights[0] as number), 3);
  });
});
