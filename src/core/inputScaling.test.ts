import { describe, expect, it } from 'vitest';
import {
  devSetProblem,
  elongation,
  featureCorrelation,
  featureScales,
  featureStats,
  fewestStepsRate,
  gradientDescent,
  largestConvergingRate,
  logisticCost,
  logisticGradient,
  normalizedProblem,
  scaledFeaturesProblem,
  scaleWith,
  squareWindow,
} from './inputScaling';

// Seed 1 is the one the page shows; the others check the lesson does not hang on it.
const SEEDS = [1, 2, 3, 4, 5];
const raw = scaledFeaturesProblem(1);
const normalized = normalizedProblem(raw);

describe('the normalizing-inputs demo', () => {
  it('should have features of very different spreads, and unit spreads once normalized', () => {
    const [s1, s2] = featureScales(raw);
    expect(s1 / s2).toBeGreaterThan(15);
    const [n1, n2] = featureScales(normalized);
    expect(n1).toBeCloseTo(1, 6);
    expect(n2).toBeCloseTo(1, 6);
    expect(Math.abs(featureCorrelation(normalized))).toBeLessThan(0.15);
  });

  it('should have a gradient that matches central differences', () => {
    const [g1, g2] = logisticGradient(raw, 0.01, 0.5);
    const h = 1e-6;
    expect(g1).toBeCloseTo(
      (logisticCost(raw, 0.01 + h, 0.5) - logisticCost(raw, 0.01 - h, 0.5)) / (2 * h),
      4,
    );
    expect(g2).toBeCloseTo(
      (logisticCost(raw, 0.01, 0.5 + h) - logisticCost(raw, 0.01, 0.5 - h)) / (2 * h),
      4,
    );
  });

  it('should find the minimum, where the gradient vanishes', () => {
    for (const p of [raw, normalized]) {
      const [g1, g2] = logisticGradient(p, p.best.w1, p.best.w2);
      expect(Math.abs(g1) + Math.abs(g2)).toBeLessThan(1e-9);
    }
  });

  it.each(SEEDS)('should turn a long thin valley into a round bowl (seed %i)', (seed) => {
    const r = scaledFeaturesProblem(seed);
    const n = normalizedProblem(r);
    expect(elongation(n)).toBeLessThanOrEqual(1.5);
    expect(elongation(r)).toBeGreaterThan(100 * elongation(n));
    // A minimum away from the start, so the path has somewhere to go.
    expect(Math.hypot(n.best.w1, n.best.w2)).toBeGreaterThan(0.2);
  });

  it.each(SEEDS)('should allow a far larger α and far fewer steps once normalized (seed %i)', (seed) => {
    const r = scaledFeaturesProblem(seed);
    const n = normalizedProblem(r);
    const a = largestConvergingRate(r);
    const b = largestConvergingRate(n);
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(b!.learningRate).toBeGreaterThan(10 * a!.learningRate);
    expect(b!.steps).toBeLessThan(a!.steps / 10);
    // Just above the largest rate, the raw problem no longer converges.
    expect(gradientDescent(r, a!.learningRate * 1.5).outcome).not.toBe('converged');
    // At raw's own best α, the normalized problem is already faster.
    const same = gradientDescent(n, a!.learningRate);
    expect(same.outcome).toBe('converged');
    expect(same.steps).toBeLessThan(a!.steps / 5);
    const fastest = fewestStepsRate(n);
    expect(fastest!.steps).toBeLessThanOrEqual(b!.steps);
  });

  it('should scale the dev set with the training mean and std, which differ from its own', () => {
    const train = featureStats(raw);
    const dev = devSetProblem(1);
    const own = featureStats(dev);
    const scaled = scaleWith(dev, train);
    for (let i = 0; i < dev.m; i++) {
      for (let f = 0; f < 2; f++) {
        expect(scaled.x[2 * i + f]).toBeCloseTo((dev.x[2 * i + f] - train.mean[f]) / train.std[f], 12);
      }
    }
    expect(Math.abs(own.mean[0] - train.mean[0]) + Math.abs(own.std[0] - train.std[0])).toBeGreaterThan(0.01);
    // With training statistics the dev set's own mean is not exactly 0 and its spread not exactly 1.
    const s = featureStats(scaled);
    expect(Math.abs(s.mean[0]) + Math.abs(s.mean[1])).toBeGreaterThan(1e-3);
  });

  it('should draw a square window around the start and the minimum', () => {
    for (const p of [raw, normalized]) {
      const w = squareWindow(p);
      expect(w.w1[1] - w.w1[0]).toBeCloseTo(w.w2[1] - w.w2[0], 12);
      for (const [a, b] of [
        [0, 0],
        [p.best.w1, p.best.w2],
      ]) {
        expect(a).toBeGreaterThan(w.w1[0]);
        expect(a).toBeLessThan(w.w1[1]);
        expect(b).toBeGreaterThan(w.w2[0]);
        expect(b).toBeLessThan(w.w2[1]);
      }
    }
  });
});
