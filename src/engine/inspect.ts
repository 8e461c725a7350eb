// What the batch-norm lab looks at inside a training network: one layer and unit over a mini-batch
// (z, μ_B, σ²_B, z_norm, z̃, a, γ, β, running averages, the bias and its gradient), percentile bands
// of a fixed probe batch, mini-batch statistics for several batch sizes, and the dev set evaluated
// in training mode vs evaluation mode. Everything goes through the same forward() the run trains with;
// each function builds its tensors inside one tidy and reads them back with a single transfer.

import {
  type BatchStatisticsResult,
  type InspectResult,
  type ModeEvaluation,
  PROBE_BINS,
  PROBE_PERCENTILES,
  type ProbeFrame,
} from '../core/inspection';
import { initialBatchOrder, nextBatch } from './batchOrder';
import {
  accuracyPerModel,
  costPerModel,
  type ForwardMode,
  forward,
  type LayerTrace,
  type Tensor,
} from './forward';
import { readTensors } from './readBack';
import type { DataTensors, ModelView } from './stackedGroup';
import { tf } from './tf';

export interface InspectOptions {
  layer: number;
  unit: number;
  /** Rows of the training set that make the mini-batch. */
  indices: Int32Array;
  /** Also report how much the output moves when this layer's bias moves by this much. */
  biasShift?: number;
}

function evalMode(view: ModelView): ForwardMode {
  // forward() only reads the entries of layers with batch norm.
  return {
    kind: 'eval',
    runningMean: view.runningMean as Tensor[],
    runningVariance: view.runningVariance as Tensor[],
  };
}

function paramIndex(view: ModelView, layer: number, kind: 'weight' | 'bias' | 'bnGamma' | 'bnBeta'): number {
  return view.layout.findIndex((p) => p.layer === layer && p.kind === kind);
}

function checkUnit(view: ModelView, layer: number, unit: number): void {
  const { hidden } = view.net;
  if (!Number.isInteger(layer) || layer < 0 || layer >= hidden.length)
    throw new Error(`There is no hidden layer ${layer + 1} (the network has ${hidden.length}).`);
  if (!Number.isInteger(unit) || unit < 0 || unit >= hidden[layer])
    throw new Error(`Layer ${layer + 1} has no unit ${unit + 1} (it has ${hidden[layer]}).`);
}

/** Training rows `indices` as a batch of one model: x [1, b, inputs], targets [1, b, outputs]. */
function batchOf(data: DataTensors, view: ModelView, indices: Int32Array): { x: Tensor; y: Tensor } {
  const rows = tf.tensor1d(indices, 'int32');
  const b = indices.length;
  return {
    x: tf.reshape(tf.gather(data.xTrain, rows), [1, b, view.net.inputs]),
    y: tf.reshape(tf.gather(data.targetsTrain, rows), [1, b, view.net.outputs]),
  };
}

/** One unit's column of a [1, b, units] tensor, as [b]. */
const column = (t: Tensor, unit: number): Tensor =>
  tf.reshape(tf.slice(t, [0, 0, unit], [1, t.shape[1] as number, 1]), [-1]);

/** Mean and biased variance over the batch axis, [1, 1, units]. */
function moments(z: Tensor): { mean: Tensor; variance: Tensor } {
  const mean = tf.mean(z, 1, true);
  return { mean, variance: tf.mean(tf.square(tf.sub(z, mean)), 1, true) };
}

/** A seeded mini-batch of `size` training rows (the same seed gives the same rows). */
export function seededBatch(trainSize: number, size: number, seed: number): Int32Array {
  const order = initialBatchOrder(trainSize, seed);
  const out = new Int32Array(Math.min(size, trainSize));
  nextBatch(order, out.length, out, 0);
  return out;
}

/** Everything the step-by-step panel shows for one layer and unit of one model on one mini-batch. */
export async function inspectModel(
  view: ModelView,
  data: DataTensors,
  options: InspectOptions,
): Promise<InspectResult> {
  const { layer, unit, indices } = options;
  checkUnit(view, layer, unit);
  const { net, spec } = view;
  const bn = net.batchNorm[layer];
  const biasAt = paramIndex(view, layer, 'bias');
  const weightAt = paramIndex(view, layer, 'weight');
  const shift = options.biasShift;
  const names: string[] = [];
  const tensors = tf.tidy(() => {
    const out: Tensor[] = [];
    const add = (name: string, t: Tensor) => {
      names.push(name);
      out.push(t);
    };
    const { x, y } = batchOf(data, view, indices);
    const trace: LayerTrace[] = [];
    const run = (params: Tensor[], keep?: LayerTrace[]) =>
      forward(net, view.layout, params, x, spec.activation, spec.bnEpsilon, { kind: 'train' }, keep);
    const result = run(view.params, trace);
    const t = trace[layer];
    const stats = bn ? { mean: t.mean!, variance: t.variance! } : moments(t.z);
    add('z', column(t.z, unit));
    if (t.zNorm) add('zNorm', column(t.zNorm, unit));
    add('zTilde', column(t.zTilde, unit));
    add('a', column(t.a, unit));
    add('layerMean', tf.reshape(stats.mean, [-1]));
    add('layerVariance', tf.reshape(stats.variance, [-1]));
    if (bn) {
      add('layerRunningMean', tf.reshape(view.runningMean[layer]!, [-1]));
      add('layerRunningVariance', tf.reshape(view.runningVariance[layer]!, [-1]));
      add('layerGamma', tf.reshape(view.params[paramIndex(view, layer, 'bnGamma')], [-1]));
      add('layerBeta', tf.reshape(view.params[paramIndex(view, layer, 'bnBeta')], [-1]));
    }
    const grads = tf.grads((...ps: Tensor[]) => tf.sum(costPerModel(run(ps).logits, y, net.outputs)))(
      view.params,
    );
    add('cost', costPerModel(result.logits, y, net.outputs));
    add('weightGradientNorm', tf.sqrt(tf.sum(tf.square(grads[weightAt]))));
    if (biasAt >= 0) {
      add('bias', tf.reshape(view.params[biasAt], [-1]));
      add('biasGradient', tf.reshape(grads[biasAt], [-1]));
      if (shift !== undefined) {
        const moved = view.params.map((p, i) => (i === biasAt ? tf.add(p, shift) : p));
        add('outputChange', tf.max(tf.abs(tf.sub(run(moved).logits, result.logits))));
      }
    }
    return out;
  });
  const values = await readTensors(tensors);
  const got = new Map(names.map((n, i) => [n, values[i]]));
  const arr = (name: string) => got.get(name) ?? null;
  const one = (name: string) => got.get(name)?.[0] ?? null;
  const layerMean = arr('layerMean')!;
  const layerVariance = arr('layerVariance')!;
  const layerGamma = arr('layerGamma');
  const layerBeta = arr('layerBeta');
  const layerRunningMean = arr('layerRunningMean');
  const layerRunningVariance = arr('layerRunningVariance');
  return {
    step: view.step,
    layer,
    unit,
    batchNorm: bn,
    hasBias: biasAt >= 0,
    bnEpsilon: spec.bnEpsilon,
    bnMomentum: spec.bnMomentum,
    z: arr('z')!,
    zNorm: arr('zNorm'),
    zTilde: arr('zTilde')!,
    a: arr('a')!,
    mean: layerMean[unit],
    variance: layerVariance[unit],
    bnGamma: layerGamma ? layerGamma[unit] : null,
    bnBeta: layerBeta ? layerBeta[unit] : null,
    runningMean: layerRunningMean ? layerRunningMean[unit] : null,
    runningVariance: layerRunningVariance ? layerRunningVariance[unit] : null,
    layerMean,
    layerVariance,
    layerRunningMean,
    layerRunningVariance,
    layerGamma,
    layerBeta,
    bias: arr('bias'),
    biasGradient: arr('biasGradient'),
    weightGradientNorm: one('weightGradientNorm') ?? Number.NaN,
    cost: one('cost') ?? Number.NaN,
    outputChange: one('outputChange'),
  };
}

/** Dev cost and accuracy in training mode (the dev set's own statistics) and evaluation mode (running averages). */
function modeTensors(view: ModelView, data: DataTensors): Tensor[] {
  const { net, spec } = view;
  const out: Tensor[] = [];
  for (const mode of [{ kind: 'train' } as ForwardMode, evalMode(view)]) {
    const { logits } = forward(
      net,
      view.layout,
      view.params,
      data.xDev,
      spec.activation,
      spec.bnEpsilon,
      mode,
    );
    out.push(costPerModel(logits, data.targetsDev, net.outputs));
    out.push(accuracyPerModel(logits, data.labelsDev, net.outputs));
  }
  return out;
}

/**
 * The dev set as devSize mini-batches of one example each, [devSize, 1, inputs], through the model in
 * both modes: the predicted class and its probability per example, and the accuracy of each mode.
 * The model's weights ([1, in, out]) broadcast over the devSize batches in one matMul per layer.
 */
function oneAtATimeTensors(view: ModelView, data: DataTensors): Tensor[] {
  const { net, spec } = view;
  const devSize = data.xDev.shape[0] as number;
  const x = tf.reshape(data.xDev, [devSize, 1, net.inputs]);
  const out: Tensor[] = [tf.cast(data.labelsDev, 'int32')];
  for (const mode of [{ kind: 'train' } as ForwardMode, evalMode(view)]) {
    const { logits } = forward(net, view.layout, view.params, x, spec.activation, spec.bnEpsilon, mode);
    const perExample = tf.reshape(logits, [1, devSize, net.outputs]);
    let predicted: Tensor;
    let confidence: Tensor;
    if (net.outputs === 1) {
      const p1 = tf.sigmoid(tf.reshape(perExample, [-1]));
      predicted = tf.cast(tf.greater(p1, 0.5), 'int32');
      confidence = tf.maximum(p1, tf.sub(1, p1));
    } else {
      const probs = tf.softmax(tf.reshape(perExample, [devSize, net.outputs]));
      predicted = tf.cast(tf.argMax(probs, -1), 'int32');
      confidence = tf.max(probs, -1);
    }
    out.push(predicted, confidence, accuracyPerModel(perExample, data.labelsDev, net.outputs));
  }
  return out;
}

export async function evaluateModes(view: ModelView, data: DataTensors): Promise<ModeEvaluation> {
  const hasBatchNorm = view.net.batchNorm.some(Boolean);
  const values = await readTensors(
    tf.tidy(() => [...modeTensors(view, data), ...(hasBatchNorm ? oneAtATimeTensors(view, data) : [])]),
  );
  const [trainCost, trainAccuracy, evalCost, evalAccuracy] = values;
  const [labels, batchPred, batchConf, batchAcc, runPred, runConf, runAcc] = values.slice(4);
  return {
    step: view.step,
    trainModeCost: trainCost[0],
    trainModeAccuracy: trainAccuracy[0],
    evalModeCost: evalCost[0],
    evalModeAccuracy: evalAccuracy[0],
    oneAtATime: hasBatchNorm
      ? {
          batchStatisticsAccuracy: batchAcc[0],
          runningAveragesAccuracy: runAcc[0],
          labels: Int32Array.from(labels),
          batchStatisticsPrediction: Int32Array.from(batchPred),
          runningAveragesPrediction: Int32Array.from(runPred),
          batchStatisticsConfidence: batchConf,
          runningAveragesConfidence: runConf,
        }
      : null,
  };
}

/** Percentiles, range and histogram of one tensor's values, pooled over examples and units. */
function distribution(t: Tensor, bins: number): { percentiles: Tensor; range: Tensor; histogram: Tensor } {
  const flat = tf.reshape(t, [-1]);
  const n = flat.size;
  const sorted = tf.topk(flat, n).values; // descending
  const at = PROBE_PERCENTILES.map((p) => n - 1 - Math.round(p * (n - 1)));
  const percentiles = tf.gather(sorted, tf.tensor1d(at, 'int32'));
  const lo = tf.slice(sorted, n - 1, 1);
  const hi = tf.slice(sorted, 0, 1);
  const width = tf.maximum(tf.sub(hi, lo), 1e-6);
  const index = tf.clipByValue(tf.floor(tf.mul(tf.div(tf.sub(flat, lo), width), bins)), 0, bins - 1);
  // (tf.cast the function, never a mixed-dtype op: Tensor.cast is unavailable in some bundlings.)
  const counts = tf.cast(tf.sum(tf.oneHot(tf.cast(index, 'int32'), bins), 0), 'float32');
  const histogram = tf.div(counts, tf.scalar(n));
  return { percentiles, range: tf.concat([lo, hi]), histogram };
}

/** One frame of the live distributions: the probe batch through the network as it is now. */
export async function probeFrame(view: ModelView, data: DataTensors, probeX: Tensor): Promise<ProbeFrame> {
  const { net, spec } = view;
  const bins = PROBE_BINS;
  const tensors = tf.tidy(() => {
    const trace: LayerTrace[] = [];
    forward(net, view.layout, view.params, probeX, spec.activation, spec.bnEpsilon, { kind: 'train' }, trace);
    const percentiles: Tensor[] = [];
    const range: Tensor[] = [];
    const histogram: Tensor[] = [];
    for (const t of trace) {
      for (const q of [t.z, t.zTilde, t.a]) {
        const d = distribution(q, bins);
        percentiles.push(d.percentiles);
        range.push(d.range);
        histogram.push(d.histogram);
      }
    }
    const perUnit = (kind: 'bnGamma' | 'bnBeta') =>
      tf.concat(
        net.hidden.map((units, l) =>
          net.batchNorm[l]
            ? tf.reshape(view.params[paramIndex(view, l, kind)], [-1])
            : tf.fill([units], Number.NaN),
        ),
      );
    return [
      tf.concat(percentiles),
      tf.concat(range),
      tf.concat(histogram),
      perUnit('bnGamma'),
      perUnit('bnBeta'),
      ...modeTensors(view, data),
    ];
  });
  const [percentiles, range, histogram, bnGamma, bnBeta, tc, ta, ec, ea] = await readTensors(tensors);
  return {
    step: view.step,
    hidden: [...net.hidden],
    batchNorm: [...net.batchNorm],
    bins,
    percentiles,
    range,
    histogram,
    bnGamma,
    bnBeta,
    trainModeCost: tc[0],
    trainModeAccuracy: ta[0],
    evalModeCost: ec[0],
    evalModeAccuracy: ea[0],
  };
}

/**
 * μ_B and σ²_B of one unit's z (before batch norm) on `batches` successive mini-batches of each size,
 * with the model's current weights. All batches of one size go through one forward pass, stacked.
 */
export async function batchStatistics(
  view: ModelView,
  data: DataTensors,
  options: { layer: number; unit: number; sizes: number[]; batches: number; seed: number },
): Promise<BatchStatisticsResult> {
  const { layer, unit, batches, seed } = options;
  checkUnit(view, layer, unit);
  const sizes = options.sizes.map((s) => Math.max(2, Math.min(Math.floor(s), data.trainSize)));
  const { net, spec } = view;
  const tensors = tf.tidy(() => {
    const means: Tensor[] = [];
    const variances: Tensor[] = [];
    for (const size of sizes) {
      const order = initialBatchOrder(data.trainSize, seed);
      const indices = new Int32Array(batches * size);
      for (let k = 0; k < batches; k++) nextBatch(order, size, indices, k * size);
      const x = tf.reshape(tf.gather(data.xTrain, tf.tensor1d(indices, 'int32')), [
        batches,
        size,
        net.inputs,
      ]);
      const trace: LayerTrace[] = [];
      forward(net, view.layout, view.params, x, spec.activation, spec.bnEpsilon, { kind: 'train' }, trace);
      const zu = tf.slice(trace[layer].z, [0, 0, unit], [batches, size, 1]);
      const m = moments(zu);
      means.push(tf.reshape(m.mean, [-1]));
      variances.push(tf.reshape(m.variance, [-1]));
    }
    return [tf.concat(means), tf.concat(variances)];
  });
  const [mean, variance] = await readTensors(tensors);
  return { sizes, batches, mean, variance };
}
