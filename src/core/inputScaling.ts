// The normalizing-inputs demo: logistic regression with two weights (w1, w2), no bias, on two
// features of very different scales (x1 in the hundreds, x2 near 1), trained by plain gradient
// descent. Small enough to run in plain numbers on the page: the cost surface, the path, the
// largest learning rate that still converges and the steps it takes, with and without normalizing.
import { createRng, deriveSeed } from './rng';

export interface ScalingProblem {
  /** Row-major [m, 2]. */
  x: Float64Array;
  y: Uint8Array;
  m: number;
  /** The minimum of the cost and where it is (found by Newton's method). */
  best: { w1: number; w2: number; cost: number };
}

export type RunOutcome = 'converged' | 'diverged' | 'too slow';

export interface DescentRun {
  learningRate: number;
  outcome: RunOutcome;
  /** Steps until J − J* < tolerance (converged), or steps taken. */
  steps: number;
  /** The path (w1, w2) from (0, 0), thinned to at most ~maxPathPoints points. */
  path: { w1: number; w2: number }[];
}

export const CONVERGENCE_TOLERANCE = 1e-4;
export const MAX_DESCENT_STEPS = 200_000;

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** Mean cross-entropy J(w1, w2) (stable form). */
export function logisticCost(p: Pick<ScalingProblem, 'x' | 'y' | 'm'>, w1: number, w2: number): number {
  let sum = 0;
  for (let i = 0; i < p.m; i++) {
    const z = w1 * p.x[2 * i] + w2 * p.x[2 * i + 1];
    sum += Math.max(z, 0) - z * p.y[i] + Math.log1p(Math.exp(-Math.abs(z)));
  }
  return sum / p.m;
}

/** dJ/dw1, dJ/dw2. */
export function logisticGradient(
  p: Pick<ScalingProblem, 'x' | 'y' | 'm'>,
  w1: number,
  w2: number,
): [number, number] {
  let g1 = 0;
  let g2 = 0;
  for (let i = 0; i < p.m; i++) {
    const x1 = p.x[2 * i];
    const x2 = p.x[2 * i + 1];
    const e = sigmoid(w1 * x1 + w2 * x2) - p.y[i];
    g1 += e * x1;
    g2 += e * x2;
  }
  return [g1 / p.m, g2 / p.m];
}

/** The mean-cost Hessian of logistic regression at (w1, w2): [h11, h12, h22]. */
function logisticHessian(
  p: Pick<ScalingProblem, 'x' | 'm'>,
  w1: number,
  w2: number,
): [number, number, number] {
  let h11 = 0;
  let h12 = 0;
  let h22 = 0;
  for (let i = 0; i < p.m; i++) {
    const x1 = p.x[2 * i];
    const x2 = p.x[2 * i + 1];
    const s = sigmoid(w1 * x1 + w2 * x2);
    const d = s * (1 - s);
    h11 += d * x1 * x1;
    h12 += d * x1 * x2;
    h22 += d * x2 * x2;
  }
  return [h11 / p.m, h12 / p.m, h22 / p.m];
}

function newtonMinimum(p: Pick<ScalingProblem, 'x' | 'y' | 'm'>): { w1: number; w2: number; cost: number } {
  let w1 = 0;
  let w2 = 0;
  for (let iter = 0; iter < 100; iter++) {
    const [g1, g2] = logisticGradient(p, w1, w2);
    const [h11, h12, h22] = logisticHessian(p, w1, w2);
    const det = h11 * h22 - h12 * h12;
    const d1 = (h22 * g1 - h12 * g2) / det;
    const d2 = (h11 * g2 - h12 * g1) / det;
    w1 -= d1;
    w2 -= d2;
    if (Math.abs(d1) + Math.abs(d2) < 1e-13 * (1 + Math.abs(w1) + Math.abs(w2))) break;
  }
  return { w1, w2, cost: logisticCost(p, w1, w2) };
}

function withMinimum(x: Float64Array, y: Uint8Array): ScalingProblem {
  const base = { x, y, m: y.length };
  return { ...base, best: newtonMinimum(base) };
}

/**
 * m examples: x1 has standard deviation 100 (values in the hundreds), x2 about 1. The labels follow
 * a noisy logistic rule, so the classes overlap and the cost has a finite minimum.
 */
export function scaledFeaturesProblem(seed = 1, m = 120): ScalingProblem {
  const rng = createRng(deriveSeed(seed, 'input-scaling'));
  const x = new Float64Array(2 * m);
  const y = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    const u = rng.normal();
    const v = rng.normal();
    x[2 * i] = 100 * u + 20;
    x[2 * i + 1] = 0.8 * v + 0.3;
    y[i] = rng.next() < sigmoid(1.5 * u + 2 * v) ? 1 : 0;
  }
  return withMinimum(x, y);
}

/** The same examples with each feature's mean subtracted and divided by its standard deviation. */
export function normalizedProblem(p: ScalingProblem): ScalingProblem {
  const x = new Float64Array(p.x.length);
  for (let f = 0; f < 2; f++) {
    let mean = 0;
    for (let i = 0; i < p.m; i++) mean += p.x[2 * i + f];
    mean /= p.m;
    let variance = 0;
    for (let i = 0; i < p.m; i++) variance += (p.x[2 * i + f] - mean) ** 2;
    const std = Math.sqrt(variance / p.m);
    for (let i = 0; i < p.m; i++) x[2 * i + f] = (p.x[2 * i + f] - mean) / std;
  }
  return withMinimum(x, p.y);
}

/** Standard deviation of each feature: how different the scales are. */
export function featureScales(p: ScalingProblem): [number, number] {
  const out: [number, number] = [0, 0];
  for (let f = 0; f < 2; f++) {
    let mean = 0;
    for (let i = 0; i < p.m; i++) mean += p.x[2 * i + f];
    mean /= p.m;
    let v = 0;
    for (let i = 0; i < p.m; i++) v += (p.x[2 * i + f] - mean) ** 2;
    out[f] = Math.sqrt(v / p.m);
  }
  return out;
}

/**
 * Gradient descent from (0, 0). Converged: J − J* < tolerance. Diverged: the cost rose more than
 * 1 above where it started, or became NaN. Too slow: neither within maxSteps.
 */
export function gradientDescent(
  p: ScalingProblem,
  learningRate: number,
  maxSteps = MAX_DESCENT_STEPS,
  maxPathPoints = 400,
): DescentRun {
  let w1 = 0;
  let w2 = 0;
  const start = logisticCost(p, 0, 0);
  const full: { w1: number; w2: number }[] = [{ w1, w2 }];
  let outcome: RunOutcome = 'too slow';
  let steps = maxSteps;
  const { x, y, m } = p;
  // One pass per step gives both J(w_t) and its gradient (one exp per example).
  for (let t = 0; t <= maxSteps; t++) {
    let cost = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < m; i++) {
      const x1 = x[2 * i];
      const x2 = x[2 * i + 1];
      const z = w1 * x1 + w2 * x2;
      const e = Math.exp(-Math.abs(z));
      cost += Math.max(z, 0) - z * y[i] + Math.log1p(e);
      const s = z >= 0 ? 1 / (1 + e) : e / (1 + e);
      g1 += (s - y[i]) * x1;
      g2 += (s - y[i]) * x2;
    }
    cost /= m;
    if (!Number.isFinite(cost) || cost > start + 1) {
      outcome = 'diverged';
      steps = t;
      break;
    }
    if (cost - p.best.cost < CONVERGENCE_TOLERANCE) {
      outcome = 'converged';
      steps = t;
      break;
    }
    if (t === maxSteps) break;
    w1 -= (learningRate * g1) / m;
    w2 -= (learningRate * g2) / m;
    if (full.length < 4 * maxPathPoints || t % Math.ceil(t / maxPathPoints) === 0) full.push({ w1, w2 });
  }
  return { learningRate, outcome, steps, path: thin(full, maxPathPoints) };
}

function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  const out: T[] = [];
  const stride = points.length / max;
  for (let k = 0; k < max; k++) out.push(points[Math.floor(k * stride)]);
  out.push(points[points.length - 1]);
  return out;
}

/** The learning rates tried: 8 per decade, 1e-7 … 100. */
export function learningRateGrid(): number[] {
  const out: number[] = [];
  for (let k = -56; k <= 16; k++) out.push(Number((10 ** (k / 8)).toPrecision(3)));
  return out;
}

/**
 * The largest α of the grid that still converges: walks down from the top, where runs diverge within
 * a few steps, and stops at the first that converges. Just below the divergence edge a run may
 * oscillate too long; after `patience` such runs it gives up (null).
 */
export function largestConvergingRate(
  p: ScalingProblem,
  maxSteps = MAX_DESCENT_STEPS,
  patience = 3,
): DescentRun | null {
  const grid = learningRateGrid();
  let slow = 0;
  for (let k = grid.length - 1; k >= 0; k--) {
    const run = gradientDescent(p, grid[k], maxSteps);
    if (run.outcome === 'converged') return run;
    if (run.outcome === 'too slow' && ++slow >= patience) return null;
  }
  return null;
}

/**
 * The window drawn around the start, the minimum and the path (padded). The narrow axis is widened
 * to at least 1/maxAspect of the wide one; `stretch` says how much longer one unit of w1 is drawn
 * than one unit of w2 (1 = true proportions).
 */
export function plotWindow(
  p: ScalingProblem,
  path: { w1: number; w2: number }[],
  maxAspect = 8,
): { w1: [number, number]; w2: [number, number]; stretch: number } {
  const xs = [0, p.best.w1, ...path.map((q) => q.w1)];
  const ys = [0, p.best.w2, ...path.map((q) => q.w2)];
  const span = (v: number[]): [number, number] => {
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    const pad = 0.25 * Math.max(hi - lo, 1e-9);
    return [lo - pad, hi + pad];
  };
  const a = span(xs);
  const b = span(ys);
  const wa = a[1] - a[0];
  const wb = b[1] - b[0];
  const widen = (r: [number, number], width: number): [number, number] => {
    const c = (r[0] + r[1]) / 2;
    return [c - width / 2, c + width / 2];
  };
  const w = Math.max(wa, wb / maxAspect);
  const h = Math.max(wb, wa / maxAspect);
  const w1 = widen(a, Math.max(w, h / maxAspect));
  const w2 = widen(b, Math.max(h, w / maxAspect));
  // Drawn in a square: one unit of w1 takes (w2 span / w1 span) times the length of one unit of w2.
  return { w1, w2, stretch: (w2[1] - w2[0]) / (w1[1] - w1[0]) };
}

/** J on a res × res grid over the window (row-major, w2 from the bottom row up). */
export function costGrid(
  p: ScalingProblem,
  w1: [number, number],
  w2: [number, number],
  res: number,
): Float64Array {
  const out = new Float64Array(res * res);
  for (let r = 0; r < res; r++) {
    const b = w2[0] + ((r + 0.5) / res) * (w2[1] - w2[0]);
    for (let c = 0; c < res; c++) {
      const a = w1[0] + ((c + 0.5) / res) * (w1[1] - w1[0]);
      out[r * res + c] = logisticCost(p, a, b);
    }
  }
  return out;
}

/** Ratio of the largest to the smallest curvature of J at its minimum: how elongated the bowl is. */
export function conditionNumber(p: ScalingProblem): number {
  const [h11, h12, h22] = logisticHessian(p, p.best.w1, p.best.w2);
  const tr = h11 + h22;
  const det = h11 * h22 - h12 * h12;
  const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  return (tr / 2 + disc) / (tr / 2 - disc);
}
