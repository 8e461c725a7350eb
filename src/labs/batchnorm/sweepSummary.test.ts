import { describe, expect, it } from 'vitest';
import { summarizeSweep } from './sweepSummary';

describe('summarizeSweep', () => {
  it('should report the range of α that stays within 90% of the best accuracy, per arm', () => {
    const s = summarizeSweep([
      { learningRate: 0.01, batchNorm: false, accuracy: 0.1, diverged: false },
      { learningRate: 0.1, batchNorm: false, accuracy: 0.9, diverged: false },
      { learningRate: 1, batchNorm: false, accuracy: null, diverged: true },
      { learningRate: 0.01, batchNorm: true, accuracy: 0.85, diverged: false },
      { learningRate: 0.1, batchNorm: true, accuracy: 0.95, diverged: false },
      { learningRate: 1, batchNorm: true, accuracy: 0.97, diverged: false },
    ]);
    expect(s.threshold).toBeCloseTo(0.873, 6);
    expect(s.withBn.good).toEqual([0.1, 1]);
    expect(s.withBn.lowest).toBe(0.1);
    expect(s.withoutBn.good).toEqual([0.1]);
    expect(s.withoutBn.diverged).toBe(1);
    expect(s.withoutBn.best).toBe(0.9);
  });
});
