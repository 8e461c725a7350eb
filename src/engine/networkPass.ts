// The loops of the whole-network kernel (fusedNetwork.ts registers it with tfjs): a small network's
// forward pass, each model's mean cost and every gradient for N stacked models, on one Float32Array
// (the wasm heap, or the cpu kernel's buffer) at the float offsets `place` assigns. Plain code, no tfjs.
// Rounding: products sum in gemm.ts's fixed order; the rest computes in doubles and stores float32.
// The elementwise loops (elementwiseJs) have SIMD twins (kernels/elementwise.ts, f64x2: the same double
// operations in the same order, lanes across units only), so both routes give the same bits.
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

/**
 * What the pass computes outside JavaScript where it can: the products, the two costly activations,
 * exp and the elementwise loops of one model's [rows, units] block. All offsets are float offsets in `mem`.
 * elementwiseJs gives the loops in JavaScript; the SIMD module's (simd/simdElementwise.ts) give the
 * same bits.
 */
export interface Native {
  gemm: Gemm;
  /** to[i] = σ(from[i]) and tanh(from[i]) over `count` floats (float offsets; in place is fine). */
  sigmoid(from: number, to: number, count: number): void;
  tanh(from: number, to: number, count: number): void;
  /** to[i] = e^from[i] rounded to float32 (activationMath.ts's expf), as sigmoid. */
  exp(from: number, to: number, count: number): void;
  /** z[j][c] += bias[c] over a [rows, units] block. */
  biasAdd(z: number, bias: number, rows: number, units: number): void;
  /** to[c] = Σ_j from[j][c] (summed in a double over j = 0, 1, …). */
  columnSums(from: number, to: number, rows: number, units: number): void;
  /** d ⊙= the activation's slope (from a, or z̃ for relu), then sums[c] = Σ_j d[j][c]. */
  slopeSums(
    activation: Activation,
    d: number,
    a: number,
    zt: number,
    rows: number,
    units: number,
    sums: number,
  ): void;
  /** Batch norm of one model's block z in place (z̃ = γ·z_norm + β), z_norm, and per unit μ, σ², 1/σ. */
  batchNormForward(
    z: number,
    zNorm: number,
    gamma: number,
    beta: number,
    mean: number,
    variance: number,
    invStd: number,
    rows: number,
    units: number,
    epsilon: number,
  ): void;
  /**
   * dJ/da in g to dJ/dz in place through the activation's slope and batch norm, with dβ, dγ and (bias
   * ≥ 0: a bias kept before batch norm) the bias gradient.
   */
  batchNormBackward(
    activation: Activation,
    g: number,
    a: number,
    zt: number,
    zNorm: number,
    gamma: number,
    invStd: number,
    dBeta: number,
    dGamma: number,
    bias: number,
    rows: number,
    units: number,
  ): void;
}

/** The elementwise part of Native. */
export type Elementwise = Pick<
  Native,
  'biasAdd' | 'columnSums' | 'slopeSums' | 'batchNormForward' | 'batchNormBackward'
>;

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
  /** Two [batch, widest] buffers (one model's) for dJ/da and dJ/dz, used in turn. */
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
        // NaN stays NaN, as tfjs's cpu relu keeps it.
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

/** Column sums over the batch of one model's [b, u] block at `from` into [u] at `to` (in a double). */
function columnSumsJs(mem: Float32Array, from: number, to: number, b: number, u: number, acc: Float64Array) {
  acc.fill(0, 0, u);
  const x = mem.subarray(from, from + b * u);
  for (let j = 0; j < b; j++) {
    const row = j * u;
    for (let c = 0; c < u; c++) acc[c] += x[row + c];
  }
  for (let c = 0; c < u; c++) mem[to + c] = acc[c];
}

/** The bias add of one model's [b, u] block z. */
function biasAddJs(mem: Float32Array, zt: number, biasAt: number, b: number, u: number) {
  const bias = mem.subarray(biasAt, biasAt + u);
  const z = mem.subarray(zt, zt + b * u);
  for (let j = 0; j < b; j++) {
    const row = j * u;
    for (let c = 0; c < u; c++) z[row + c] += bias[c];
  }
}

/**
 * Batch norm of one model's [b, u] block z in place: z_norm = (z − μ)/sqrt(σ² + ε), z̃ = γ·z_norm + β;
 * μ and σ² over this model's mini-batch. The block is a view indexed from 0 and its per-unit values
 * sit in local arrays: V8 keeps such loops tight, where offsets recomputed inside the loop cost ~3× more.
 */
function batchNormForwardJs(
  mem: Float32Array,
  zt: number,
  zNormAt: number,
  gammaAt: number,
  betaAt: number,
  meanAt: number,
  varianceAt: number,
  invStdAt: number,
  b: number,
  u: number,
  epsilon: number,
  acc: Float64Array,
) {
  const per = b * u;
  const mu = new Float64Array(u);
  const inv = new Float64Array(u);
  const gamma = new Float64Array(u);
  const beta = new Float64Array(u);
  const z = mem.subarray(zt, zt + per);
  const zNorm = mem.subarray(zNormAt, zNormAt + per);
  for (let j = 0; j < b; j++) {
    const row = j * u;
    for (let c = 0; c < u; c++) mu[c] += z[row + c];
  }
  acc.fill(0, 0, u);
  for (let c = 0; c < u; c++) {
    mu[c] /= b;
    mem[meanAt + c] = mu[c];
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
    mem[varianceAt + c] = variance;
    inv[c] = 1 / Math.sqrt(variance + epsilon);
    mem[invStdAt + c] = inv[c];
    gamma[c] = mem[gammaAt + c];
    beta[c] = mem[betaAt + c];
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

/**
 * One model's batch-norm backward: the slope, dβ = Σ dJ/dz̃, dγ = Σ dJ/dz̃ ⊙ z_norm, then
 * dJ/dz = γ/σ · (dJ/dz̃ − dβ/b − z_norm · dγ/b) in place, and a kept bias's gradient (bias ≥ 0).
 */
function batchNormBackwardJs(
  mem: Float32Array,
  activation: Activation,
  dz: number,
  aAt: number,
  zt: number,
  zn: number,
  gamma: number,
  invStd: number,
  dBeta: number,
  dGamma: number,
  biasAt: number,
  b: number,
  u: number,
  acc: Float64Array,
) {
  const per = b * u;
  slopeInPlace(activation, mem, dz, aAt, zt, per);
  columnSumsJs(mem, dz, dBeta, b, u, acc);
  const scale = new Float64Array(u);
  const meanD = new Float64Array(u);
  const meanDn = new Float64Array(u);
  const g = mem.subarray(dz, dz + per);
  const zNorm = mem.subarray(zn, zn + per);
  acc.fill(0, 0, u);
  for (let j = 0; j < b; j++) {
    const row = j * u;
    for (let c = 0; c < u; c++) acc[c] += g[row + c] * zNorm[row + c];
  }
  for (let c = 0; c < u; c++) {
    mem[dGamma + c] = acc[c];
    scale[c] = mem[gamma + c] * mem[invStd + c];
    meanD[c] = mem[dBeta + c] / b;
    meanDn[c] = acc[c] / b;
  }
  for (let j = 0; j < b; j++) {
    const row = j * u;
    for (let c = 0; c < u; c++) g[row + c] = scale[c] * (g[row + c] - meanD[c] - zNorm[row + c] * meanDn[c]);
  }
  // A bias kept before batch norm: the sum of dJ/dz over the batch (zero up to rounding).
  if (biasAt >= 0) columnSumsJs(mem, dz, biasAt, b, u, acc);
}

/**
 * The elementwise loops in JavaScript on `mem`: the cpu backend's, and wasm's without SIMD. The SIMD
 * module's twins (kernels/elementwise.ts) give the same bits.
 */
export function elementwiseJs(mem: Float32Array): Elementwise {
  let acc = new Float64Array(0);
  const accFor = (u: number) => {
    if (acc.length < u) acc = new Float64Array(u);
    return acc;
  };
  return {
    biasAdd: (z, bias, rows, units) => biasAddJs(mem, z, bias, rows, units),
    columnSums: (from, to, rows, units) => columnSumsJs(mem, from, to, rows, units, accFor(units)),
    slopeSums: (activation, d, a, zt, rows, units, sums) => {
      slopeInPlace(activation, mem, d, a, zt, rows * units);
      columnSumsJs(mem, d, sums, rows, units, accFor(units));
    },
    batchNormForward: (z, zNorm, gamma, beta, mean, variance, invStd, rows, units, epsilon) =>
      batchNormForwardJs(
        mem,
        z,
        zNorm,
        gamma,
        beta,
        mean,
        variance,
        invStd,
        rows,
        units,
        epsilon,
        accFor(units),
      ),
    batchNormBackward: (activation, g, a, zt, zNorm, gamma, invStd, dBeta, dGamma, bias, rows, units) =>
      batchNormBackwardJs(
        mem,
        activation,
        g,
        a,
        zt,
        zNorm,
        gamma,
        invStd,
        dBeta,
        dGamma,
        bias,
        rows,
        units,
        accFor(units),
      ),
  };
}

function forwardLayer(mem: Float32Array, p: Places, d: Dims, native: Native, l: number) {
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
    for (let m = 0; m < n; m++) native.biasAdd(zt + m * per, p.params[biasAt] + m * u, b, u);
  }
  if (k.batchNorm[l]) {
    const gammaAt = p.params[d.index(l, 'bnGamma')];
    const betaAt = p.params[d.index(l, 'bnBeta')];
    for (let m = 0; m < n; m++) {
      const col = m * u;
      native.batchNormForward(
        zt + m * per,
        p.zNorm[l] + m * per,
        gammaAt + col,
        betaAt + col,
        p.mean[l] + col,
        p.variance[l] + col,
        p.invStd[l] + col,
        b,
        u,
        k.bnEpsilon,
      );
    }
  }
  activateInPlace(k.activation, mem, native, zt, p.a[l], n * per);
}

/** The logits, each model's mean cost, dJ/dlogits into ping, and the output bias gradient. */
function outputLayer(mem: Float32Array, p: Places, d: Dims, native: Native) {
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
  // The exps go through native.exp, one block per model (SIMD on wasm, expf's JavaScript on cpu: the
  // same bits): their arguments first into dz, then e^arg in place, then the cost and dJ/dz from them.
  // pong holds the model's rows' largest logits meanwhile (free until the backward pass).
  const maxAt = p.pong;
  for (let m = 0; m < n; m++) {
    const block = m * b * o;
    if (o === 1) {
      // Binary cross-entropy on the logit z (stored float32): softplus(z) − z·y with softplus(z) =
      // max(z, 0) + log1p(e^−|z|), and dJ/dz = (σ(z) − y)/b with σ(z) = 1/(1 + e) or e/(1 + e), e = e^−|z|.
      for (let j = 0; j < b; j++) {
        const row = block + j;
        const z = mem[p.logits + row] + mem[bias + m];
        mem[p.logits + row] = z;
        mem[dz + row] = -Math.abs(mem[p.logits + row]);
      }
      native.exp(dz + block, dz + block, b);
      let cost = 0;
      for (let j = 0; j < b; j++) {
        const row = block + j;
        const z = mem[p.logits + row];
        const y = mem[p.y + row];
        const e = mem[dz + row];
        cost += Math.max(z, 0) + Math.log1p(e) - z * y;
        mem[dz + row] = ((z >= 0 ? 1 : e) / (1 + e) - y) / b;
      }
      mem[p.cost + m] = cost / b;
      continue;
    }
    // Softmax cross-entropy: −Σ y·log softmax(z); dJ/dz = (softmax(z) − y)/b, softmax(z) = e/Σ e with
    // e = e^(z − max z) (the argument stored float32).
    for (let j = 0; j < b; j++) {
      const row = block + j * o;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < o; c++) {
        const z = mem[p.logits + row + c] + mem[bias + m * o + c];
        mem[p.logits + row + c] = z;
        const zf = mem[p.logits + row + c];
        if (zf > max) max = zf;
      }
      mem[maxAt + j] = max;
      for (let c = 0; c < o; c++) mem[dz + row + c] = mem[p.logits + row + c] - max;
    }
    native.exp(dz + block, dz + block, b * o);
    let cost = 0;
    for (let j = 0; j < b; j++) {
      const row = block + j * o;
      let total = 0;
      for (let c = 0; c < o; c++) total += mem[dz + row + c];
      const logTotal = Math.log(total) + mem[maxAt + j];
      for (let c = 0; c < o; c++) {
        const y = mem[p.y + row + c];
        if (y !== 0) cost -= y * (mem[p.logits + row + c] - logTotal);
        mem[dz + row + c] = (mem[dz + row + c] / total - y) / b;
      }
    }
    mem[p.cost + m] = cost / b;
  }
  const biasGrad = p.grads[d.index(last, 'bias')];
  for (let m = 0; m < n; m++) native.columnSums(dz + m * b * o, biasGrad + m * o, b, o);
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

function hiddenBack(p: Places, d: Dims, native: Native, l: number, dz: number) {
  const { n, b, k } = d;
  const u = k.sizes[l + 1];
  const per = b * u;
  if (!k.batchNorm[l]) {
    // dJ/dz = dJ/da ⊙ da/dz, and the bias gradient: its sum over the batch.
    const biasGrad = p.grads[d.index(l, 'bias')];
    for (let m = 0; m < n; m++)
      native.slopeSums(
        k.activation,
        dz + m * per,
        p.a[l] + m * per,
        p.zTilde[l] + m * per,
        b,
        u,
        biasGrad + m * u,
      );
    return;
  }
  const dBeta = p.grads[d.index(l, 'bnBeta')];
  const dGamma = p.grads[d.index(l, 'bnGamma')];
  const gamma = p.params[d.index(l, 'bnGamma')];
  const biasAt = d.index(l, 'bias');
  for (let m = 0; m < n; m++) {
    const col = m * u;
    native.batchNormBackward(
      k.activation,
      dz + m * per,
      p.a[l] + m * per,
      p.zTilde[l] + m * per,
      p.zNorm[l] + m * per,
      gamma + col,
      p.invStd[l] + col,
      dBeta + col,
      dGamma + col,
      biasAt >= 0 ? p.grads[biasAt] + col : -1,
      b,
      u,
    );
  }
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
    for (let l = 0; l < layers - 1; l++) forwardLayer(mem, q, one, native, l);
    outputLayer(mem, q, one, native);
    let dz = q.ping;
    let dA = q.pong;
    for (let l = layers - 1; l >= 0; l--) {
      if (l < layers - 1) hiddenBack(q, one, native, l, dz);
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
    // Scratch blocks start on 16 bytes (the SIMD module needs no alignment; tensor offsets have none).
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
    // gemm's transposed right operand: the largest fanIn·units a dJ/da product asks for.
    gemmScratch: take(Math.max(...k.sizes.slice(1).map((u, l) => u * k.sizes[l]))),
  };
  return { places, scratch: next - start };
}
