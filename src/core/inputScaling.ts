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

export interface PathPoint {
  w1: number;
  w2: number;
  t: number;
}

export type RunOutcome = 'converged' | 'diverged' | 'oscillates' | 'too slow';

export interface DescentRun {
  learningRate: number;
  outcome: RunOutcome;
  /** Steps until J − J* < tolerance (converged), or steps taken. */
  steps: number;
  /** The path from (0, 0), thinned to at most ~maxPathPoints points; t is the step each point was reached at. */
  path: PathPoint[];
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

/** How the demo's examples are drawn (exported so the tests can vary it). */
export interface ScalingDesign {
  /** x1 = std1·u + mean1, x2 = std2·v + mean2, with u and v independent standard normals. */
  std1: number;
  mean1: number;
  std2: number;
  mean2: number;
  /** The labels follow P(y = 1) = σ(a·u + b·v): a weak, noisy rule. */
  a: number;
  b: number;
}

/**
 * The default design. The two features are drawn independently, so once each is standardised their
 * cross-curvature is only sampling noise; the rule is weak (|(a, b)| ≈ 0.5), so at the normalized minimum
 * every example's σ(z)(1 − σ(z)) stays near 1/4 and curvature is nearly the same in every direction. Both
 * together are what make the normalized bowl round. x1 is 25 times wider than x2, which makes the raw bowl a
 * long thin valley that is still visible when drawn to scale.
 */
export const DEFAULT_DESIGN: ScalingDesign = { std1: 5, mean1: 2, std2: 0.2, mean2: 0.1, a: 0.4, b: -0.3 };

/** Training examples of the demo (seeded). */
export function scaledFeaturesProblem(seed = 1, m = 400, design = DEFAULT_DESIGN): ScalingProblem {
  return drawExamples(deriveSeed(seed, 'input-scaling'), m, design);
}

/** A dev set from the same distribution as scaledFeaturesProblem(seed), drawn independently of it. */
export function devSetProblem(seed = 1, m = 100, design = DEFAULT_DESIGN): ScalingProblem {
  return drawExamples(deriveSeed(seed, 'input-scaling-dev'), m, design);
}

function drawExamples(streamSeed: number, m: number, d: ScalingDesign): ScalingProblem {
  const rng = createRng(streamSeed);
  const x = new Float64Array(2 * m);
  const y = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    const u = rng.normal();
    const v = rng.normal();
    x[2 * i] = d.std1 * u + d.mean1;
    x[2 * i + 1] = d.std2 * v + d.mean2;
    y[i] = rng.next() < sigmoid(d.a * u + d.b * v) ? 1 : 0;
  }
  return withMinimum(x, y);
}

/** Each feature's mean and standard deviation (population form, 1/m). */
export interface FeatureStats {
  mean: [number, number];
  std: [number, number];
}

export function featureStats(p: Pick<ScalingProblem, 'x' | 'm'>): FeatureStats {
  const mean: [number, number] = [0, 0];
  const std: [number, number] = [0, 0];
  for (let f = 0; f < 2; f++) {
    let s = 0;
    for (let i = 0; i < p.m; i++) s += p.x[2 * i + f];
    mean[f] = s / p.m;
    let v = 0;
    for (let i = 0; i < p.m; i++) v += (p.x[2 * i + f] - mean[f]) ** 2;
    std[f] = Math.sqrt(v / p.m);
  }
  return { mean, std };
}

/**
 * (x − μ) / σ with the given statistics. At test time these are the training set's: the model learned its
 * weights for inputs scaled that way, so the dev and test sets must be scaled exactly the same way.
 */
export function scaleWith(p: ScalingProblem, stats: FeatureStats): ScalingProblem {
  const x = new Float64Array(p.x.length);
  for (let i = 0; i < p.m; i++) {
    for (let f = 0; f < 2; f++) x[2 * i + f] = (p.x[2 * i + f] - stats.mean[f]) / stats.std[f];
  }
  return withMinimum(x, p.y);
}

/** The same examples with each feature's own mean subtracted and divided by its own standard deviation. */
export function normalizedProblem(p: ScalingProblem): ScalingProblem {
  return scaleWith(p, featureStats(p));
}

/** Standard deviation of each feature: how different the scales are. */
export function featureScales(p: ScalingProblem): [number, number] {
  return featureStats(p).std;
}

/**
 * Gradient descent from (0, 0). Converged: J − J* < tolerance. Diverged: the cost rose more than 1 above
 * where it started, or became NaN. Oscillates: no new lowest cost for `stallSteps` steps — above about
 * 2/curvature, logistic regression's steps settle into a bounce across the valley that never closes (its
 * curvature falls off away from the minimum, so the cost stays bounded). Too slow: none of these within
 * maxSteps.
 */
export function gradientDescent(
  p: ScalingProblem,
  learningRate: number,
  maxSteps = MAX_DESCENT_STEPS,
  maxPathPoints = 400,
  stallSteps = 2000,
): DescentRun {
  let w1 = 0;
  let w2 = 0;
  const start = logisticCost(p, 0, 0);
  const full: PathPoint[] = [{ w1, w2, t: 0 }];
  let outcome: RunOutcome = 'too slow';
  let steps = maxSteps;
  let lowest = Number.POSITIVE_INFINITY;
  let lowestAt = 0;
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
    if (cost < lowest) {
      lowest = cost;
      lowestAt = t;
    } else if (t - lowestAt >= stallSteps) {
      outcome = 'oscillates';
      steps = t;
      break;
    }
    if (t === maxSteps) break;
    w1 -= (learningRate * g1) / m;
    w2 -= (learningRate * g2) / m;
    if (full.length < 4 * maxPathPoints || t % Math.ceil(t / maxPathPoints) === 0)
      full.push({ w1, w2, t: t + 1 });
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
 * The square window drawn for a problem: centred between the start (0, 0) and the minimum, as wide as the
 * larger of the two distances plus padding, the same span on both axes. Drawn in a square, one unit of w1
 * and one unit of w2 then take the same number of pixels, so the bowl's true shape shows.
 */
export function squareWindow(p: ScalingProblem, pad = 0.45): { w1: [number, number]; w2: [number, number] } {
  const c1 = p.best.w1 / 2;
  const c2 = p.best.w2 / 2;
  const half = (0.5 + pad) * Math.max(Math.abs(p.best.w1), Math.abs(p.best.w2), 1e-9);
  return { w1: [c1 - half, c1 + half], w2: [c2 - half, c2 + half] };
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

/** The Hessian of J at its minimum, [h11, h12, h22], and its eigenvalues (largest first). */
export function curvatureAtMinimum(p: ScalingProblem): {
  hessian: [number, number, number];
  eigenvalues: [number, number];
} {
  const hessian = logisticHessian(p, p.best.w1, p.best.w2);
  const [h11, h12, h22] = hessian;
  const tr = h11 + h22;
  const det = h11 * h22 - h12 * h12;
  const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  return { hessian, eigenvalues: [tr / 2 + disc, tr / 2 - disc] };
}

/**
 * Elongation of the bowl: the ratio of the Hessian's largest to smallest eigenvalue at the minimum (the
 * curvature ratio, or condition number). 1 is a round bowl. The contour ellipses' axes differ by its square
 * root; gradient descent's speed depends on the ratio itself.
 */
export function elongation(p: ScalingProblem): number {
  const [hi, lo] = curvatureAtMinimum(p).eigenvalues;
  return hi / lo;
}

/** Kept for callers of the older name. */
export const conditionNumber = elongation;

/** Pearson correlation of the two features. */
export function featureCorrelation(p: Pick<ScalingProblem, 'x' | 'm'>): number {
  const { mean, std } = featureStats(p);
  let c = 0;
  for (let i = 0; i < p.m; i++) c += (p.x[2 * i] - mean[0]) * (p.x[2 * i + 1] - mean[1]);
  return c / p.m / (std[0] * std[1]);
}

/**
 * The α of the grid that converges in the fewest steps: walks down from the largest converging rate and
 * stops once two rates in a row take more steps than the best so far (steps grow again below the best α).
 */
export function fewestStepsRate(p: ScalingProblem, maxSteps = MAX_DESCENT_STEPS): DescentRun | null {
  const grid = learningRateGrid();
  const top = largestConvergingRate(p, maxSteps);
  if (!top) return null;
  let best = top;
  let worse = 0;
  for (let k = grid.indexOf(top.learningRate) - 1; k >= 0 && worse < 2; k--) {
    const run = gradientDescent(p, grid[k], Math.min(maxSteps, 4 * best.steps + 10));
    if (run.outcome === 'converged' && run.steps < best.steps) {
      best = run;
      worse = 0;
    } else worse++;
  }
  return best;
}
