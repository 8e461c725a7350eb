// A batch-norm layer's forward pass in training, as one kernel: from the product z (plus a kept bias),
// the batch mean and variance per unit, 1/σ = 1/sqrt(σ² + ε), z_norm, z̃ = γ·z_norm + β and a = g(z̃).
// Unfused that is 10–13 kernels (forward.ts). The loop repeats their float32 arithmetic in order, each
// mean as the backend's Mean computes it (as fusedKernel.ts's meanOf) and the activation as the backend's
// own (fusedDense.ts's activateInto), so the kernel gives their numbers bit for bit (fusedStep.test.ts).
// Only training uses it: evaluation normalises with the running averages through tfjs's ops.
import type { Activation } from '../core/config';
import type { Tensor } from './forward';
import { activateInto } from './fusedDense';
import { type Backend, type Native, registerFused, runFused } from './fusedKernel';
import type { tf } from './tf';

export const FUSED_BATCH_NORM_FORWARD = 'PlaygroundBatchNormForward';

interface Attrs {
  activation: Activation;
  epsilon: number;
  keepBias: boolean;
}

/** Output order: mean, variance, invStd, zNorm, zTilde, a, then z where a bias is kept. */
const MEAN = 0;
const VARIANCE = 1;
const INV_STD = 2;
const Z_NORM = 3;
const Z_TILDE = 4;
const A = 5;
const Z = 6;

function forward(
  ins: Float32Array[],
  outs: Float32Array[],
  backend: Backend,
  native: Native,
  shape: number[],
  k: Attrs,
): void {
  const f = Math.fround;
  const [n, b, u] = shape;
  const [product, gamma, beta, bias] = ins;
  const per = b * u;
  let z = product;
  if (k.keepBias) {
    z = outs[Z];
    for (let m = 0; m < n; m++)
      for (let i = 0; i < per; i++) z[m * per + i] = f(product[m * per + i] + bias[m * u + (i % u)]);
  }
  const mean = outs[MEAN];
  const variance = outs[VARIANCE];
  const invStd = outs[INV_STD];
  const zNorm = outs[Z_NORM];
  const zTilde = outs[Z_TILDE];
  const eps = f(k.epsilon);
  const wasm = backend === 'wasm';
  const acc = new Float64Array(u);
  // Row by row, so each column's mean adds its values in the backend's order (see meanOf): wasm sums
  // in float32 and divides, cpu divides each value and sums in a double.
  const columnMeans = (x: Float32Array, base: number, square: boolean, out: Float32Array) => {
    acc.fill(0);
    for (let j = 0; j < b; j++) {
      const row = base + j * u;
      for (let c = 0; c < u; c++) {
        const v = square ? f(x[row + c] * x[row + c]) : x[row + c];
        acc[c] = wasm ? f(acc[c] + v) : acc[c] + f(v / b);
      }
    }
    for (let c = 0; c < u; c++) out[base / b + c] = wasm ? f(acc[c] / b) : f(acc[c]);
  };
  for (let m = 0; m < n; m++) {
    const base = m * per;
    const cols = m * u;
    columnMeans(z, base, false, mean);
    // z − μ (kept in zNorm until 1/σ is known); the mean of its square is the variance.
    for (let j = 0; j < b; j++) {
      const row = base + j * u;
      for (let c = 0; c < u; c++) zNorm[row + c] = f(z[row + c] - mean[cols + c]);
    }
    columnMeans(zNorm, base, true, variance);
    // rsqrt as each backend's kernel rounds it: wasm in float32 (1/sqrtf), cpu in a double.
    for (let c = 0; c < u; c++) {
      const s = f(variance[cols + c] + eps);
      invStd[cols + c] = wasm ? f(1 / f(Math.sqrt(s))) : f(1 / Math.sqrt(s));
    }
    for (let j = 0; j < b; j++) {
      const row = base + j * u;
      for (let c = 0; c < u; c++) {
        const norm = f(zNorm[row + c] * invStd[cols + c]);
        zNorm[row + c] = norm;
        zTilde[row + c] = f(f(gamma[cols + c] * norm) + beta[cols + c]);
      }
    }
  }
  activateInto(k.activation, backend, native, outs, Z_TILDE, A);
}

function plan(inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap) {
  const k = attrs as unknown as Attrs;
  const product = inputs.product as tf.TensorInfo;
  const shape = product.shape;
  const column = [shape[0], 1, shape[2]];
  const ins = [product, inputs.gamma, inputs.beta, ...(k.keepBias ? [inputs.bias] : [])] as tf.TensorInfo[];
  return {
    inputs: ins,
    outputs: [column, column, column, shape, shape, shape, ...(k.keepBias ? [shape] : [])],
    compute: (i: Float32Array[], o: Float32Array[], backend: Backend, native: Native) =>
      forward(i, o, backend, native, shape, k),
  };
}

export interface BatchNormForward {
  z: Tensor;
  mean: Tensor;
  variance: Tensor;
  invStd: Tensor;
  zNorm: Tensor;
  zTilde: Tensor;
  a: Tensor;
}

/** The layer's training forward pass from its product [N, batch, units] (fusionAvailable() first). */
export function fusedBatchNormForward(
  product: Tensor,
  params: { gamma: Tensor; beta: Tensor; bias: Tensor | null },
  activation: Activation,
  epsilon: number,
): BatchNormForward {
  registerFused(FUSED_BATCH_NORM_FORWARD, plan);
  const inputs: tf.NamedTensorMap = { product, gamma: params.gamma, beta: params.beta };
  if (params.bias) inputs.bias = params.bias;
  const attrs: Attrs = { activation, epsilon, keepBias: params.bias != null };
  const o = runFused(FUSED_BATCH_NORM_FORWARD, inputs, attrs as unknown as tf.NamedAttrMap);
  return {
    mean: o[MEAN],
    variance: o[VARIANCE],
    invStd: o[INV_STD],
    zNorm: o[Z_NORM],
    zTilde: o[Z_TILDE],
    a: o[A],
    z: params.bias ? o[Z] : product,
  };
}
