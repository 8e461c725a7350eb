// How much memory (and, roughly, how much arithmetic per step) a run will need in the worker, from
// the shapes alone, so that a run that cannot fit is refused in words before it starts instead of
// aborting the backend minutes later. Pure: the page checks before it sends a start, and the worker
// checks again. The counts follow what src/engine does (stackedGroup.ts, forward.ts, backprop.ts,
// updateRules.ts); engine/memoryEstimate.test.ts compares them with tfjs's own peak on the CPU backend.
import type { Activation, DataConfig, ModelSpec, OptimizerName } from './config';

/** The data a run trains on, by size. */
export interface DataShape {
  trainSize: number;
  devSize: number;
  inputs: number;
  classes: number;
}

export interface EstimateOptions {
  /** Side of the decision-boundary grid, when the run draws one. */
  boundaryResolution?: number;
}

export interface RunEstimate {
  /** Bytes the run may hold at once in the worker's backend (an upper estimate). */
  peakBytes: number;
  /** Floating-point operations of one training step of every model (evaluations not included). */
  flopsPerStep: number;
  /** Floating-point operations of one dev-set evaluation of every model. */
  flopsPerEvaluation: number;
  /** What the peak is made of, in bytes. */
  parts: { data: number; state: number; step: number; evaluation: number; boundary: number };
}

/**
 * What this page lets one run use: 2 GiB. tfjs-wasm 4.22 is a wasm32 build whose heap may grow to
 * 4 GiB at most, and growing it copies the old heap into a new one (both exist for a moment), so
 * the run's tensors must stay well under 4 GiB; the heap never shrinks, and fragmentation eats more.
 * On WebGL, laptop GPUs commonly have 2–4 GB (integrated ones share the system's memory with the
 * browser), and tfjs keeps freed textures in a pool instead of giving them back.
 */
export const PAGE_MEMORY_BUDGET_BYTES = 2 * 1024 ** 3;

/** Examples in the 8×8 digits set (public/data/digits.bin). */
const DIGITS_EXAMPLES = 1797;
const DIGITS_INPUTS = 64;
const DIGITS_CLASSES = 10;
/** Every tensor is float32 (int32 indices and labels are the same size). */
const BYTES_PER_NUMBER = 4;

/** The sizes a DataConfig leads to, split as datasets.ts's splitTrainDev splits it. */
export function dataShapeOf(config: DataConfig): DataShape {
  const digits = config.dataset === 'digits';
  const count = digits ? DIGITS_EXAMPLES : config.size;
  const devSize = Math.min(count, Math.max(0, Math.round(count * config.devFraction)));
  return {
    trainSize: count - devSize,
    devSize,
    inputs: digits ? DIGITS_INPUTS : 2,
    classes: digits ? DIGITS_CLASSES : 2,
  };
}

/**
 * Full-size ([models, rows, units]) tensors one hidden layer's activation makes on the way forward,
 * and its slope on the way back. tanh counts as on wasm, where the engine builds it from four ops.
 */
const ACTIVATION_TENSORS: Record<Activation, { forward: number; backward: number }> = {
  tanh: { forward: 4, backward: 2 },
  sigmoid: { forward: 1, backward: 2 },
  relu: { forward: 1, backward: 1 },
  linear: { forward: 0, backward: 0 },
};

/**
 * Parameter-sized copies one update makes while the step's tidy keeps them all: the gradients, the
 * flattened parameters and gradients (all but SGD), each op of the update rule, the `where` that keeps
 * frozen models as they were (per updated tensor), and the split back into parameters.
 */
const UPDATE_COPIES: Record<OptimizerName, number> = {
  // gradient, α·dW, W − α·dW, where
  sgd: 4,
  // gradient, flat W, flat dW, β·v, (1−β)·dW, v, α·v, W − α·v, where ×2, split
  momentum: 11,
  // gradient, flat W, flat dW, β2·s, dW², (1−β2)·dW², s, √s, √s+ε, dW/(√s+ε), α·…, W − …, where ×2, split
  rmsprop: 15,
  // gradient, flat W, flat dW, β1·v, (1−β1)·dW, v, β2·s, dW², (1−β2)·dW², s, √s, √s+ε, v/…, α·…, W − …,
  // where ×3, split
  adam: 19,
};

/** Layer widths from the inputs to the outputs (one output for two classes: sigmoid, else softmax). */
function widthsOf(spec: ModelSpec, data: DataShape): number[] {
  return [data.inputs, ...spec.hidden, data.classes === 2 ? 1 : data.classes];
}

/** Trainable numbers of one model: weights, biases (none before batch norm unless kept), bnGamma, bnBeta. */
export function parameterCount(spec: ModelSpec, data: DataShape): number {
  const widths = widthsOf(spec, data);
  let count = 0;
  for (let l = 0; l + 1 < widths.length; l++) {
    const out = widths[l + 1];
    count += widths[l] * out;
    const hidden = l < spec.hidden.length;
    const bn = hidden && (spec.batchNorm[l] ?? false);
    count += bn ? (spec.keepBias ? 3 : 2) * out : out;
  }
  return count;
}

/** Models that the engine stacks into one computation (its groupKey, less what changes no size). */
function groupsOf(models: ModelSpec[]): ModelSpec[][] {
  const groups = new Map<string, ModelSpec[]>();
  for (const spec of models) {
    const key = JSON.stringify([
      spec.hidden,
      spec.hidden.map((_, i) => spec.batchNorm[i] ?? false),
      spec.activation,
      spec.optimizer,
      spec.hyper.miniBatchSize,
      spec.keepBias ?? false,
    ]);
    groups.set(key, [...(groups.get(key) ?? []), spec]);
  }
  return [...groups.values()];
}

/**
 * Numbers alive at once during a forward pass over `rows` rows for `n` models (inside one tidy), per
 * hidden layer: z = a·W (and + b), with batch norm z − μ, (z − μ)², z_norm, γ·z_norm, z̃ (and the
 * small [n, 1, units] statistics), then the activation; and at the output the logits, the cost's
 * and the accuracy's intermediates. With `backward`, also each layer's slope, dJ/dz̃, batch norm's five
 * terms of dJ/dz and dJ/da for the layer below.
 */
function passNumbers(spec: ModelSpec, data: DataShape, n: number, rows: number, backward: boolean): number {
  const widths = widthsOf(spec, data);
  const outputs = widths[widths.length - 1];
  const act = ACTIVATION_TENSORS[spec.activation];
  let numbers = n * rows * data.inputs; // the gathered mini-batch, or the dev set seen by every model
  for (let l = 0; l < spec.hidden.length; l++) {
    const units = spec.hidden[l];
    const bn = spec.batchNorm[l] ?? false;
    let full = 2 + act.forward; // a·W, + b (or z − μ's twin below), activation
    let small = 0;
    if (bn) {
      full += 4 + (spec.keepBias ? 1 : 0); // z − μ, (z − μ)², z_norm, γ·z_norm (+ b)
      small += 6; // μ, σ², σ² + ε, 1/σ, and the running averages' two new values
    }
    if (backward) {
      full += act.backward + 2; // slope, dJ/dz̃, dJ/da for the layer below
      if (bn) {
        full += 5;
        small += 6; // dbnBeta, dbnGamma, their means, γ/σ, the bias's gradient
      }
    }
    numbers += n * (rows * units * full + small * units);
  }
  // logits (a·W, + b), σ or softmax, its log, the cost's products and sums, the accuracy's compare;
  // backward adds the gathered targets, σ or softmax again, p − y and (p − y)/b.
  numbers += n * rows * outputs * (backward ? 13 : 9);
  return numbers;
}

/** One step's temporaries for a stacked group (everything its tidy holds until the step ends). */
function stepNumbers(group: ModelSpec[], data: DataShape): number {
  const spec = group[0];
  const n = group.length;
  const rows = Math.min(spec.hyper.miniBatchSize, data.trainSize);
  const params = parameterCount(spec, data);
  const indices = n * rows;
  return indices + passNumbers(spec, data, n, rows, true) + n * params * UPDATE_COPIES[spec.optimizer];
}

/** What a group keeps between steps: parameters, v and s (allocated for every optimizer), running averages. */
function stateNumbers(group: ModelSpec[], data: DataShape): number {
  const spec = group[0];
  const bnUnits = spec.hidden.reduce((sum, units, l) => sum + ((spec.batchNorm[l] ?? false) ? units : 0), 0);
  const hyper = 7; // α-independent hyperparameters as [n, 1, 1] tensors, plus the frozen-model mask
  return group.length * (3 * parameterCount(spec, data) + 2 * bnUnits + hyper + 1);
}

/** Multiply-adds of one model's matrix products over `rows` rows: a·W forward; dW and dA backward. */
function stepFlops(spec: ModelSpec, data: DataShape, rows: number, backward: boolean): number {
  const widths = widthsOf(spec, data);
  let weights = 0;
  let units = 0;
  for (let l = 0; l + 1 < widths.length; l++) {
    weights += widths[l] * widths[l + 1];
    units += widths[l + 1];
  }
  // 2 flops per multiply-add; backward costs twice the forward products; ~30 elementwise ops a unit.
  const products = 2 * rows * weights * (backward ? 3 : 1);
  const elementwise = 30 * rows * units;
  const update = backward ? 15 * parameterCount(spec, data) : 0;
  return products + elementwise + update;
}

/**
 * The run's memory and arithmetic from its shapes. The peak adds up what the run keeps (the data
 * tensors, every group's parameters and optimizer memories) and, for every group, one step's and one
 * dev evaluation's temporaries, and the boundary grid's: on WebGL freed textures stay in tfjs's pool
 * keyed by shape, so the mini-batch's and the dev set's shapes each keep their own; on wasm the heap
 * only grows. An over-estimate rather than an under-estimate, by design.
 */
export function estimateRun(
  data: DataShape,
  models: ModelSpec[],
  options: EstimateOptions = {},
): RunEstimate {
  const outputs = data.classes === 2 ? 1 : data.classes;
  // x and the targets of both splits, and the dev labels as int32.
  const dataNumbers = (data.trainSize + data.devSize) * (data.inputs + outputs) + data.devSize;
  let state = 0;
  let step = 0;
  let evaluation = 0;
  let flopsPerStep = 0;
  let flopsPerEvaluation = 0;
  for (const group of groupsOf(models)) {
    const spec = group[0];
    const rows = Math.min(spec.hyper.miniBatchSize, data.trainSize);
    state += stateNumbers(group, data);
    step += stepNumbers(group, data);
    evaluation += passNumbers(spec, data, group.length, data.devSize, false);
    flopsPerStep += group.length * stepFlops(spec, data, rows, true);
    flopsPerEvaluation += group.length * stepFlops(spec, data, data.devSize, false);
  }
  // The boundary: one model's forward pass over the grid (and the grid itself), the largest model drawn.
  const resolution = options.boundaryResolution ?? 0;
  const points = resolution * resolution;
  const boundary =
    points > 0
      ? 2 * points + Math.max(...models.map((spec) => passNumbers(spec, data, 1, points, false)))
      : 0;
  const parts = {
    data: dataNumbers * BYTES_PER_NUMBER,
    state: state * BYTES_PER_NUMBER,
    step: step * BYTES_PER_NUMBER,
    evaluation: evaluation * BYTES_PER_NUMBER,
    boundary: boundary * BYTES_PER_NUMBER,
  };
  const peakBytes = parts.data + parts.state + parts.step + parts.evaluation + parts.boundary;
  return { peakBytes, flopsPerStep, flopsPerEvaluation, parts };
}

/** 1438 → "1,438", whatever the page's locale. */
function withCommas(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "≈ 5 GB", "≈ 2.4 GB", "≈ 300 MB" (binary units, as the budget is). */
export function formatBytes(bytes: number): string {
  const gb = bytes / 1024 ** 3;
  if (gb >= 10) return `≈ ${Math.round(gb)} GB`;
  if (gb >= 1) return `≈ ${Number(gb.toFixed(1))} GB`;
  return `≈ ${Math.max(1, Math.round(bytes / 1024 ** 2))} MB`;
}

/** "8×256" for equal layers, "100-50" otherwise, "no hidden layer" for logistic regression. */
function shapeWords(hidden: number[]): string {
  if (hidden.length === 0) return 'no hidden layer';
  return hidden.every((u) => u === hidden[0]) ? `${hidden.length}×${hidden[0]}` : hidden.join('-');
}

/** "64 models of 8×256 with mini-batch 1,438"; a mixed population is described by its largest. */
export function describePopulation(data: DataShape, models: ModelSpec[]): string {
  const count = models.length === 1 ? '1 model' : `${models.length} models`;
  const shapes = new Set(models.map((m) => shapeWords(m.hidden)));
  const largest = models.reduce((a, b) => (parameterCount(b, data) > parameterCount(a, data) ? b : a));
  const shape = shapes.size === 1 ? shapeWords(largest.hidden) : `up to ${shapeWords(largest.hidden)}`;
  const batches = models.map((m) => Math.min(m.hyper.miniBatchSize, data.trainSize));
  const batch = Math.max(...batches);
  const batchWords = batches.every((b) => b === batch)
    ? `mini-batch ${withCommas(batch)}`
    : `mini-batches up to ${withCommas(batch)}`;
  return `${count} of ${shape} with ${batchWords}`;
}

/**
 * A sentence for the learner when the run would not fit ("64 models of 8×256 with mini-batch 1,438
 * need ≈ 16 GB; this page can use ≈ 2 GB: lower the samples, the units or the mini-batch."), or null
 * when it fits.
 */
export function overBudgetMessage(
  data: DataShape,
  models: ModelSpec[],
  options: EstimateOptions = {},
  budgetBytes = PAGE_MEMORY_BUDGET_BYTES,
): string | null {
  if (models.length === 0) return null;
  const { peakBytes } = estimateRun(data, models, options);
  if (peakBytes <= budgetBytes) return null;
  const verb = models.length === 1 ? 'needs' : 'need';
  const what =
    models.length === 1 ? 'the units or the mini-batch' : 'the samples, the units or the mini-batch';
  return (
    `${describePopulation(data, models)} ${verb} ${formatBytes(peakBytes)}; ` +
    `this page can use ${formatBytes(budgetBytes)}: lower ${what}.`
  );
}
