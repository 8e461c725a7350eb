// The forward pass of a stacked population: every tensor has the model index in front
// ([N, batch, units]), so one batched matMul runs all N models at once.
import type { Activation } from '../core/config';
import type { NetworkShape, ParamInfo } from './modelState';
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

export function activate(z: Tensor, activation: Activation): Tensor {
  switch (activation) {
    case 'relu':
      return tf.relu(z);
    case 'tanh':
      return tf.tanh(z);
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'linear':
      return z;
  }
}

/**
 * x is [N, batch, inputs], or [batch, inputs] to feed the same examples to every model.
 * Batch norm sits on z, before the activation: z_norm = (z − μ)/sqrt(σ² + ε), z̃ = bnGamma·z_norm + bnBeta.
 */
export function forward(
  net: NetworkShape,
  layout: ParamInfo[],
  params: Tensor[],
  x: Tensor,
  activation: Activation,
  bnEpsilon: number,
  mode: ForwardMode,
  /** When given, each hidden layer's intermediate tensors are pushed here (same tidy scope as the result). */
  trace?: LayerTrace[],
): ForwardResult {
  const byLayer = (layer: number, kind: ParamInfo['kind']) =>
    params[layout.findIndex((p) => p.layer === layer && p.kind === kind)];
  const batchStats: (BatchStats | null)[] = [];
  let a = x;
  for (let l = 0; l < net.hidden.length; l++) {
    let z = tf.matMul(a, byLayer(l, 'weight'));
    const preNorm = net.batchNorm[l] && net.keepBias ? tf.add(z, byLayer(l, 'bias')) : z;
    let zNorm: Tensor | null = null;
    let mean: Tensor | null = null;
    let variance: Tensor | null = null;
    if (net.batchNorm[l]) {
      z = preNorm;
      let m: Tensor;
      let v: Tensor;
      if (mode.kind === 'train') {
        m = tf.mean(z, 1, true);
        v = tf.mean(tf.square(tf.sub(z, m)), 1, true);
        batchStats.push({ mean: m, variance: v });
      } else {
        m = mode.runningMean[l];
        v = mode.runningVariance[l];
        batchStats.push(null);
      }
      mean = m;
      variance = v;
      zNorm = tf.div(tf.sub(z, m), tf.sqrt(tf.add(v, bnEpsilon)));
      z = tf.add(tf.mul(byLayer(l, 'bnGamma'), zNorm), byLayer(l, 'bnBeta'));
    } else {
      z = tf.add(z, byLayer(l, 'bias'));
      batchStats.push(null);
    }
    a = activate(z, activation);
    trace?.push({ z: net.batchNorm[l] ? preNorm : z, mean, variance, zNorm, zTilde: z, a });
  }
  const out = net.hidden.length;
  const logits = tf.add(tf.matMul(a, byLayer(out, 'weight')), byLayer(out, 'bias'));
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
