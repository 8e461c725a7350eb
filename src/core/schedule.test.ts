import { describe, expect, it } from 'vitest';
import { type DecaySettings, decayedLearningRate } from './schedule';

const base: DecaySettings = {
  learningRate: 0.2,
  learningRateDecay: 'none',
  decayRate: 1,
  decayStepEpochs: 10,
};

describe('decayedLearningRate', () => {
  it('should keep alpha0 without decay', () => {
    expect(decayedLearningRate(base, 0)).toBe(0.2);
    expect(decayedLearningRate(base, 50)).toBe(0.2);
  });

  it('should divide by 1 + rate * epoch for inverse decay', () => {
    const h = { ...base, learningRateDecay: 'inverse' as const, decayRate: 1 };
    expect(decayedLearningRate(h, 0)).toBeCloseTo(0.2, 12);
    expect(decayedLearningRate(h, 1)).toBeCloseTo(0.1, 12);
    expect(decayedLearningRate(h, 3)).toBeCloseTo(0.05, 12);
  });

  it('should multiply by rate^epoch for exponential decay', () => {
    const h = { ...base, learningRateDecay: 'exponential' as const, decayRate: 0.95 };
    expect(decayedLearningRate(h, 0)).toBeCloseTo(0.2, 12);
    expect(decayedLearningRate(h, 2)).toBeCloseTo(0.1805, 12);
  });

  it('should drop by rate every decayStepEpochs for step decay', () => {
    const h = { ...base, learningRateDecay: 'step' as const, decayRate: 0.5, decayStepEpochs: 10 };
    expect(decayedLearningRate(h, 9)).toBeCloseTo(0.2, 12);
    expect(decayedLearningRate(h, 10)).toBeCloseTo(0.1, 12);
    expect(decayedLearningRate(h, 25)).toBeCloseTo(0.05, 12);
  });
});
