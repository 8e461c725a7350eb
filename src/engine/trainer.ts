// A run: a population of models (one or many) trained step by step. Models that share a shape train
// together in one stacked group; the trainer keeps run-wide model numbers, reads costs back in
// batches (one read per group per collect, not per step), marks diverged and finished models, and
// offers the hooks the lessons need: change hyperparameters mid-run, snapshot and restore.
import type { Hyperparameters, ModelSpec } from '../core/config';
import type { BatchStatisticsResult, InspectResult, ModeEvaluation, ProbeFrame } from '../core/inspection';
import type { Tensor } from './forward';
import { batchStatistics, evaluateModes, inspectModel, probeFrame, seededBatch } from './inspect';
import { copyModelState, groupKey, initialModelState, type ModelState, networkShapeOf } from './modelState';
import { boundaryGrid, type PreparedData } from './preparedData';
import { readTensors } from './readBack';
import { type DataTensors, StackedGroup } from './stackedGroup';
import { tf } from './tf';

export type TrainerModelStatus = 'training' | 'diverged' | 'finished';

export interface TrainerOptions {
  maxSteps: number;
  evalEvery: number;
}

export interface StatusChange {
  model: number;
  status: TrainerModelStatus;
  step: number;
  reason?: string;
}

export interface Collected {
  train: { model: number[]; step: number[]; cost: number[] };
  dev: { model: number[]; step: number[]; cost: number[]; accuracy: number[] };
  changes: StatusChange[];
}

/** A cost this many times the model's first cost (and at least DIVERGENCE_FLOOR) counts as diverged. */
export const DIVERGENCE_FACTOR = 20;
export const DIVERGENCE_FLOOR = 100;

interface PendingCost {
  group: StackedGroup;
  /** Step number each slot reached with this cost, or -1 if the slot was frozen. */
  steps: number[];
  cost: Tensor;
}

interface PendingEval {
  group: StackedGroup;
  steps: number[];
  cost: Tensor;
  accuracy: Tensor;
}

function dataTensors(data: PreparedData): DataTensors {
  const outputs = data.classes === 2 ? 1 : data.classes;
  const targets = (labels: Uint8Array) => {
    if (outputs === 1) return tf.tensor2d(Float32Array.from(labels), [labels.length, 1]);
    return tf.tidy(() =>
      tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(labels), 'int32'), outputs), 'float32'),
    );
  };
  return {
    inputs: data.inputs,
    classes: data.classes,
    trainSize: data.trainSize,
    xTrain: tf.tensor2d(data.xTrain, [data.trainSize, data.inputs]),
    targetsTrain: targets(data.yTrain),
    xDev: tf.tensor2d(data.xDev, [data.devSize, data.inputs]),
    targetsDev: targets(data.yDev),
    labelsDev: tf.tensor1d(Int32Array.from(data.yDev), 'int32'),
  };
}

export class Trainer {
  private readonly tensors: DataTensors;
  private groups: StackedGroup[] = [];
  /** Where each run-wide model lives: its group and slot. */
  private where: { group: StackedGroup; slot: number }[] = [];
  private readonly statuses: TrainerModelStatus[];
  private readonly firstCost: number[];
  private pendingCosts: PendingCost[] = [];
  private pendingEvals: PendingEval[] = [];
  private pendingChanges: StatusChange[] = [];
  /** Models taken out of training on purpose (they stay out when the step limit grows). */
  private readonly retired = new Set<number>();
  private gridTensor: Tensor | null = null;
  private gridResolution = 0;
  private probeTensor: Tensor | null = null;

  constructor(
    readonly data: PreparedData,
    specs: ModelSpec[],
    readonly options: TrainerOptions,
  ) {
    if (specs.length === 0) throw new Error('A population needs at least one model.');
    this.tensors = dataTensors(data);
    this.statuses = specs.map(() => 'training');
    this.firstCost = specs.map(() => Number.NaN);
    const models = specs.map((spec) =>
      initialModelState(spec, networkShapeOf(spec, data.inputs, data.classes), data.trainSize),
    );
    this.buildGroups(models);
  }

  get size(): number {
    return this.where.length;
  }

  status(model: number): TrainerModelStatus {
    return this.statuses[model];
  }

  stepOf(model: number): number {
    const w = this.where[model];
    return w.group.stepOf(w.slot);
  }

  learningRateOf(model: number): number {
    const w = this.where[model];
    return w.group.effectiveLearningRate(w.slot);
  }

  /** True when no model is still training. */
  get done(): boolean {
    return this.statuses.every((s) => s !== 'training');
  }

  /** Group count: how many stacked computations one step takes. */
  get groupCount(): number {
    return this.groups.length;
  }

  private buildGroups(models: ModelState[]): void {
    const byKey = new Map<string, number[]>();
    models.forEach((m, i) => {
      const key = groupKey(m.spec);
      byKey.set(key, [...(byKey.get(key) ?? []), i]);
    });
    this.where = new Array(models.length);
    this.groups = [...byKey.values()].map((members) => {
      const group = new StackedGroup(
        members,
        members.map((i) => models[i]),
        this.tensors,
      );
      members.forEach((model, slot) => {
        this.where[model] = { group, slot };
        group.setActive(slot, this.statuses[model] === 'training');
      });
      return group;
    });
  }

  /** Rebuilds the stacked groups (after a change that alters a model's shape key). */
  private regroup(): void {
    const models = this.where.map(({ group, slot }) => group.readState(slot));
    for (const g of this.groups) g.dispose();
    this.buildGroups(models);
  }

  /** One step of every model still training; costs are read later by collect(). */
  step(): void {
    for (const group of this.groups) {
      if (!group.anyActive()) continue;
      const cost = group.step();
      const steps = group.members.map((_, slot) => (group.isActive(slot) ? group.stepOf(slot) : -1));
      this.pendingCosts.push({ group, steps, cost });
      let evaluate = false;
      group.members.forEach((model, slot) => {
        const step = steps[slot];
        if (step < 0) return;
        if (step >= this.options.maxSteps) {
          this.finish(model, step);
          evaluate = true;
        } else if (step % this.options.evalEvery === 0) {
          evaluate = true;
        }
      });
      if (evaluate) this.pendingEvals.push({ group, steps, ...group.evaluate() });
    }
  }

  private finish(model: number, step: number): void {
    this.statuses[model] = 'finished';
    const w = this.where[model];
    w.group.setActive(w.slot, false);
    this.pendingChanges.push({ model, status: 'finished', step });
  }

  /** Queues a dev evaluation of every model now (e.g. when a run is paused or stopped early). */
  evaluateAll(): void {
    for (const group of this.groups) {
      const steps = group.members.map((model, slot) =>
        this.statuses[model] === 'diverged' ? -1 : group.stepOf(slot),
      );
      this.pendingEvals.push({ group, steps, ...group.evaluate() });
    }
  }

  /** Reads back everything queued since the last call; marks models whose cost blew up as diverged. */
  async collect(): Promise<Collected> {
    const out: Collected = {
      train: { model: [], step: [], cost: [] },
      dev: { model: [], step: [], cost: [], accuracy: [] },
      changes: [],
    };
    const costs = this.pendingCosts;
    const evals = this.pendingEvals;
    this.pendingCosts = [];
    this.pendingEvals = [];
    const costValues = await readTensors(costs.map((p) => p.cost));
    costs.forEach((pending, k) => {
      const values = costValues[k];
      pending.group.members.forEach((model, slot) => {
        const step = pending.steps[slot];
        if (step < 0 || this.statuses[model] === 'diverged') return;
        const cost = values[slot];
        if (Number.isNaN(this.firstCost[model])) this.firstCost[model] = cost;
        const bound = Math.max(DIVERGENCE_FLOOR, DIVERGENCE_FACTOR * this.firstCost[model]);
        if (!Number.isFinite(cost) || cost > bound) {
          const reason = Number.isFinite(cost)
            ? `cost ${cost.toPrecision(3)} exceeded ${bound.toPrecision(3)}`
            : `cost became ${cost}`;
          this.diverge(model, step, reason);
          // The cost that blew up is the last point of its curve, so the chart shows the spike the
          // message names (a NaN or ∞ has nothing to draw).
          if (Number.isFinite(cost)) {
            out.train.model.push(model);
            out.train.step.push(step);
            out.train.cost.push(cost);
          }
          return;
        }
        out.train.model.push(model);
        out.train.step.push(step);
        out.train.cost.push(cost);
      });
    });
    const evalValues = await readTensors(evals.flatMap((e) => [e.cost, e.accuracy]));
    evals.forEach((pending, k) => {
      const cost = evalValues[2 * k];
      const accuracy = evalValues[2 * k + 1];
      pending.group.members.forEach((model, slot) => {
        const step = pending.steps[slot];
        if (step < 0 || this.statuses[model] === 'diverged') return;
        // The dev set is evaluated after the step's update, so the weights may blow up there first:
        // a non-finite dev cost is a divergence too, not a number to show.
        if (!Number.isFinite(cost[slot])) {
          this.diverge(model, step, `dev cost became ${cost[slot]}`);
          return;
        }
        out.dev.model.push(model);
        out.dev.step.push(step);
        out.dev.cost.push(cost[slot]);
        out.dev.accuracy.push(accuracy[slot]);
      });
    });
    out.changes = this.pendingChanges;
    this.pendingChanges = [];
    return out;
  }

  private diverge(model: number, step: number, reason: string): void {
    this.statuses[model] = 'diverged';
    const w = this.where[model];
    w.group.setActive(w.slot, false);
    this.pendingChanges.push({ model, status: 'diverged', step, reason });
  }

  /** Changes a model's hyperparameters; they apply from its next step. */
  setHyperparameters(model: number, hyper: Partial<Hyperparameters>): void {
    const w = this.where[model];
    const before = groupKey(w.group.specOf(w.slot));
    w.group.setHyper(w.slot, hyper);
    if (groupKey(w.group.specOf(w.slot)) !== before) this.regroup();
  }

  /** Everything needed to continue this model later exactly as it would have gone on. */
  snapshot(model: number): ModelState {
    const w = this.where[model];
    return w.group.readState(w.slot);
  }

  /**
   * Puts a model back to a snapshot. Training resumes from there (a diverged or finished model
   * trains again if it has steps left).
   */
  restore(model: number, state: ModelState): void {
    const w = this.where[model];
    const sameShape = groupKey(state.spec) === groupKey(w.group.specOf(w.slot));
    w.group.writeState(w.slot, copyModelState(state));
    this.retired.delete(model);
    this.statuses[model] = state.step >= this.options.maxSteps ? 'finished' : 'training';
    this.firstCost[model] = Number.NaN;
    w.group.setActive(w.slot, this.statuses[model] === 'training');
    if (!sameShape) this.regroup();
  }

  /**
   * Retires a model (it keeps its weights and stops stepping: 'finished') or brings it back to training.
   * A diverged model stays diverged until a restore.
   */
  setModelActive(model: number, active: boolean): void {
    if (this.statuses[model] === 'diverged') return;
    if (active) this.retired.delete(model);
    else this.retired.add(model);
    const w = this.where[model];
    const canTrain = active && w.group.stepOf(w.slot) < this.options.maxSteps;
    const status: TrainerModelStatus = canTrain ? 'training' : 'finished';
    if (status === this.statuses[model]) return;
    this.statuses[model] = status;
    w.group.setActive(w.slot, canTrain);
    this.pendingChanges.push({ model, status, step: w.group.stepOf(w.slot) });
  }

  /** Lets models that finished train on to a new step limit. */
  extend(maxSteps: number): void {
    this.options.maxSteps = maxSteps;
    this.where.forEach((w, model) => {
      if (
        this.statuses[model] === 'finished' &&
        !this.retired.has(model) &&
        w.group.stepOf(w.slot) < maxSteps
      ) {
        this.statuses[model] = 'training';
        w.group.setActive(w.slot, true);
        this.pendingChanges.push({ model, status: 'training', step: w.group.stepOf(w.slot) });
      }
    });
  }

  /** Class-1 probability on a resolution² grid over the data's box (2-D sets only). */
  async boundary(model: number, resolution: number): Promise<Float32Array> {
    if (!this.gridTensor || this.gridResolution !== resolution) {
      this.gridTensor?.dispose();
      this.gridTensor = tf.tensor2d(boundaryGrid(this.data, resolution), [resolution * resolution, 2]);
      this.gridResolution = resolution;
    }
    const w = this.where[model];
    const probs = w.group.probabilities(w.slot, this.gridTensor);
    const values = (await probs.data()) as Float32Array;
    probs.dispose();
    return values;
  }

  private view(model: number) {
    const w = this.where[model];
    if (!w) throw new Error(`There is no model ${model} in this run.`);
    return w;
  }

  /**
   * One layer and unit of a model on a mini-batch: the batch it trains on next (batchSeed null), or
   * a seeded random batch of its mini-batch size. Reads nothing but what the lab shows.
   */
  async inspect(
    model: number,
    options: { layer: number; unit: number; batchSeed: number | null; biasShift?: number },
  ): Promise<InspectResult> {
    const { group, slot } = this.view(model);
    const indices =
      options.batchSeed === null
        ? group.peekBatch(slot)
        : seededBatch(this.data.trainSize, group.specOf(slot).hyper.miniBatchSize, options.batchSeed);
    return this.withView(model, (view) => inspectModel(view, this.tensors, { ...options, indices }));
  }

  /** Runs `f` with one model's sliced tensors, disposing them afterwards. */
  private async withView<T>(
    model: number,
    f: (view: ReturnType<StackedGroup['modelView']>) => Promise<T>,
  ): Promise<T> {
    const { group, slot } = this.view(model);
    let view: ReturnType<StackedGroup['modelView']> | null = null;
    const scope = tf.tidy(() => {
      view = group.modelView(slot);
      return [...view.params, ...view.runningMean, ...view.runningVariance].filter(
        (t): t is Tensor => t !== null,
      );
    });
    try {
      return await f(view!);
    } finally {
      for (const t of scope) t.dispose();
    }
  }

  /** Dev cost and accuracy of one model in training mode and in evaluation mode. */
  evaluateModes(model: number): Promise<ModeEvaluation> {
    return this.withView(model, (view) => evaluateModes(view, this.tensors));
  }

  /** The live-distributions frame of one model on a fixed probe batch (the first `size` training rows). */
  probe(model: number, size: number): Promise<ProbeFrame> {
    const rows = Math.min(size, this.data.trainSize);
    if (!this.probeTensor || this.probeTensor.shape[0] !== rows) {
      this.probeTensor?.dispose();
      this.probeTensor = tf.tensor2d(this.data.xTrain.subarray(0, rows * this.data.inputs), [
        rows,
        this.data.inputs,
      ]);
    }
    const x = this.probeTensor;
    return this.withView(model, (view) => probeFrame(view, this.tensors, x));
  }

  /** μ_B and σ²_B of one unit across successive mini-batches of several sizes, current weights. */
  batchStatistics(
    model: number,
    options: { layer: number; unit: number; sizes: number[]; batches: number; seed: number },
  ): Promise<BatchStatisticsResult> {
    return this.withView(model, (view) => batchStatistics(view, this.tensors, options));
  }

  dispose(): void {
    this.probeTensor?.dispose();
    this.probeTensor = null;
    for (const p of this.pendingCosts) p.cost.dispose();
    for (const e of this.pendingEvals) {
      e.cost.dispose();
      e.accuracy.dispose();
    }
    this.pendingCosts = [];
    this.pendingEvals = [];
    for (const g of this.groups) g.dispose();
    this.groups = [];
    this.gridTensor?.dispose();
    this.gridTensor = null;
    for (const t of Object.values(this.tensors)) if (t instanceof tf.Tensor) t.dispose();
  }
}
