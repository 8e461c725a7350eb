// The forward pass of a stacked population: every tensor has the model index in front
// ([N, batch, units]), so one batched product (perModelMatMul.ts) runs all N models at once.
import type { Activation } from '../core/config';
import { fusedBatchNormForward } from './fusedBatchNorm';
import { fusedDenseForward } from './fusedDense';
import { fusionAvailable } from './fusedKernel';
import type { NetworkShape, ParamInfo } from './modelState';
import { stackedMatMul } from './perModelMatMul';
import { tf } from './tf';

export type Tensor = tf.Tensor;

/** Batch statistics of one hidden layer's z, per model and unit: [N, 1, units]. */
export interface BatchStats {
  mean: Tensor;
  variance: Tensor;
}

export type ForwardMode =
  | { kind: 'train' }
  /** Evaluation: normalise with the running averages instead of the batch's own statistics. */
  | { kind: 'eval'; runningMean: Tensor[]; runningVariance: Tensor[] };

/**
 * What one hidden layer computed, kept when a trace is asked for (the batch-norm lab shows it):
 * every tensor is [N, batch, units], or [N, 1, units] for the statistics. Where batch norm is off,
 * zNorm/mean/variance are null and zTilde is z + b.
 */
export interface LayerTrace {
  /** z = a_prev·W (+ b where the layer has a bias), before batch norm. */
  z: Tensor;
  mean: Tensor | null;
  variance: Tensor | null;
  zNorm: Tensor | null;
  /** What the activation receives: bnGamma·z_norm + bnBeta, or z + b without batch norm. */
  zTilde: Tensor;
  a: Tensor;
}

export interface ForwardResult {
  logits: Tensor;
  /** Per hidden layer (null where batch norm is off); only in train mode. */
  batchStats: (BatchStats | null)[];
}

/** True where tfjs's own tanh kernel is slow: wasm computes it element by element (~12x slower than its sigmoid). */
function tanhIsSlow(): boolean {
  return tf.getBackend() === 'wasm';
}

/** tanh(z) = 2·σ(2z) − 1 exactly: on wasm these four vectorised kernels beat its one tanh kernel. */
export function tanhFromSigmoid(z: Tensor): Tensor {
  return tf.sub(tf.mul(tf.sigmoid(tf.mul(z, 2)), 2), 1);
}

export function activate(z: Tensor, activation: Activation): Tensor {
  switch (activation) {
    case 'relu':
      return tf.relu(z);
    case 'tanh':
      return tanhIsSlow() ? tanhFromSigmoid(z) : tf.tanh(z);
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'linear':
      return z;
  }
}

/**
 * Whether a layer's fused kernel takes this product: small enough, and one model per parameter slice
 * (inspection broadcasts one model's [1, ·, ·] weights over a [devSize, 1, ·] input; tfjs's ops do that).
 */
function fusable(product: Tensor, param: Tensor): boolean {
  return fusionAvailable(product.size) && product.rank === 3 && param.shape[0] === product.shape[0];
}

/** What backpropagation needs of one hidden layer besides its trace. */
export interface LayerCache extends LayerTrace {
  /** The layer's input: x for the first layer, the previous layer's a otherwise. */
  input: Tensor;
  /** 1/sqrt(σ² + ε) where batch norm is on. */
  invStd: Tensor | null;
}

export interface ForwardPass extends ForwardResult {
  layers: LayerCache[];
}

/** The parameter of one kind in one layer (undefined where the layer has none). */
export function paramOf(
  layout: ParamInfo[],
  params: Tensor[],
  layer: number,
  kind: ParamInfo['kind'],
): Tensor {
  return params[layout.findIndex((p) => p.layer === layer && p.kind === kind)];
}

/**
 * The forward pass keeping every intermediate tensor (inside the caller's tidy). x is [N, batch, inputs],
 * or [batch, inputs] to feed the same examples to every model. Batch norm sits on z, before the
 * activation: z_norm = (z − μ)/sqrt(σ² + ε), z̃ = bnGamma·z_norm + bnBeta.
 */
export function forwardPass(
  net: NetworkShape,
  layout: ParamInfo[],
  params: Tensor[],
  x: Tensor,
  activation: Activation,
  bnEpsilon: number,
  mode: ForwardMode,
  withLogits = true,
): ForwardPass {
  const byLayer = (layer: number, kind: ParamInfo['kind']) => paramOf(layout, params, layer, kind);
  const batchStats: (BatchStats | null)[] = [];
  const layers: LayerCache[] = [];
  let a = x;
  for (let l = 0; l < net.hidden.length; l++) {
    const input = a;
    const product = stackedMatMul(input, byLayer(l, 'weight'));
    let cache: LayerCache;
    if (net.batchNorm[l] && mode.kind === 'train' && fusable(product, byLayer(l, 'bnGamma'))) {
      // The same numbers in one kernel (fusedBatchNorm.ts).
      const bias = net.keepBias ? byLayer(l, 'bias') : null;
      const gamma = byLayer(l, 'bnGamma');
      const beta = byLayer(l, 'bnBeta');
      const r = fusedBatchNormForward(product, { gamma, beta, bias }, activation, bnEpsilon);
      batchStats.push({ mean: r.mean, variance: r.variance });
      a = r.a;
      cache = { input, ...r };
    } else if (net.batchNorm[l]) {
      const z = net.keepBias ? tf.add(product, byLayer(l, 'bias')) : product;
      let mean: Tensor;
      let variance: Tensor;
      let centred: Tensor;
      if (mode.kind === 'train') {
        mean = tf.mean(z, 1, true);
        centred = tf.sub(z, mean);
        variance = tf.mean(tf.square(centred), 1, true);
        batchStats.push({ mean, variance });
      } else {
        mean = mode.runningMean[l];
        variance = mode.runningVariance[l];
        centred = tf.sub(z, mean);
        batchStats.push(null);
      }
      const invStd = tf.rsqrt(tf.add(variance, bnEpsilon));
      const zNorm = tf.mul(centred, invStd);
      const zTilde = tf.add(tf.mul(byLayer(l, 'bnGamma'), zNorm), byLayer(l, 'bnBeta'));
      a = activate(zTilde, activation);
      cache = { input, z, mean, variance, zNorm, zTilde, a, invStd };
    } else {
      let z: Tensor;
      if (activation !== 'linear' && fusable(product, byLayer(l, 'bias'))) {
        // The same numbers in one kernel (fusedDense.ts).
        ({ z, a } = fusedDenseForward(product, byLayer(l, 'bias'), activation));
      } else {
        z = tf.add(product, byLayer(l, 'bias'));
        a = activate(z, activation);
      }
      batchStats.push(null);
      cache = { input, z, mean: null, variance: null, zNorm: null, zTilde: z, a, invStd: null };
    }
    layers.push(cache);
  }
  const out = net.hidden.length;
  const product = stackedMatMul(a, byLayer(out, 'weight'));
  // Without logits the caller adds the bias itself (backprop.ts's fused output layer).
  const logits = withLogits ? tf.add(product, byLayer(out, 'bias')) : product;
  return { logits, batchStats, layers };
}

/** The forward pass (see forwardPass); with `trace`, each hidden layer's intermediate tensors are pushed there. */
export function forward(
  net: NetworkShape,
  layout: ParamInfo[],
  params: Tensor[],
  x: Tensor,
  activation: Activation,
  bnEpsilon: number,
  mode: ForwardMode,
  trace?: LayerTrace[],
): ForwardResult {
  const { logits, batchStats, layers } = forwardPass(net, layout, params, x, activation, bnEpsilon, mode);
  // The caches are traces with two more fields (input, invStd).
  trace?.push(...layers);
  return { logits, batchStats };
}

/**
 * Mean cost per model, [N]. Two classes: binary cross-entropy on the logit,
 * log(1 + e^z) − z·y (the same as max(z,0) − z·y + log(1 + e^−|z|)). More classes: softmax cross-entropy. `targets` is [.., batch, 1]
 * with 0/1 for two classes, or one-hot [.., batch, classes].
 */
export function costPerModel(logits: Tensor, targets: Tensor, outputs: number): Tensor {
  if (outputs === 1) {
    // softplus(z) − z·y: tfjs's softplus kernel is the overflow-safe form, one op instead of five.
    const perExample = tf.sub(tf.softplus(logits), tf.mul(logits, targets));
    return tf.mean(perExample, [1, 2]);
  }
  const perExample = tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(logits)), -1));
  return tf.mean(perExample, 1);
}

/** Fraction of examples classified right, per model, [N]. `labels` is [batch] of class ids (int32). */
export function accuracyPerModel(logits: Tensor, labels: Tensor, outputs: number): Tensor {
  const predicted =
    outputs === 1 ? tf.cast(tf.greater(tf.squeeze(logits, [2]), 0), 'int32') : tf.argMax(logits, -1);
  return tf.mean(tf.cast(tf.equal(predicted, labels), 'float32'), 1);
}

/** Probability of class 1 (two classes) from logits [N, batch, 1] → [N, batch]. */
export function probabilityOfClassOne(logits: Tensor): Tensor {
  return tf.sigmoid(tf.squeeze(logits, [2]));
}
