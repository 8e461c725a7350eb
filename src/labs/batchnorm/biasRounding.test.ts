import { describe, expect, it } from 'vitest';
import { biasRounding } from './biasRounding';

const layer = (mean: number[], variance: number[], gamma: number[] | null = null) => ({
  layerMean: Float32Array.from(mean),
  layerVariance: Float32Array.from(variance),
  layerGamma: gamma ? Float32Array.from(gamma) : null,
  bnEpsilon: 1e-3,
});

describe('float32 rounding where batch norm cancels the bias', () => {
  it('calls the issue’s 2.38e-6 rounding for a layer whose z reaches a few units (the old fixed 1e-6 said otherwise)', () => {
    // A unit with |μ| + 3σ + |shift| ≈ 4 and σ ≈ 0.5: rounding ≈ 4 · 6e-8 / 0.5 ≈ 4.8e-7 per normalised value.
    const r = biasRounding(layer([0.5, 0.1], [0.25, 1], [1, 1]), 2, 2.38e-6);
    expect(r.layerRounding).toBeCloseTo((4 * 2 ** -24) / Math.sqrt(0.251), 12);
    expect(r.ratio).toBeGreaterThan(1);
    expect(r.isRounding).toBe(true);
    expect(2.38e-6).toBeGreaterThan(1e-6);
  });

  it('does not call a real effect rounding', () => {
    expect(biasRounding(layer([0.5], [0.25]), 2, 1e-2).isRounding).toBe(false);
    // A larger γ or a narrower unit raises the bound with it.
    const narrow = biasRounding(layer([0.5], [0.0001], [3]), 2, 0);
    expect(narrow.layerRounding).toBeGreaterThan(biasRounding(layer([0.5], [0.25]), 2, 0).layerRounding * 20);
  });
});
