import { describe, expect, it } from 'vitest';
import { averagingWindow, batchNormUnit, ewaUpdate, identityParameters } from './batchNormMath';

const z = [2.5, -1, 7, 0.25, 3, -4.5];

function meanOf(v: number[]): number {
  return v.reduce((s, x) => s + x, 0) / v.length;
}

describe('batchNormMath', () => {
  it('should give zNorm mean 0 and variance var/(var+eps)', () => {
    const eps = 0.5;
    const r = batchNormUnit(z, 1, 0, eps);
    expect(meanOf(r.zNorm)).toBeCloseTo(0, 12);
    const v = meanOf(r.zNorm.map((x) => x * x));
    expect(v).toBeCloseTo(r.variance / (r.variance + eps), 12);
  });

  it('should reproduce z with the identity parameters', () => {
    const eps = 1e-3;
    const { bnGamma, bnBeta } = identityParameters(z, eps);
    const r = batchNormUnit(z, bnGamma, bnBeta, eps);
    r.zTilde.forEach((v, i) => {
      expect(Math.abs(v - z[i])).toBeLessThan(1e-9);
    });
  });

  it('should leave zNorm unchanged when a constant is added to z', () => {
    const a = batchNormUnit(z, 1, 0, 1e-3).zNorm;
    const b = batchNormUnit(
      z.map((v) => v + 100),
      1,
      0,
      1e-3,
    ).zNorm;
    a.forEach((v, i) => {
      expect(b[i]).toBeCloseTo(v, 9);
    });
  });

  it('should match a hand-computed three-value example', () => {
    // z = [1, 2, 3]: mean 2, variance (1 + 0 + 1) / 3 = 2/3; eps = 1/3 makes the denominator 1.
    const r = batchNormUnit([1, 2, 3], 2, 0.5, 1 / 3);
    expect(r.mean).toBeCloseTo(2, 12);
    expect(r.variance).toBeCloseTo(2 / 3, 12);
    expect(r.zNorm.map((v) => Number(v.toFixed(12)))).toEqual([-1, 0, 1]);
    expect(r.zTilde.map((v) => Number(v.toFixed(12)))).toEqual([-1.5, 0.5, 2.5]);
  });

  it('should blend the previous average and the new value', () => {
    expect(ewaUpdate(10, 20, 0.9)).toBeCloseTo(11, 12);
    expect(ewaUpdate(10, 20, 0)).toBe(20);
  });

  it('should average over about 1/(1-beta) values', () => {
    expect(averagingWindow(0.9)).toBeCloseTo(10, 9);
    expect(averagingWindow(0.98)).toBeCloseTo(50, 9);
  });
});
