// Seeded datasets: the 2-D toy sets (drawn like TensorFlow Playground's, coordinates within about ±6),
// the train/dev split, input normalisation and the digits loader. Pure, so every worker and test
// rebuilds exactly the same data from the same seed.
import type { DatasetName } from './config';
import { createRng, deriveSeed, type Rng, shuffleInPlace } from './rng';

export type ToySetName = Exclude<DatasetName, 'digits'>;

export interface LabelledSet {
  /** Row-major [count, features]. */
  x: Float32Array;
  /** Class of each row. */
  y: Uint8Array;
}

/** Relative URL of the packed digits (see scripts/build-digits.mjs), fetched by the worker. */
export const digitsBinUrl = 'data/digits.bin';
export const DIGITS_FEATURES = 64;
const DIGITS_ROW_BYTES = DIGITS_FEATURES + 1;

/** A clean point of class `label`; every shape uses the same number of draws whatever the noise. */
type Shape = (rng: Rng, label: number) => [number, number];

const shapes: Record<ToySetName, { draw: Shape; jitter: number }> = {
  // Two arms, the second rotated by π; radius grows with the angle.
  spiral: {
    jitter: 0.5,
    draw(rng, label) {
      const t = rng.next();
      const r = 5 * t;
      const angle = 1.75 * 2 * Math.PI * t + label * Math.PI;
      return [r * Math.sin(angle), r * Math.cos(angle)];
    },
  },
  // Class 1 is the inner disc (r < 2), class 0 the outer ring (3.5 < r < 5).
  circles: {
    jitter: 0.5,
    draw(rng, label) {
      const u = rng.next();
      const r = label === 1 ? 2 * u : 3.5 + 1.5 * u;
      const angle = 2 * Math.PI * rng.next();
      return [r * Math.sin(angle), r * Math.cos(angle)];
    },
  },
  // Class 1 in quadrants I and III (x·y > 0); kept 0.3 off the axes so the clean set is separable.
  xor: {
    jitter: 0.5,
    draw(rng, label) {
      const a = 0.3 + 4.7 * rng.next();
      const b = 0.3 + 4.7 * rng.next();
      const flip = rng.next() < 0.5 ? -1 : 1;
      return label === 1 ? [flip * a, flip * b] : [flip * a, -flip * b];
    },
  },
  // Two blobs around (2, 2) and (−2, −2); noise widens them until they overlap.
  gaussian: {
    jitter: 1.5,
    draw(rng, label) {
      const c = label === 1 ? 2 : -2;
      return [c + 0.6 * rng.normal(), c + 0.6 * rng.normal()];
    },
  },
  // Two interleaving half circles (as in scikit-learn's make_moons), scaled by 3 and centred.
  moons: {
    jitter: 0.6,
    draw(rng, label) {
      const t = Math.PI * rng.next();
      const [mx, my] = label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
      return [3 * (mx - 0.5), 3 * (my - 0.25)];
    },
  },
};

/** `size` points, labels alternating 0/1 so both classes get size/2; noise 0..1 scales the jitter. */
export function generateToySet(name: ToySetName, size: number, noise: number, seed: number): LabelledSet {
  const rng = createRng(deriveSeed(seed, `dataset-${name}`));
  const { draw, jitter } = shapes[name];
  const x = new Float32Array(size * 2);
  const y = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const label = i % 2;
    const [px, py] = draw(rng, label);
    // Jitter is always drawn (even at noise 0) so a set's clean points don't depend on the noise.
    x[2 * i] = px + noise * jitter * rng.normal();
    x[2 * i + 1] = py + noise * jitter * rng.normal();
    y[i] = label;
  }
  return { x, y };
}

/** A seeded permutation cut into dev (round(count·devFraction) rows) and train (the rest), each sorted. */
export function splitTrainDev(
  count: number,
  devFraction: number,
  seed: number,
): { train: Int32Array; dev: Int32Array } {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  shuffleInPlace(createRng(deriveSeed(seed, 'split')), order);
  const devCount = Math.min(count, Math.max(0, Math.round(count * devFraction)));
  return { dev: order.slice(0, devCount).sort(), train: order.slice(devCount).sort() };
}

export interface NormalizationStats {
  mean: Float32Array;
  std: Float32Array;
}

/**
 * Mean and population std per feature over `rows` only: the dev set must be scaled with the
 * training set's statistics, never its own.
 */
export function normalizationStats(x: Float32Array, features: number, rows: Int32Array): NormalizationStats {
  const sum = new Float64Array(features);
  const sq = new Float64Array(features);
  for (const r of rows) {
    for (let f = 0; f < features; f++) {
      const v = x[r * features + f];
      sum[f] += v;
      sq[f] += v * v;
    }
  }
  const n = Math.max(1, rows.length);
  const mean = new Float32Array(features);
  const std = new Float32Array(features);
  for (let f = 0; f < features; f++) {
    const m = sum[f] / n;
    const s = Math.sqrt(Math.max(0, sq[f] / n - m * m));
    mean[f] = m;
    // A constant feature (e.g. a digits border pixel) would divide by zero; leave it unscaled.
    std[f] = s > 1e-6 ? s : 1;
  }
  return { mean, std };
}

export function applyNormalization(
  x: Float32Array,
  features: number,
  stats: NormalizationStats,
): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const f = i % features;
    out[i] = (x[i] - stats.mean[f]) / stats.std[f];
  }
  return out;
}

/** Rows of 65 bytes: 64 pixels in 0..16, then the label 0..9. */
export function parseDigits(bytes: Uint8Array): LabelledSet & { count: number } {
  if (bytes.length === 0 || bytes.length % DIGITS_ROW_BYTES !== 0) {
    throw new Error(
      `digits data has ${bytes.length} bytes, expected a non-zero multiple of ${DIGITS_ROW_BYTES}`,
    );
  }
  const count = bytes.length / DIGITS_ROW_BYTES;
  const x = new Float32Array(count * DIGITS_FEATURES);
  const y = new Uint8Array(count);
  for (let r = 0; r < count; r++) {
    const base = r * DIGITS_ROW_BYTES;
    for (let p = 0; p < DIGITS_FEATURES; p++) {
      const v = bytes[base + p];
      if (v > 16) throw new Error(`digits row ${r} pixel ${p} is ${v}, expected 0..16`);
      x[r * DIGITS_FEATURES + p] = v;
    }
    const label = bytes[base + DIGITS_FEATURES];
    if (label > 9) throw new Error(`digits row ${r} has label ${label}, expected 0..9`);
    y[r] = label;
  }
  return { x, y, count };
}
