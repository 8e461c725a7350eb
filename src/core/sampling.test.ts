import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { decadeHistogram, sampleLearningRates, sampleLinear, sampleLog, sampleOneMinusLog } from './sampling';

const N = 10_000;

function draw(f: () => number): number[] {
  return Array.from({ length: N }, f);
}

describe('sampling', () => {
  it('should put about a quarter of log samples in each decade of [1e-4, 1]', () => {
    const rng = createRng(42);
    const values = draw(() => sampleLog(rng, 1e-4, 1));
    const bins = decadeHistogram(values, 1e-4, 1);
    expect(bins.map((b) => b.exponent)).toEqual([-4, -3, -2, -1]);
    for (const b of bins) expect(Math.abs(b.fraction - 0.25)).toBeLessThan(0.03);
  });

  it('should put about 90% of linear samples in [0.1, 1]', () => {
    const rng = createRng(42);
    const values = draw(() => sampleLinear(rng, 1e-4, 1));
    const share = values.filter((v) => v >= 0.1).length / N;
    expect(Math.abs(share - 0.9)).toBeLessThan(0.02);
  });

  it('should split 1-beta log samples of [0.9, 0.999] evenly around 0.99', () => {
    const rng = createRng(7);
    const values = draw(() => sampleOneMinusLog(rng, 0.9, 0.999));
    const low = values.filter((v) => v < 0.99).length / N;
    expect(Math.abs(low - 0.5)).toBeLessThan(0.03);
  });

  it('should keep every sample inside its range', () => {
    const rng = createRng(3);
    expect(draw(() => sampleLog(rng, 1e-4, 1)).every((v) => v >= 1e-4 && v <= 1)).toBe(true);
    expect(draw(() => sampleOneMinusLog(rng, 0.9, 0.999)).every((v) => v >= 0.9 && v <= 0.999)).toBe(true);
    expect(draw(() => sampleLinear(rng, -2, 5)).every((v) => v >= -2 && v <= 5)).toBe(true);
  });

  it('should give the same samples for the same seed', () => {
    expect(sampleLearningRates('log', 1e-4, 1, 16, 5)).toEqual(sampleLearningRates('log', 1e-4, 1, 16, 5));
    expect(sampleLearningRates('log', 1e-4, 1, 16, 5)).not.toEqual(
      sampleLearningRates('log', 1e-4, 1, 16, 6),
    );
    expect(sampleLearningRates('linear', 0.1, 0.2, 4, 1)).toHaveLength(4);
  });

  it('should clip partial decades and put hi in the last bin', () => {
    const bins = decadeHistogram([0.003, 0.05, 0.5, 0.5], 0.003, 0.5);
    expect(bins.map((b) => [b.exponent, b.low, b.high, b.count])).toEqual([
      [-3, 0.003, 0.01, 1],
      [-2, 0.01, 0.1, 1],
      [-1, 0.1, 0.5, 2],
    ]);
    expect(bins[2].fraction).toBe(0.5);
  });
});
