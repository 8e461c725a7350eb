// A hidden layer's two fused kernels.
// Forward, without batch norm: z = a_prev·W + b and a = g(z) from the product, one kernel instead of 2
// (5 for tanh on wasm, built from sigmoid). The activation is the backend's own where its numbers come
// from native code (wasm's XNNPACK sigmoid, called on the kernel's buffers), tfjs's formula elsewhere.
// Backward, up to the weight product: dJ/dz̃ = dJ/da ⊙ (the activation's slope), then either the bias
// gradient (the column sum over the batch) or, under batch norm, dβ, dγ and dJ/dz through the
// normalisation (and a kept bias's gradient): one kernel instead of 3–4 per plain layer and 13–14 per
// batch-norm layer (backprop.ts). The loops repeat those ops' float32 arithmetic in their order, and
// each column sum as the backend's Sum adds it (fusedKernel.ts), so they give the separate kernels'
// numbers bit for bit (fusedStep.test.ts).
import type { Activation } from '../core/config';
import type { Tensor } from './forward';
import { type Backend, type Native, registerFused, runFused } from './fusedKernel';
import type { tf } from './tf';

export const FUSED_DENSE_BACKWARD = 'PlaygroundDenseBackward';
export const FUSED_DENSE_FORWARD = 'PlaygroundDenseForward';

interface Attrs {
  activation: Activation;
  batchNorm: boolean;
  keepBias: boolean;
}

export interface DenseBackwardInputs {
  /** dJ/da [N, batch, units]. */
  dA: Tensor;
  /** a for tanh and sigmoid, z̃ for relu (what the slope is computed from); unused for linear. */
  slopeFrom: Tensor;
  activation: Activation;
  /** Under batch norm: z_norm [N, batch, units], γ and 1/σ [N, 1, units]. */
  batchNorm: { zNorm: Tensor; gamma: Tensor; invStd: Tensor; keepBias: boolean } | null;
}

export interface DenseBackward {
  /** dJ/dz [N, batch, units]. */
  dz: Tensor;
  /** [N, 1, units] each; bias is null under batch norm without a kept bias. */
  bias: Tensor | null;
  dBeta: Tensor | null;
  dGamma: Tensor | null;
}

/** dJ/dz̃ = dJ/da ⊙ da/dz̃ into `out`, as backprop.ts computes it (one tight loop per activation). */
function dTilde(activation: Activation, dA: Float32Array, from: Float32Array, out: Float32Array): void {
  const f = Math.fround;
  const count = out.length;
  switch (activation) {
    case 'tanh':
      // dA · (1 − a²)
      for (let i = 0; i < count; i++) out[i] = f(dA[i] * f(1 - f(from[i] * from[i])));
      return;
    case 'sigmoid':
      // dA · a(1 − a)
      for (let i = 0; i < count; i++) out[i] = f(dA[i] * f(from[i] * f(1 - from[i])));
      return;
    case 'relu':
      // dA · step(z̃), step keeping NaN as tfjs's does
      for (let i = 0; i < count; i++) {
        const z = from[i];
        out[i] = f(dA[i] * (z > 0 ? 1 : Number.isNaN(z) ? Number.NaN : 0));
      }
      return;
    case 'linear':
      out.set(dA);
      return;
  }
}

/**
 * Column sums over the batch of one model's [batch, units] block, added row by row so each column is
 * summed in the order the backend's Sum adds it: in float32 on wasm, in a double on cpu (sumOf).
 */
function columnSums(
  wasm: boolean,
  x: Float32Array,
  base: number,
  rows: number,
  units: number,
  out: Float32Array,
  outAt: number,
  acc: Float64Array,
): void {
  const f = Math.fround;
  acc.fill(0);
  for (let j = 0; j < rows; j++) {
    const row = base + j * units;
    if (wasm) for (let c = 0; c < units; c++) acc[c] = f(acc[c] + x[row + c]);
    else for (let c = 0; c < units; c++) acc[c] += x[row + c];
  }
  for (let c = 0; c < units; c++) out[outAt + c] = f(acc[c]);
}

function backward(
  ins: Float32Array[],
  outs: Float32Array[],
  backend: Backend,
  shape: number[],
  k: Attrs,
): void {
  const f = Math.fround;
  const wasm = backend === 'wasm';
  const [n, b, u] = shape;
  const [dA, from, zNorm, gamma, invStd] = ins;
  const dz = outs[0];
  const per = b * u;
  const acc = new Float64Array(u);
  dTilde(k.activation, dA, from, dz);
  if (!k.batchNorm) {
    for (let m = 0; m < n; m++) columnSums(wasm, dz, m * per, b, u, outs[1], m * u, acc);
    return;
  }
  const [, dBeta, dGamma, bias] = outs;
  // dJ/dz̃ sits in dz; dβ = Σ dJ/dz̃, dγ = Σ dJ/dz̃ ⊙ z_norm, then dz is overwritten in place.
  const product = new Float32Array(per);
  const r = f(1 / b);
  for (let m = 0; m < n; m++) {
    const base = m * per;
    for (let i = 0; i < per; i++) product[i] = f(dz[base + i] * zNorm[base + i]);
    columnSums(wasm, dz, base, b, u, dBeta, m * u, acc);
    columnSums(wasm, product, 0, b, u, dGamma, m * u, acc);
    // dJ/dz = γ/σ · (dJ/dz̃ − dβ/b − z_norm · dγ/b)
    for (let j = 0; j < b; j++) {
      const row = base + j * u;
      for (let c = 0; c < u; c++) {
        const col = m * u + c;
        const i = row + c;
        const scale = f(gamma[col] * invStd[col]);
        dz[i] = f(scale * f(f(dz[i] - f(dBeta[col] * r)) - f(zNorm[i] * f(dGamma[col] * r))));
      }
    }
    if (k.keepBias) columnSums(wasm, dz, base, b, u, bias, m * u, acc);
  }
}

function plan(inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap) {
  const k = attrs as unknown as Attrs;
  const dA = inputs.dA as tf.TensorInfo;
  const slopeFrom = (inputs.slopeFrom ?? dA) as tf.TensorInfo;
  const shape = dA.shape;
  const column = [shape[0], 1, shape[2]];
  const bn = k.batchNorm ? [inputs.zNorm, inputs.gamma, inputs.invStd].map((t) => t as tf.TensorInfo) : [];
  const outputs = k.batchNorm ? [shape, column, column, ...(k.keepBias ? [column] : [])] : [shape, column];
  return {
    inputs: [dA, slopeFrom, ...bn],
    outputs,
    compute: (ins: Float32Array[], outs: Float32Array[], backend: Backend) =>
      backward(ins, outs, backend, shape, k),
  };
}

/** The layer's backward pass in one kernel (fusionAvailable() first). */
export function fusedDenseBackward(x: DenseBackwardInputs): DenseBackward {
  registerFused(FUSED_DENSE_BACKWARD, plan);
  const bn = x.batchNorm;
  const inputs: tf.NamedTensorMap = { dA: x.dA, slopeFrom: x.slopeFrom };
  if (bn) Object.assign(inputs, { zNorm: bn.zNorm, gamma: bn.gamma, invStd: bn.invStd });
  const attrs: Attrs = { activation: x.activation, batchNorm: bn != null, keepBias: bn?.keepBias ?? false };
  const outs = runFused(FUSED_DENSE_BACKWARD, inputs, attrs as unknown as tf.NamedAttrMap);
  if (!bn) return { dz: outs[0], bias: outs[1], dBeta: null, dGamma: null };
  return { dz: outs[0], dBeta: outs[1], dGamma: outs[2], bias: outs[3] ?? null };
}

interface ForwardAttrs {
  activation: Exclude<Activation, 'linear'>;
}

function forward(
  ins: Float32Array[],
  outs: Float32Array[],
  backend: Backend,
  native: Native,
  shape: number[],
  k: ForwardAttrs,
): void {
  const f = Math.fround;
  const [n, b, u] = shape;
  const [product, bias] = ins;
  const [z] = outs;
  for (let m = 0; m < n; m++)
    for (let j = 0; j < b; j++) {
      const row = (m * b + j) * u;
      for (let c = 0; c < u; c++) z[row + c] = f(product[row + c] + bias[m * u + c]);
    }
  activateInto(k.activation, backend, native, outs, 0, 1);
}

/**
 * a = g(z) from output `from` into output `to`, as forward.ts's activate computes it on this backend
 * (linear copies). It calls native code last: read the inputs before.
 */
export function activateInto(
  activation: Activation,
  backend: Backend,
  native: Native,
  outs: Float32Array[],
  from: number,
  to: number,
): void {
  const f = Math.fround;
  const z = outs[from];
  const a = outs[to];
  switch (activation) {
    case 'linear':
      a.set(z);
      return;
    case 'relu':
      for (let i = 0; i < z.length; i++) a[i] = Math.max(0, z[i]);
      return;
    case 'sigmoid':
      native('Sigmoid', from, to);
      return;
    case 'tanh': {
      if (backend === 'cpu') {
        for (let i = 0; i < z.length; i++) a[i] = Math.tanh(z[i]);
        return;
      }
      // wasm: tanh(z) = 2·σ(2z) − 1 as forward.ts's tanhFromSigmoid computes it (σ in place in a).
      for (let i = 0; i < z.length; i++) a[i] = f(z[i] * 2);
      const out = native('Sigmoid', to, to)[to];
      for (let i = 0; i < out.length; i++) out[i] = f(f(out[i] * 2) - 1);
      return;
    }
  }
}

function forwardPlan(inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap) {
  const k = attrs as unknown as ForwardAttrs;
  const product = inputs.product as tf.TensorInfo;
  return {
    inputs: [product, inputs.bias as tf.TensorInfo],
    outputs: [product.shape, product.shape],
    compute: (ins: Float32Array[], outs: Float32Array[], backend: Backend, native: Native) =>
      forward(ins, outs, backend, native, product.shape, k),
  };
}

/** z = product + bias and a = g(z) for a layer without batch norm, in one kernel (fusionAvailable() first). */
export function fusedDenseForward(
  product: Tensor,
  bias: Tensor,
  activation: Exclude<Activation, 'linear'>,
): { z: Tensor; a: Tensor } {
  registerFused(FUSED_DENSE_FORWARD, forwardPlan);
  const attrs: ForwardAttrs = { activation };
  const [z, a] = runFused(FUSED_DENSE_FORWARD, { product, bias }, attrs as unknown as tf.NamedAttrMap);
  return { z, a };
}
