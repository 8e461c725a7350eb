// Training curves live here, outside React state: progress events append into growable typed
// arrays, and the store only bumps a version number (throttled) so that charts re-read them.
import { downsampleMinMax } from '../core/downsample';
import type { ProgressEvent } from '../worker/protocol';

/** A column of numbers that grows by doubling, so appending is amortised O(1) and allocation-light. */
export class GrowableColumn {
  private data: Float32Array;
  private size = 0;

  constructor(initialCapacity = 256) {
    this.data = new Float32Array(Math.max(1, initialCapacity));
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new Float32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }

  /** The filled part, without copying (valid until the next push that grows the column). */
  view(): Float32Array {
    return this.data.subarray(0, this.size);
  }

  last(): number {
    return this.size > 0 ? this.data[this.size - 1] : Number.NaN;
  }
}

export interface ModelSeries {
  trainStep: GrowableColumn;
  trainCost: GrowableColumn;
  devStep: GrowableColumn;
  devCost: GrowableColumn;
  devAccuracy: GrowableColumn;
}

/** A downsampled curve ready for a chart: finite points only. */
export interface ChartPoint {
  step: number;
  value: number;
}

function emptyModelSeries(): ModelSeries {
  return {
    trainStep: new GrowableColumn(),
    trainCost: new GrowableColumn(),
    devStep: new GrowableColumn(64),
    devCost: new GrowableColumn(64),
    devAccuracy: new GrowableColumn(64),
  };
}

/** Every curve of one run: one ModelSeries per model of the population. */
export class RunSeries {
  readonly models: ModelSeries[];
  /** Steps taken by each model, as last reported. */
  readonly steps: Int32Array;
  /** Effective learning rate of each model (after decay), as last reported. */
  readonly learningRate: Float32Array;

  constructor(readonly modelCount: number) {
    this.models = Array.from({ length: modelCount }, emptyModelSeries);
    this.steps = new Int32Array(modelCount);
    this.learningRate = new Float32Array(modelCount).fill(Number.NaN);
  }

  /** Appends what one progress event reports; points for unknown models are ignored. */
  append(e: ProgressEvent): void {
    const { train, dev } = e;
    for (let i = 0; i < train.model.length; i++) {
      const m = this.models[train.model[i]];
      if (!m) continue;
      m.trainStep.push(train.step[i]);
      m.trainCost.push(train.cost[i]);
    }
    for (let i = 0; i < dev.model.length; i++) {
      const m = this.models[dev.model[i]];
      if (!m) continue;
      m.devStep.push(dev.step[i]);
      m.devCost.push(dev.cost[i]);
      m.devAccuracy.push(dev.accuracy[i]);
    }
    const n = Math.min(this.modelCount, e.steps.length);
    for (let i = 0; i < n; i++) this.steps[i] = e.steps[i];
    const k = Math.min(this.modelCount, e.learningRate.length);
    for (let i = 0; i < k; i++) this.learningRate[i] = e.learningRate[i];
  }

  /** Largest step any model reached. */
  maxStep(): number {
    let max = 0;
    for (const s of this.steps) max = Math.max(max, s);
    return max;
  }
}

/** Thins a curve to about maxPoints (min and max per bucket kept) and drops NaN/Infinity. */
export function chartPoints(
  steps: ArrayLike<number>,
  values: ArrayLike<number>,
  maxPoints = 300,
): ChartPoint[] {
  const { x, y } = downsampleMinMax(steps, values, maxPoints);
  const points: ChartPoint[] = [];
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(y[i])) points.push({ step: x[i], value: y[i] });
  }
  return points;
}

/** What the live readouts show: one model's latest numbers (null: not measured yet). */
export interface Readouts {
  /** Which model of the population the numbers belong to. */
  model: number;
  step: number;
  trainCost: number | null;
  devCost: number | null;
  devAccuracy: number | null;
  /** Effective α after decay. */
  learningRate: number;
}

/**
 * The model the readouts describe: the only one of a single run, or, in a population, the healthy
 * model with the lowest latest dev cost (train cost before the first evaluation).
 */
export function featuredModel(series: RunSeries, diverged: readonly boolean[]): number {
  if (series.modelCount <= 1) return 0;
  let best = -1;
  let bestValue = Number.POSITIVE_INFINITY;
  const useDev = series.models.some((m, i) => !diverged[i] && m.devCost.length > 0);
  series.models.forEach((m, i) => {
    if (diverged[i]) return;
    const v = useDev ? m.devCost.last() : m.trainCost.last();
    if (Number.isFinite(v) && v < bestValue) {
      bestValue = v;
      best = i;
    }
  });
  return Math.max(best, 0);
}

export function readoutsOf(series: RunSeries, diverged: readonly boolean[]): Readouts {
  const model = featuredModel(series, diverged);
  const m = series.models[model];
  // An empty column is "not measured yet", never NaN: in this course NaN means a run diverged.
  const latest = (column: GrowableColumn | undefined) => (column && column.length > 0 ? column.last() : null);
  return {
    model,
    step: series.steps[model] ?? 0,
    trainCost: latest(m?.trainCost),
    devCost: latest(m?.devCost),
    devAccuracy: latest(m?.devAccuracy),
    learningRate: series.learningRate[model] ?? Number.NaN,
  };
}
