// N models of the same shape trained as one computation: weights [N, in, out], one batched matMul
// per layer, one gradient pass for the sum of their costs (each model's gradient is untouched by the
// others, since d(Σ J_k)/dW_i = dJ_i/dW_i). Each model keeps its own seed, data order and hyperparameters.
import type { ModelSpec } from '../core/config';
import { decayedLearningRate } from '../core/schedule';
import { costAndGradients } from './backprop';
import { copyBatchOrder, nextBatch } from './batchOrder';
import { accuracyPerModel, costPerModel, forward, probabilityOfClassOne, type Tensor } from './forward';
import {
  type ModelState,
  type NetworkShape,
  networkShapeOf,
  type ParamInfo,
  paramLayout,
} from './modelState';
import { fusedBatchGather } from './fusedGather';
import { fusionAvailable, updateLimit } from './fusedKernel';
import { fusableUpdate, fusedUpdate } from './fusedUpdate';
import { tf } from './tf';
import { adamFold, applyUpdate, type UpdateHyper } from './updateRules';

/** The data as tensors, shared by every group of a run. */
export interface DataTensors {
  inputs: number;
  classes: number;
  trainSize: number;
  xTrain: Tensor;
  /** [trainSize, outputs]: 0/1 for two classes, one-hot otherwise. */
  targetsTrain: Tensor;
  xDev: Tensor;
  targetsDev: Tensor;
  /** [devSize] int32 class ids. */
  labelsDev: Tensor;
}

/** One model of a group, as tensors of batch 1 (see StackedGroup.modelView). */
export interface ModelView {
  net: NetworkShape;
  layout: ParamInfo[];
  spec: ModelSpec;
  step: number;
  params: Tensor[];
  runningMean: (Tensor | null)[];
  runningVariance: (Tensor | null)[];
}

/** The hyperparameter tensors that change only when a learner changes them (the rest are per step). */
type HyperTensors = Omit<UpdateHyper, 'learningRate' | 'adamStepSize' | 'adamEpsilon'>;

const column = (values: number[]): Tensor => tf.tensor3d(Float32Array.from(values), [values.length, 1, 1]);

function stack(arrays: Float32Array[], shape: [number, number]): Tensor {
  const n = arrays.length;
  const size = shape[0] * shape[1];
  const flat = new Float32Array(n * size);
  arrays.forEach((a, i) => {
    flat.set(a, i * size);
  });
  return tf.tensor3d(flat, [n, shape[0], shape[1]]);
}

function concatArrays(arrays: Float32Array[]): Float32Array {
  const out = new Float32Array(arrays.reduce((a, b) => a + b.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

/** Cuts one model's flat optimizer memory back into one array per parameter. */
function splitArray(flat: Float32Array, sizes: number[]): Float32Array[] {
  let offset = 0;
  return sizes.map((size) => {
    const part = flat.slice(offset, offset + size);
    offset += size;
    return part;
  });
}

function disposeReplaced(old: Tensor[], next: Tensor[]): void {
  old.forEach((t, i) => {
    if (t !== next[i]) t.dispose();
  });
}

export class StackedGroup {
  readonly net: NetworkShape;
  readonly layout: ParamInfo[];
  /** Hidden-layer indices that have batch norm, in order. */
  private readonly bnLayers: number[];
  private readonly specs: ModelSpec[];
  private readonly states: Pick<ModelState, 'order' | 'step'>[];
  private readonly active: boolean[];
  private params: Tensor[];
  /** Elements per parameter, in layout order (how the flat optimizer memories split). */
  private readonly sizes: number[];
  /** Σ sizes: one model's parameter count. */
  private readonly totalSize: number;
  /** One flat tensor: [N, 1, Σ sizes]. */
  private v: Tensor[];
  private s: Tensor[];
  private runningMean: Tensor[];
  private runningVariance: Tensor[];
  private hyper: HyperTensors | null = null;
  private mask: Tensor | null = null;

  /** `members` are the run-wide model indices, one per state. */
  constructor(
    readonly members: number[],
    models: ModelState[],
    private readonly data: DataTensors,
  ) {
    const first = models[0].spec;
    this.net = networkShapeOf(first, data.inputs, data.classes);
    this.layout = paramLayout(this.net);
    this.bnLayers = this.net.hidden.map((_, l) => l).filter((l) => this.net.batchNorm[l]);
    this.specs = models.map((m) => structuredClone(m.spec));
    this.states = models.map((m) => ({ order: m.order, step: m.step }));
    this.active = models.map(() => true);
    this.params = this.layout.map((p, i) =>
      stack(
        models.map((m) => m.params[i]),
        p.shape,
      ),
    );
    // The optimizer memories of all parameters live in one flat [N, 1, total] tensor each, so that an
    // update is a dozen ops for the whole network instead of a dozen per parameter.
    this.sizes = this.layout.map((p) => p.shape[0] * p.shape[1]);
    const total = this.sizes.reduce((a, b) => a + b, 0);
    this.totalSize = total;
    this.v = [
      stack(
        models.map((m) => concatArrays(m.v)),
        [1, total],
      ),
    ];
    this.s = [
      stack(
        models.map((m) => concatArrays(m.s)),
        [1, total],
      ),
    ];
    this.runningMean = this.bnLayers.map((l) =>
      stack(
        models.map((m) => m.runningMean[l]),
        [1, this.net.hidden[l]],
      ),
    );
    this.runningVariance = this.bnLayers.map((l) =>
      stack(
        models.map((m) => m.runningVariance[l]),
        [1, this.net.hidden[l]],
      ),
    );
  }

  get size(): number {
    return this.members.length;
  }

  get optimizer(): ModelSpec['optimizer'] {
    return this.specs[0].optimizer;
  }

  stepOf(slot: number): number {
    return this.states[slot].step;
  }

  isActive(slot: number): boolean {
    return this.active[slot];
  }

  anyActive(): boolean {
    return this.active.some(Boolean);
  }

  /** Frozen models keep their weights while the others go on (diverged, or done). */
  setActive(slot: number, active: boolean): void {
    if (this.active[slot] === active) return;
    this.active[slot] = active;
    this.mask?.dispose();
    this.mask = null;
  }

  specOf(slot: number): ModelSpec {
    return this.specs[slot];
  }

  /** A hyperparameter change takes effect at the next step. */
  setHyper(slot: number, hyper: Partial<ModelSpec['hyper']>): void {
    Object.assign(this.specs[slot].hyper, hyper);
    this.disposeHyper();
  }

  /** The learning rate each model uses at its next step, after decay. */
  effectiveLearningRate(slot: number): number {
    return decayedLearningRate(this.specs[slot].hyper, this.states[slot].order.epoch);
  }

  private batchSize(): number {
    return Math.min(this.specs[0].hyper.miniBatchSize, this.data.trainSize);
  }

  private hyperTensors(): HyperTensors {
    if (!this.hyper) {
      const pick = (f: (h: ModelSpec['hyper']) => number) =>
        tf.keep(column(this.specs.map((s) => f(s.hyper))));
      this.hyper = {
        momentum: pick((h) => h.momentum),
        oneMinusMomentum: pick((h) => 1 - h.momentum),
        adamBeta1: pick((h) => h.adamBeta1),
        oneMinusBeta1: pick((h) => 1 - h.adamBeta1),
        adamBeta2: pick((h) => h.adamBeta2),
        oneMinusBeta2: pick((h) => 1 - h.adamBeta2),
        epsilon: pick((h) => h.epsilon),
      };
    }
    return this.hyper;
  }

  private activeMask(): Tensor | null {
    if (this.active.every(Boolean)) return null;
    if (!this.mask) {
      this.mask = tf.keep(
        tf.tensor3d(
          Uint8Array.from(this.active, (a) => (a ? 1 : 0)),
          [this.size, 1, 1],
          'bool',
        ),
      );
    }
    return this.mask;
  }

  /**
   * One mini-batch step for every active model. Returns each model's cost on its mini-batch
   * (before the update), [N]; the caller owns and disposes it.
   */
  step(): Tensor {
    const n = this.size;
    const b = this.batchSize();
    const indices = new Int32Array(n * b);
    const learningRate = new Array<number>(n);
    const adamStepSize = new Array<number>(n);
    const adamEpsilon = new Array<number>(n);
    const adam = this.optimizer === 'adam';
    for (let i = 0; i < n; i++) {
      const state = this.states[i];
      const h = this.specs[i].hyper;
      if (this.active[i]) nextBatch(state.order, b, indices, i * b);
      learningRate[i] = decayedLearningRate(h, state.order.epoch);
      if (adam) {
        const fold = adamFold(learningRate[i], h.adamBeta1, h.adamBeta2, h.epsilon, state.step + 1);
        adamStepSize[i] = fold.stepSize;
        adamEpsilon[i] = fold.epsilon;
      }
    }
    const hyper = this.hyperTensors();
    const mask = this.activeMask();
    const result = tf.tidy(() => {
      // One kernel for both where fused kernels run (fusedGather.ts), the same values.
      const fused = fusionAvailable(0);
      const batchIndices = fused ? null : tf.tensor1d(indices, 'int32');
      const { xb, yb } = batchIndices
        ? {
            xb: tf.reshape(tf.gather(this.data.xTrain, batchIndices), [n, b, this.net.inputs]),
            yb: tf.reshape(tf.gather(this.data.targetsTrain, batchIndices), [n, b, this.net.outputs]),
          }
        : fusedBatchGather(this.data.xTrain, this.data.targetsTrain, indices, n, b);
      // One gradient pass for the sum of the models' costs: each model's gradient is its own.
      const {
        cost: value,
        grads,
        batchStats: stats,
      } = costAndGradients(
        this.net,
        this.layout,
        this.params,
        xb,
        yb,
        this.specs[0].activation,
        this.specs[0].bnEpsilon,
      );
      const m = this.specs[0].bnMomentum;
      const update = {
        optimizer: this.optimizer,
        params: this.params,
        grads,
        v: this.v[0],
        s: this.s[0],
        // The cached columns; the per-step ones (learning rate, Adam's step size and ε) follow as values.
        hyper: hyper as UpdateHyper,
        running: [...this.runningMean, ...this.runningVariance],
        stats: [...this.bnLayers.map((l) => stats[l]!.mean), ...this.bnLayers.map((l) => stats[l]!.variance)],
        bnMomentum: m,
        active: mask,
        // The per-step values as numbers: the fused kernel takes them without a tensor each.
        values: adam ? { adamStepSize, adamEpsilon } : { learningRate },
        activeFlags: this.active,
      };
      if (fusionAvailable(n * this.totalSize, updateLimit()) && fusableUpdate(update)) {
        // The whole update in one kernel (fusedUpdate.ts); the same numbers as the ops below.
        const u = fusedUpdate(update);
        const k = this.bnLayers.length;
        return {
          cost: value,
          params: u.params,
          v: [u.v],
          s: [u.s],
          runningMean: u.running.slice(0, k),
          runningVariance: u.running.slice(k),
        };
      }
      const h: UpdateHyper = {
        ...hyper,
        learningRate: column(learningRate),
        adamStepSize: adam ? column(adamStepSize) : hyper.epsilon,
        adamEpsilon: adam ? column(adamEpsilon) : hyper.epsilon,
      };
      const keepFrozen = (next: Tensor, old: Tensor) => (mask ? tf.where(mask, next, old) : next);
      let params: Tensor[];
      let v = this.v;
      let s = this.s;
      if (this.optimizer === 'sgd') {
        // Two ops per parameter: cheaper than flattening.
        params = this.params.map((p, i) => keepFrozen(applyUpdate('sgd', p, grads[i], p, p, h).param, p));
      } else {
        // Flatten parameters and gradients, update once, split back.
        const flat = (list: Tensor[]) =>
          tf.concat(
            list.map((t) => tf.reshape(t, [n, 1, -1])),
            2,
          );
        const flatParams = flat(this.params);
        const u = applyUpdate(this.optimizer, flatParams, flat(grads), this.v[0], this.s[0], h);
        const next = keepFrozen(u.param, flatParams);
        params = tf.split(next, this.sizes, 2).map((t, i) => tf.reshape(t, this.params[i].shape));
        v = [u.v === this.v[0] ? u.v : keepFrozen(u.v, this.v[0])];
        s = [u.s === this.s[0] ? u.s : keepFrozen(u.s, this.s[0])];
      }
      // Running averages for test time: running := m·running + (1 − m)·batch statistic.
      const runningMean = this.bnLayers.map((l, k) =>
        keepFrozen(
          tf.add(tf.mul(m, this.runningMean[k]), tf.mul(1 - m, stats[l]!.mean)),
          this.runningMean[k],
        ),
      );
      const runningVariance = this.bnLayers.map((l, k) =>
        keepFrozen(
          tf.add(tf.mul(m, this.runningVariance[k]), tf.mul(1 - m, stats[l]!.variance)),
          this.runningVariance[k],
        ),
      );
      return { cost: value, params, v, s, runningMean, runningVariance };
    });
    disposeReplaced(this.params, result.params);
    disposeReplaced(this.v, result.v);
    disposeReplaced(this.s, result.s);
    disposeReplaced(this.runningMean, result.runningMean);
    disposeReplaced(this.runningVariance, result.runningVariance);
    this.params = result.params;
    this.v = result.v;
    this.s = result.s;
    this.runningMean = result.runningMean;
    this.runningVariance = result.runningVariance;
    for (let i = 0; i < n; i++) if (this.active[i]) this.states[i].step += 1;
    return result.cost;
  }

  private evalMode(params: Tensor[], slot?: number) {
    const pick = (t: Tensor) => (slot === undefined ? t : tf.slice(t, slot, 1));
    const runningMean: Tensor[] = [];
    const runningVariance: Tensor[] = [];
    this.bnLayers.forEach((l, k) => {
      runningMean[l] = pick(this.runningMean[k]);
      runningVariance[l] = pick(this.runningVariance[k]);
    });
    return { params, mode: { kind: 'eval' as const, runningMean, runningVariance } };
  }

  /** Dev cost and accuracy of every model in evaluation mode (running averages), each [N]. */
  evaluate(): { cost: Tensor; accuracy: Tensor } {
    return tf.tidy(() => {
      const { mode } = this.evalMode(this.params);
      const out = forward(
        this.net,
        this.layout,
        this.params,
        this.data.xDev,
        this.specs[0].activation,
        this.specs[0].bnEpsilon,
        mode,
      );
      return {
        cost: costPerModel(out.logits, this.data.targetsDev, this.net.outputs),
        accuracy: accuracyPerModel(out.logits, this.data.labelsDev, this.net.outputs),
      };
    });
  }

  /** Probability of class 1 at each grid point ([points, 2], normalised) for one model: [points]. */
  probabilities(slot: number, grid: Tensor): Tensor {
    return tf.tidy(() => {
      const params = this.params.map((p) => tf.slice(p, slot, 1));
      const { mode } = this.evalMode(params, slot);
      const out = forward(
        this.net,
        this.layout,
        params,
        grid,
        this.specs[0].activation,
        this.specs[0].bnEpsilon,
        mode,
      );
      return tf.reshape(probabilityOfClassOne(out.logits), [-1]);
    });
  }

  /**
   * One model's tensors sliced out of the stack, for inspection (call inside a tidy: the slices are
   * new tensors). Running statistics are indexed by hidden layer (null where batch norm is off).
   */
  modelView(slot: number): ModelView {
    const pick = (t: Tensor) => tf.slice(t, slot, 1);
    const runningMean: (Tensor | null)[] = this.net.hidden.map(() => null);
    const runningVariance: (Tensor | null)[] = this.net.hidden.map(() => null);
    this.bnLayers.forEach((l, k) => {
      runningMean[l] = pick(this.runningMean[k]);
      runningVariance[l] = pick(this.runningVariance[k]);
    });
    return {
      net: this.net,
      layout: this.layout,
      spec: this.specs[slot],
      step: this.states[slot].step,
      params: this.params.map(pick),
      runningMean,
      runningVariance,
    };
  }

  /** The example indices of the mini-batch this model trains on next, without moving its data order. */
  peekBatch(slot: number): Int32Array {
    const order = copyBatchOrder(this.states[slot].order);
    const out = new Int32Array(this.batchSize());
    nextBatch(order, out.length, out, 0);
    return out;
  }

  /** Copies one model out to plain arrays (for snapshots and regrouping). */
  readState(slot: number): ModelState {
    const read = (t: Tensor) => {
      const slice = tf.slice(t, slot, 1);
      const values = Float32Array.from(slice.dataSync());
      slice.dispose();
      return values;
    };
    const readAll = (list: Tensor[]) => list.map(read);
    const runningMean = this.net.hidden.map(() => new Float32Array(0));
    const runningVariance = this.net.hidden.map(() => new Float32Array(0));
    this.bnLayers.forEach((l, k) => {
      runningMean[l] = read(this.runningMean[k]);
      runningVariance[l] = read(this.runningVariance[k]);
    });
    const state = this.states[slot];
    return {
      spec: structuredClone(this.specs[slot]),
      params: readAll(this.params),
      v: splitArray(read(this.v[0]), this.sizes),
      s: splitArray(read(this.s[0]), this.sizes),
      runningMean,
      runningVariance,
      order: { ...state.order, permutation: state.order.permutation.slice() },
      step: state.step,
    };
  }

  /** Puts a model back exactly as a state describes it (weights, optimizer memories, running stats, data order). */
  writeState(slot: number, model: ModelState): void {
    const write = (list: Tensor[], values: Float32Array[]) =>
      list.map((t, i) => {
        const next = tf.tidy(() => {
          const shape = t.shape.slice(1);
          const piece = tf.tensor(values[i], [1, ...shape]);
          const parts = [tf.slice(t, 0, slot), piece, tf.slice(t, slot + 1, this.size - slot - 1)];
          return tf.concat(
            parts.filter((p) => p.shape[0] > 0),
            0,
          );
        });
        t.dispose();
        return next;
      });
    this.params = write(this.params, model.params);
    this.v = write(this.v, [concatArrays(model.v)]);
    this.s = write(this.s, [concatArrays(model.s)]);
    this.runningMean = write(
      this.runningMean,
      this.bnLayers.map((l) => model.runningMean[l]),
    );
    this.runningVariance = write(
      this.runningVariance,
      this.bnLayers.map((l) => model.runningVariance[l]),
    );
    this.specs[slot] = structuredClone(model.spec);
    this.states[slot] = {
      order: { ...model.order, permutation: model.order.permutation.slice() },
      step: model.step,
    };
    this.disposeHyper();
  }

  private disposeHyper(): void {
    if (!this.hyper) return;
    for (const t of Object.values(this.hyper)) t.dispose();
    this.hyper = null;
  }

  dispose(): void {
    for (const list of [this.params, this.v, this.s, this.runningMean, this.runningVariance]) {
      for (const t of list) t.dispose();
    }
    this.disposeHyper();
    this.mask?.dispose();
    this.mask = null;
  }
}
