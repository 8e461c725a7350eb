import { describe, expect, it } from 'vitest';
import {
  conditionNumber,
  featureScales,
  gradientDescent,
  largestConvergingRate,
  logisticCost,
  logisticGradient,
  normalizedProblem,
  plotWindow,
  scaledFeaturesProblem,
} from './inputScaling';

const raw = scaledFeaturesProblem(1);
const normalized = normalizedProblem(raw);

describe('the normalizing-inputs demo', () => {
  it('should have one feature in the hundreds and one near 1, and unit scales once normalized', () => {
    const [s1, s2] = featureScales(raw);
    expect(s1).toBeGreaterThan(50);
    expect(s2).toBeLessThan(2);
    const [n1, n2] = featureScales(normalized);
    expect(n1).toBeCloseTo(1, 6);
    expect(n2).toBeCloseTo(1, 6);
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

  it('should turn long ellipses into near circles', () => {
    expect(conditionNumber(raw)).toBeGreaterThan(1000);
    expect(conditionNumber(normalized)).toBeLessThan(5);
  });

  it('should allow a much larger learning rate and far fewer steps once the inputs are normalized', () => {
    const a = largestConvergingRate(raw);
    const b = largestConvergingRate(normalized);
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(b!.learningRate).toBeGreaterThan(100 * a!.learningRate);
    expect(b!.steps).toBeLessThan(a!.steps / 10);
    // Just above the largest rate, the raw problem diverges.
    expect(gradientDescent(raw, a!.learningRate * 1.5).outcome).not.toBe('converged');
  });

  it('should frame the path and say how stretched the axes are', () => {
    const run = gradientDescent(normalized, 1);
    const w = plotWindow(normalized, run.path);
    expect(w.w1[0]).toBeLessThan(0);
    expect(w.w1[1]).toBeGreaterThan(normalized.best.w1);
    expect(w.stretch).toBeGreaterThan(0);
  });
});
