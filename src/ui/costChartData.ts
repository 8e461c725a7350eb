// Turns a run's buffers into the few hundred points per curve that the cost chart draws.

import { type ChartPoint, chartPoints, type RunSeries } from '../state/runSeries';
import type { ModelInfo, PreviousRun, RunKind } from '../state/store';
import { learningRateColor } from './colorScale';
import { formatRate } from './format';
import { PALETTE } from './palette';

export interface ChartLine {
  key: string;
  name: string;
  color: string;
  dashed: boolean;
  diverged: boolean;
  points: ChartPoint[];
  /** Drawn faded underneath: a curve of an earlier run, not of the one training now. */
  faded?: boolean;
}

// The curves' colours, from the palette. A diverged model's curves are the palette's diverged red (and
// dashed), as on every other screen.
export const TRAIN_COLOR = PALETTE.train;
export const DEV_COLOR = PALETTE.dev;
export const DIVERGED_COLOR = PALETTE.diverged;
export const MAX_POINTS = 300;
/** Weight of the past in the display smoothing: an average over roughly the last 1/(1 − 0.9) = 10 steps. */
export const SMOOTHING = 0.9;

/**
 * Exponentially weighted average of a curve, bias-corrected so it starts at the first value. A
 * non-finite value (a diverged step) stays as it is and does not enter the average.
 */
export function smoothCurve(values: ArrayLike<number>, weight = SMOOTHING): Float32Array {
  const out = new Float32Array(values.length);
  let average = 0;
  let correction = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    average = weight * average + (1 - weight) * v;
    correction *= weight;
    out[i] = average / (1 - correction);
  }
  return out;
}

/** The largest round number (1, 2, 2.5, 5 × 10^k) at or above x, for an axis top. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const step = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * step >= x * (1 - 1e-9)) return m * step;
  return 10 * step;
}

/** One train and one dev curve for a single model; one train curve per model, coloured by α, for a population. */
export function chartLines(
  series: RunSeries | null,
  models: readonly ModelInfo[],
  kind: RunKind,
  lrRange: readonly [number, number],
  smooth = false,
  maxPoints = MAX_POINTS,
): ChartLine[] {
  if (!series) return [];
  const trainCurve = (m: RunSeries['models'][number]) =>
    chartPoints(m.trainStep.view(), smooth ? smoothCurve(m.trainCost.view()) : m.trainCost.view(), maxPoints);
  if (kind === 'single') {
    const m = series.models[0];
    if (!m) return [];
    const diverged = models[0]?.status === 'diverged';
    return [
      {
        key: 'train',
        name: 'train cost',
        color: diverged ? DIVERGED_COLOR : TRAIN_COLOR,
        dashed: false,
        diverged,
        points: trainCurve(m),
      },
      {
        key: 'dev',
        name: 'dev cost',
        color: diverged ? DIVERGED_COLOR : DEV_COLOR,
        dashed: true,
        diverged,
        points: chartPoints(m.devStep.view(), m.devCost.view(), maxPoints),
      },
    ];
  }
  return series.models.map((m, i) => {
    const info = models[i];
    const lr = info?.learningRate ?? Number.NaN;
    const diverged = info?.status === 'diverged';
    return {
      key: `model-${i}`,
      name: `α = ${formatRate(lr)}`,
      color: diverged ? DIVERGED_COLOR : learningRateColor(lr, lrRange[0], lrRange[1]),
      dashed: diverged,
      diverged,
      points: trainCurve(m),
    };
  });
}

/**
 * The y range: fitted to the healthy curves, so one exploding model does not flatten the rest
 * (its line is clipped at the top). On a log axis the bottom is the smallest positive cost.
 */
export function costDomain(lines: readonly ChartLine[], log: boolean): [number, number] | null {
  const healthy = lines.filter((l) => !l.diverged && l.points.length > 0);
  const use = healthy.length > 0 ? healthy : lines;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const l of use) {
    for (const p of l.points) {
      if (log && p.value <= 0) continue;
      lo = Math.min(lo, p.value);
      hi = Math.max(hi, p.value);
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  if (log) {
    // Whole tenths of a decade, so that the axis (and with it the whole chart) changes only now and then.
    return [
      10 ** (Math.floor(10 * Math.log10(lo * 0.9)) / 10),
      10 ** (Math.ceil(10 * Math.log10(hi * 1.1)) / 10),
    ];
  }
  return [0, niceCeil(hi * 1.02)];
}

/**
 * The step axis: 0 to a round number at or above the last step. A round top changes a dozen times
 * per decade instead of at every update, and only then do the axes need drawing again.
 */
export function stepDomain(maxStep: number): [number, number] {
  return [0, niceCeil(Math.max(1, maxStep))];
}

/** Copies the points of a curve with costs clamped to the axis (log axes cannot show 0). */
export function clampForLog(points: ChartPoint[], floor: number): ChartPoint[] {
  return points.map((p) => (p.value > floor ? p : { step: p.step, value: floor }));
}

/** About `count` round tick values (1, 2, 5 × 10^k apart) from 0 up to `max`. */
export function stepTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const base = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * base).find((s) => s >= raw) ?? 10 * base;
  const spacing = Math.max(1, nice); // steps are whole numbers
  const ticks: number[] = [];
  for (let t = 0; t <= max + 1e-9; t += spacing) ticks.push(Math.round(t));
  return ticks;
}

/** The faded colour of an earlier population's curves: the palette's pending grey, mostly transparent. */
export function ghostColor(alpha = 0.35): string {
  const hex = PALETTE.pending.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** An earlier "Train all" population kept to compare with: one faded train curve per model. */
export function ghostLines(
  ghost: { series: RunSeries; models: readonly ModelInfo[]; lrRange: readonly [number, number] },
  smooth = false,
  maxPoints = MAX_POINTS,
): ChartLine[] {
  return chartLines(ghost.series, ghost.models, 'population', ghost.lrRange, smooth, maxPoints).map((l) => ({
    ...l,
    key: `ghost-${l.key}`,
    name: `previous: ${l.name}`,
    color: ghostColor(l.diverged ? 0.2 : 0.35),
    faded: true,
  }));
}

/** The ghost's caption: which scale it was sampled on and how many models it holds. */
export function ghostLabel(scale: string, samples: number): string {
  return `previous: ${scale === 'log' ? 'Log' : 'Linear'}, ${samples} samples (faded grey)`;
}

/** The previous run's curves, faded grey: train and dev for one model, one train curve per model for a population. */
export function previousRunLines(previous: PreviousRun, smooth = false, maxPoints = MAX_POINTS): ChartLine[] {
  return chartLines(previous.series, previous.models, previous.kind, previous.lrRange, smooth, maxPoints).map(
    (l) => ({
      ...l,
      key: `previous-${l.key}`,
      name: `previous run: ${l.name}`,
      color: ghostColor(l.diverged ? 0.2 : 0.35),
      faded: true,
    }),
  );
}

/** What the previous run was, in a few words: its α (one model) or its population's α range. */
export function previousRunLabel(previous: PreviousRun): string {
  const e = previous.experiment;
  if (previous.kind === 'single')
    return `previous run: α = ${formatRate(previous.models[0]?.learningRate ?? e.learningRate)}`;
  const [lo, hi] = previous.lrRange;
  return `previous run: ${previous.models.length} models, α from ${formatRate(lo)} to ${formatRate(hi)} (${e.scale})`;
}
