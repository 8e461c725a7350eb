// The loops of the whole-network kernel (fusedNetwork.ts registers it with tfjs): a small network's
// forward pass, each model's mean cost and every gradient for N stacked models, on one Float32Array
// (the wasm heap, or the cpu kernel's buffer) at the float offsets `place` assigns. Plain code, no tfjs.
// Rounding: products sum in gemm.ts's fixed order; the rest computes in doubles and stores float32.
import type { Activation } from '../core/config';
import type { GemmArgs } from './gemm';
import type { ParamInfo } from './modelState';

export interface Attrs {
  sizes: number[];
  batchNorm: boolean[];
  keepBias: boolean;
  activation: Activation;
  bnEpsilon: number;
  /** Per layout entry: its kind, as an index into KINDS. */
  kinds: number[];
}

export const KINDS: ParamInfo['kind'][] = ['weight', 'bias', 'bnGamma', 'bnBeta'];

export type Gemm = (g: GemmArgs) => void;

/** What the pass computes outside JavaScript where it can: the products and the two costly activations. */
export interface Native {
  gemm: Gemm;
  /** to[i] = σ(from[i]) and tanh(from[i]) over `count` floats (float offsets; in place is fine). */
  sigmoid(from: number, to: number, count: number): void;
  tanh(from: number, to: number, count: number): void;
}

/** Float offsets of everything the pass reads and writes in `mem`. */
export interface Places {
  x: number;
  y: number;
  params: number[];
  cost: number;
  grads: number[];
  /** Per hidden layer with batch norm (else −1): its mean and variance outputs, [N, 1, units]. */
  mean: number[];
  variance: number[];
  /** Scratch per hidden layer: a, z̃ (z + b, or γ·z_norm + β), z_norm and 1/σ (batch norm only). */
  a: number[];
  zTilde: number[];
  zNorm: number[];
  invStd: number[];
  logits: number;
  /** Two [N, batch, widest] buffers for dJ/da and dJ/dz, used in turn. */
  ping: number;
  pong: number;
  /** For gemm's transposed right operand. */
  gemmScratch: number;
}

export interface Dims {
  n: number;
  b: number;
  k: Attrs;
  /** Index of each (layer, kind) in the layout, −1 where the layer has none. */
  index: (layer: number, kind: ParamInfo['kind']) => number;
}

export function layoutIndex(k: Attrs): Dims['index'] {
  const layers = k.sizes.length - 1;
  const table = new Map<string, number>();
  let l = 0;
  // The layout lists each layer's weight first (modelState.ts's paramLayout), then its other entries.
  k.kinds.forEach((kind, i) => {
    if (KINDS[kind] === 'weight' && i > 0) l++;
    table.set(`${l}:${KINDS[kind]}`, i);
  });
  if (l !== layers - 1) throw new Error('fusedNetwork: the layout does not match the sizes');
  return (layer, kind) => table.get(`${layer}:${kind}`) ?? -1;
}

function activateInPlace(
  activation: Activation,
  mem: Float32Array,
  native: Native,
  from: number,
  to: number,
  count: number,
) {
  switch (activation) {
    case 'linear':
      if (from !== to) mem.copyWithin(to, from, from + count);
      return;
    case 'relu':
      for (let i = 0; i < count; i++) {
        const z = mem[from + i];
        // NaN stays NaN, as tfjs's relu keeps it.
        mem[to + i] = z > 0 || Number.isNaN(z) ? z : 0;
      }
      return;
    case 'sigmoid':
      native.sigmoid(from, to, count);
      return;
    case 'tanh':
      native.tanh(from, to, count);
      return;
  }
}

/** dJ/dz̃ = dJ/da ⊙ da/dz̃ in place, from a (tanh, sigmoid) or z̃ (relu). */
function slopeInPlace(
  activation: Activation,
  mem: Float32Array,
  d: number,
  a: number,
  zt: number,
  count: number,
) {
  switch (activation) {
    case 'linear':
      return;
    case 'tanh':
      for (let i = 0; i < count; i++) {
        const v = mem[a + i];
        mem[d + i] *= 1 - v * v;
      }
      return;
    case 'sigmoid':
      for (let i = 0; i < count; i++) {
        const v = mem[a + i];
        mem[d + i] *= v * (1 - v);
      }
      return;
    case 'relu':
      for (let i = 0; i < count; i++) {
        const z = mem[zt + i];
        mem[d + i] *= z > 0 ? 1 : Number.isNaN(z) ? z : 0;
      }
      return;
  }
}

/** Column sums over the batch of each model's [b, u] block at `from` into [N, u] at `to` (in a double). */
function columnSums(
  mem: Float32Array,
  from: number,
  to: number,
  n: number,
  b: number,
  u: number,
  acc: Float64Array,
) {
  for (let m = 0; m < n; m++) {
    acc.fill(0, 0, u);
    const x = mem.subarray(from + m * b * u, from + (m + 1) * b * u);
    for (let j = 0; j < b; j++) {
      const row = j * u;
      for (let c = 0; c < u; c++) acc[c] += x[row + c];
    }
    for (let c = 0; c < u; c++) mem[to + m * u + c] = acc[c];
  }
}

/** log(1 + e^z) without overflow. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

function forwardLayer(mem: Float32Array, p: Places, d: Dims, native: Native, l: number, acc: Float64Array) {
  const { n, b, k } = d;
  const fanIn = k.sizes[l];
  const u = k.sizes[l + 1];
  const per = b * u;
  const input = l === 0 ? p.x : p.a[l - 1];
  const zt = p.zTilde[l];
  const weight = p.params[d.index(l, 'weight')];
  native.gemm({
    a: input,
    b: weight,
    c: zt,
    models: n,
    rows: b,
    inner: fanIn,
    cols: u,
    aStride: b * fanIn,
    bStride: fanIn * u,
    cStride: per,
    transA: false,
    transB: false,
  });
  const biasAt = d.index(l, 'bias');
  if (biasAt >= 0) {
    for (let m = 0; m < n; m++) {
      const bias = mem.subarray(p.params[biasAt] + m * u, p.params[biasAt] + (m + 1) * u);
      const z = mem.subarray(zt + m * per, zt + (m + 1) * per);
      for (let j = 0; j < b; j++) {
        const row = j * u;
        for (let c = 0; c < u; c++) z[row + c] += bias[c];
      }
    }
  }
  if (k.batchNorm[l]) {
    // z_norm = (z − μ)/sqrt(σ² + ε), z̃ = γ·z_norm + β; μ and σ² over this model's mini-batch. Each
    // model's block is a view indexed from 0 and its per-unit values sit in local arrays: V8 keeps
    // such loops tight, where offsets recomputed from p.… inside the loop cost ~3× more.
    const gammaAt = p.params[d.index(l, 'bnGamma')];
    const betaAt = p.params[d.index(l, 'bnBeta')];
    const {
      mean: meanAt,
      variance: varianceAt,
      invStd: invStdAt,
    } = { mean: p.mean[l], variance: p.variance[l], invStd: p.invStd[l] };
    const mu = new Float64Array(u);
    const inv = new Float64Array(u);
    const gamma = new Float64Array(u);
    const beta = new Float64Array(u);
    for (let m = 0; m < n; m++) {
      const z = mem.subarray(zt + m * per, zt + (m + 1) * per);
      const zNorm = mem.subarray(p.zNorm[l] + m * per, p.zNorm[l] + (m + 1) * per);
      const col = m * u;
      mu.fill(0);
      for (let j = 0; j < b; j++) {
        const row = j * u;
        for (let c = 0; c < u; c++) mu[c] += z[row + c];
      }
      acc.fill(0, 0, u);
      for (let c = 0; c < u; c++) {
        mu[c] /= b;
        mem[meanAt + col + c] = mu[c];
      }
      for (let j = 0; j < b; j++) {
        const row = j * u;
        for (let c = 0; c < u; c++) {
          const centred = z[row + c] - mu[c];
          acc[c] += centred * centred;
        }
      }
      for (let c = 0; c < u; c++) {
        const variance = acc[c] / b;
        mem[varianceAt + col + c] = variance;
        inv[c] = 1 / Math.sqrt(variance + k.bnEpsilon);
        mem[invStdAt + col + c] = inv[c];
        gamma[c] = mem[gammaAt + col + c];
        beta[c] = mem[betaAt + col + c];
      }
      for (let j = 0; j < b; j++) {
        const row = j * u;
        for (let c = 0; c < u; c++) {
          const norm = (z[row + c] - mu[c]) * inv[c];
          zNorm[row + c] = norm;
          z[row + c] = gamma[c] * norm + beta[c];
        }
      }
    }
  }
  activateInPlace(k.activation, mem, native, zt, p.a[l], n * per);
}

/** The logits, each model's mean cost, dJ/dlogits into ping, and the output bias gradient. */
function outputLayer(mem: Float32Array, p: Places, d: Dims, native: Native, acc: Float64Array) {
  const { n, b, k } = d;
  const last = k.sizes.length - 2;
  const fanIn = k.sizes[last];
  const o = k.sizes[last + 1];
  const input = last === 0 ? p.x : p.a[last - 1];
  native.gemm({
    a: input,
    b: p.params[d.index(last, 'weight')],
    c: p.logits,
    models: n,
    rows: b,
    inner: fanIn,
    cols: o,
    aStride: b * fanIn,
    bStride: fanIn * o,
    cStride: b * o,
    transA: false,
    transB: false,
  });
  const bias = p.params[d.index(last, 'bias')];
  const dz = p.ping;
  for (let m = 0; m < n; m++) {
    let cost = 0;
    for (let j = 0; j < b; j++) {
      const row = (m * b + j) * o;
      if (o === 1) {
        // Binary cross-entropy on the logit: softplus(z) − z·y; dJ/dz = (σ(z) − y)/b.
        const z = mem[p.logits + row] + mem[bias + m];
        const y = mem[p.y + row];
        cost += softplus(z) - z * y;
        mem[dz + row] = (1 / (1 + Math.exp(-z)) - y) / b;
        continue;
      }
      // Softmax cross-entropy: −Σ y·log softmax(z); dJ/dz = (softmax(z) − y)/b.
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < o; c++) {
        const z = mem[p.logits + row + c] + mem[bias + m * o + c];
        mem[p.logits + row + c] = z;
        if (z > max) max = z;
      }
      let total = 0;
      for (let c = 0; c < o; c++) total += Math.exp(mem[p.logits + row + c] - max);
      const logTotal = Math.log(total) + max;
      for (let c = 0; c < o; c++) {
        const logP = mem[p.logits + row + c] - logTotal;
        const y = mem[p.y + row + c];
        if (y !== 0) cost -= y * logP;
        mem[dz + row + c] = (Math.exp(logP) - y) / b;
      }
    }
    mem[p.cost + m] = cost / b;
  }
  columnSums(mem, dz, p.grads[d.index(last, 'bias')], n, b, o, acc);
}

/** Weight gradient op(A)ᵀ·dz and, below the first layer, dJ/da of the layer beneath into `dA`. */
function productsBack(p: Places, d: Dims, native: Native, l: number, dz: number, dA: number) {
  const { n, b, k } = d;
  const fanIn = k.sizes[l];
  const u = k.sizes[l + 1];
  const input = l === 0 ? p.x : p.a[l - 1];
  const at = d.index(l, 'weight');
  // dW = a_prevᵀ·dz: a_prev is stored [b, fanIn], read as [fanIn, b].
  native.gemm({
    a: input,
    b: dz,
    c: p.grads[at],
    models: n,
    rows: fanIn,
    inner: b,
    cols: u,
    aStride: b * fanIn,
    bStride: b * u,
    cStride: fanIn * u,
    transA: true,
    transB: false,
  });
  if (l === 0) return;
  // dJ/da_prev = dz·Wᵀ: W is stored [fanIn, u], read as [u, fanIn].
  native.gemm({
    a: dz,
    b: p.params[at],
    c: dA,
    models: n,
    rows: b,
    inner: u,
    cols: fanIn,
    aStride: b * u,
    bStride: fanIn * u,
    cStride: b * fanIn,
    transA: false,
    transB: true,
  });
}

function hiddenBack(mem: Float32Array, p: Places, d: Dims, l: number, dz: number, acc: Float64Array) {
  const { n, b, k } = d;
  const u = k.sizes[l + 1];
  const per = b * u;
  slopeInPlace(k.activation, mem, dz, p.a[l], p.zTilde[l], n * per);
  if (!k.batchNorm[l]) {
    columnSums(mem, dz, p.grads[d.index(l, 'bias')], n, b, u, acc);
    return;
  }
  // dβ = Σ dJ/dz̃, dγ = Σ dJ/dz̃ ⊙ z_norm, then dJ/dz = γ/σ · (dJ/dz̃ − dβ/b − z_norm · dγ/b) in place.
  const dBeta = p.grads[d.index(l, 'bnBeta')];
  const dGamma = p.grads[d.index(l, 'bnGamma')];
  const gamma = p.params[d.index(l, 'bnGamma')];
  const zn = p.zNorm[l];
  columnSums(mem, dz, dBeta, n, b, u, acc);
  const scale = new Float64Array(u);
  const meanD = new Float64Array(u);
  const meanDn = new Float64Array(u);
  for (let m = 0; m < n; m++) {
    const g = mem.subarray(dz + m * per, dz + (m + 1) * per);
    const zNorm = mem.subarray(zn + m * per, zn + (m + 1) * per);
    const col = m * u;
    acc.fill(0, 0, u);
    for (let j = 0; j < b; j++) {
      const row = j * u;
      for (let c = 0; c < u; c++) acc[c] += g[row + c] * zNorm[row + c];
    }
    for (let c = 0; c < u; c++) {
      mem[dGamma + col + c] = acc[c];
      scale[c] = mem[gamma + col + c] * mem[p.invStd[l] + col + c];
      meanD[c] = mem[dBeta + col + c] / b;
      meanDn[c] = acc[c] / b;
    }
    for (let j = 0; j < b; j++) {
      const row = j * u;
      for (let c = 0; c < u; c++)
        g[row + c] = scale[c] * (g[row + c] - meanD[c] - zNorm[row + c] * meanDn[c]);
    }
  }
  // A bias kept before batch norm: the sum of dJ/dz over the batch (zero up to rounding).
  const biasAt = d.index(l, 'bias');
  if (biasAt >= 0) columnSums(mem, dz, p.grads[biasAt], n, b, u, acc);
}

/** Floats per model of each parameter, in layout order (a weight fanIn·fanOut, the others fanOut). */
function paramSizes(k: Attrs): number[] {
  let l = -1;
  return k.kinds.map((kind) => {
    if (KINDS[kind] === 'weight') l++;
    return KINDS[kind] === 'weight' ? k.sizes[l] * k.sizes[l + 1] : k.sizes[l + 1];
  });
}

/**
 * The whole pass, one model after another: each model's layers run to the end before the next model
 * starts, so its intermediates (one model's worth of scratch, reused) stay in cache, and no number
 * of a model depends on its neighbours or on N.
 */
export function pass(mem: Float32Array, p: Places, d: Dims, native: Native): void {
  const { b, k } = d;
  const layers = k.sizes.length - 1;
  const acc = new Float64Array(Math.max(...k.sizes));
  const sizes = paramSizes(k);
  // One model: the places as they are (V8 then sees one shape of object throughout).
  const one: Dims = d.n === 1 ? d : { ...d, n: 1 };
  for (let m = 0; m < d.n; m++) {
    const unitsOf = (l: number) => k.sizes[l + 1];
    const q: Places =
      d.n === 1
        ? p
        : {
            ...p,
            x: p.x + m * b * k.sizes[0],
            y: p.y + m * b * k.sizes[layers],
            params: p.params.map((at, i) => at + m * sizes[i]),
            grads: p.grads.map((at, i) => at + m * sizes[i]),
            cost: p.cost + m,
            mean: p.mean.map((at, l) => (at < 0 ? at : at + m * unitsOf(l))),
            variance: p.variance.map((at, l) => (at < 0 ? at : at + m * unitsOf(l))),
          };
    for (let l = 0; l < layers - 1; l++) forwardLayer(mem, q, one, native, l, acc);
    outputLayer(mem, q, one, native, acc);
    let dz = q.ping;
    let dA = q.pong;
    for (let l = layers - 1; l >= 0; l--) {
      if (l < layers - 1) hiddenBack(mem, q, one, l, dz, acc);
      productsBack(q, one, native, l, dz, dA);
      [dz, dA] = [dA, dz];
    }
  }
}

/** Output shapes: cost [N], one gradient per parameter, then mean and variance per batch-norm layer. */
export function outputShapes(n: number, params: number[][], k: Attrs): number[][] {
  const stats: number[][] = [];
  k.batchNorm.forEach((bn, l) => {
    if (bn) stats.push([n, 1, k.sizes[l + 1]]);
  });
  return [[n], ...params, ...stats, ...stats];
}

/**
 * Lays out the scratch after `start` and names where everything is; `inAt`/`outAt` give the offsets
 * of the inputs (x, y, params…) and outputs (in outputShapes' order). Returns the scratch's length too.
 */
export function place(
  b: number,
  k: Attrs,
  inAt: number[],
  outAt: number[],
  start: number,
): { places: Places; scratch: number } {
  let next = start;
  const take = (floats: number) => {
    const at = next;
    // 4-float alignment keeps the SIMD module's loads aligned.
    next += Math.ceil(floats / 4) * 4;
    return at;
  };
  const hidden = k.sizes.slice(1, -1);
  const paramCount = inAt.length - 2;
  const bnLayers = k.batchNorm.map((bn, l) => (bn && l < hidden.length ? l : -1)).filter((l) => l >= 0);
  const mean: number[] = hidden.map(() => -1);
  const variance: number[] = hidden.map(() => -1);
  bnLayers.forEach((l, i) => {
    mean[l] = outAt[1 + paramCount + i];
    variance[l] = outAt[1 + paramCount + bnLayers.length + i];
  });
  const widest = Math.max(...k.sizes);
  const places: Places = {
    x: inAt[0],
    y: inAt[1],
    params: inAt.slice(2),
    cost: outAt[0],
    grads: outAt.slice(1, 1 + paramCount),
    mean,
    variance,
    // Scratch for one model: pass() runs the models one after another.
    a: hidden.map((u) => take(b * u)),
    zTilde: hidden.map((u) => take(b * u)),
    zNorm: hidden.map((u, l) => (k.batchNorm[l] ? take(b * u) : -1)),
    invStd: hidden.map((u, l) => (k.batchNorm[l] ? take(u) : -1)),
    logits: take(b * k.sizes[k.sizes.length - 1]),
    ping: take(b * widest),
    pong: take(b * widest),
    gemmScratch: take(widest * widest),
  };
  return { places, scratch: next - start };
}
