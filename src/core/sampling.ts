// Random search over hyperparameters. Sampling on a log scale spends equal effort on each decade,
// which is what matters for α (1e-4..1) and for 1−β (β near 1 is where small changes bite).
import type { SamplingScale } from './config';
import { createRng, deriveSeed, type Rng } from './rng';

/** Uniform in [lo, hi). */
export function sampleLinear(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

/** r uniform in [log10 lo, log10 hi], then 10^r: each decade gets the same share. */
export function sampleLog(rng: Rng, lo: number, hi: number): number {
  const r = sampleLinear(rng, Math.log10(lo), Math.log10(hi));
  // Clamp: 10^log10(x) can land a rounding error outside [lo, hi].
  return Math.min(hi, Math.max(lo, 10 ** r));
}

/** For β in [lo, hi] ⊂ (0, 1): sample 1−β on a log scale, so 0.9→0.99 weighs as much as 0.99→0.999. */
export function sampleOneMinusLog(rng: Rng, lo: number, hi: number): number {
  const r = sampleLinear(rng, Math.log10(1 - hi), Math.log10(1 - lo));
  return Math.min(hi, Math.max(lo, 1 - 10 ** r));
}

/** The learning rates of a "Train all" population; a dedicated stream keeps them independent of the weights. */
export function sampleLearningRates(
  scale: SamplingScale,
  lrMin: number,
  lrMax: number,
  count: number,
  seed: number,
): number[] {
  const rng = createRng(deriveSeed(seed, 'lr-samples'));
  const draw = scale === 'log' ? sampleLog : sampleLinear;
  return Array.from({ length: count }, () => draw(rng, lrMin, lrMax));
}

export interface DecadeBin {
  exponent: number;
  low: number;
  high: number;
  count: number;
  fraction: number;
}

/** floor(log10 v), corrected where log10 rounds across a decade boundary. */
function decadeOf(v: number): number {
  let k = Math.floor(Math.log10(v));
  if (10 ** k > v) k -= 1;
  else if (10 ** (k + 1) <= v) k += 1;
  return k;
}

/** One bin per decade [10^k, 10^(k+1)) between lo and hi, to show how evenly a scale covers decades. */
export function decadeHistogram(values: number[], lo: number, hi: number): DecadeBin[] {
  const first = decadeOf(lo);
  let last = decadeOf(hi);
  // hi exactly on a decade boundary (e.g. 1) closes the previous bin instead of opening an empty one.
  if (last > first && 10 ** last >= hi) last -= 1;
  const bins: DecadeBin[] = [];
  for (let k = first; k <= last; k++) {
    bins.push({
      exponent: k,
      low: Math.max(lo, 10 ** k),
      high: Math.min(hi, 10 ** (k + 1)),
      count: 0,
      fraction: 0,
    });
  }
  for (const v of values) {
    if (!(v >= lo && v <= hi)) continue;
    const k = Math.min(last, Math.max(first, decadeOf(v)));
    bins[k - first].count += 1;
  }
  const total = values.length;
  for (const b of bins) b.fraction = total > 0 ? b.count / total : 0;
  return bins;
}

/**
 * Whole percentages that sum to exactly 100 (largest-remainder rounding): round each share down, then
 * give the leftover points to the largest remainders. Plain rounding can print 101 % or 99 %.
 */
export function percentagesSummingTo100(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + Math.max(0, b), 0);
  if (!(total > 0)) return counts.map(() => 0);
  const exact = counts.map((c) => (Math.max(0, c) / total) * 100);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  // Ties go to the earlier entry, so the result does not depend on the sort's stability.
  const order = exact.map((v, i) => ({ i, r: v - floors[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return floors;
}

/** The share of [lo, hi] that one bin [low, high] takes under each scale: what a draw lands in on average. */
export function expectedShare(
  scale: SamplingScale,
  lo: number,
  hi: number,
  low: number,
  high: number,
): number {
  if (scale === 'log') return (Math.log10(high) - Math.log10(low)) / (Math.log10(hi) - Math.log10(lo));
  return (high - low) / (hi - lo);
}

/**
 * How many of n independent draws land in a bin of probability p: binomial, mean n·p and standard
 * deviation √(n·p·(1 − p)). With 16 draws and p = 1/4 that is 4 ± 1.7: small counts are mostly noise.
 */
export function binomialSpread(n: number, p: number): { mean: number; sd: number } {
  const q = Math.min(1, Math.max(0, p));
  return { mean: n * q, sd: Math.sqrt(n * q * (1 - q)) };
}
