// A small network's whole training pass in one kernel: forward (every hidden layer with or without
// batch norm, the output layer), each model's mean cost, and every gradient, for N stacked models
// (backprop.ts's costAndGradients, which is ~15–60 tfjs kernels). For the playground's small nets a
// step's time goes per kernel (~5–10 µs of tfjs bookkeeping each on wasm) and to tfjs-wasm's products
// at these shapes (XNNPACK packs the weights on every call; its batched product is a scalar loop), so
// the pass runs here as loops over one Float32Array: the wasm heap itself (no copies), or a scratch
// buffer on the cpu backend. Its products are gemm.ts's: the SIMD module where the wasm heap allows,
// the plain loop otherwise, the same numbers either way.
//
// Not bit for bit tfjs's separate kernels (their products sum in XNNPACK's order; this one in gemm.ts's),
// so the route looks only at one model's size, never at N: a model takes the same route, and gives the
// same numbers, alone and in a population. fusedNetwork.test.ts checks it against the separate kernels
// to float32 rounding and a model alone against the same model in a population, bit for bit.
import type { Activation } from '../core/config';
import type { BatchStats, Tensor } from './forward';
import { fusionAvailable } from './fusedKernel';
import { type GemmArgs, gemmJs } from './gemm';
import type { NetworkShape, ParamInfo } from './modelState';
import { simdGemmFor } from './simd/simdGemm';
import { tf } from './tf';

export const FUSED_NETWORK = 'PlaygroundNetwork';

interface Attrs {
  sizes: number[];
  batchNorm: boolean[];
  keepBias: boolean;
  activation: Activation;
  bnEpsilon: number;
  /** Per layout entry: its kind, as an index into KINDS. */
  kinds: number[];
}

const KINDS: ParamInfo['kind'][] = ['weight', 'bias', 'bnGamma', 'bnBeta'];

type Gemm = (g: GemmArgs) => void;

/** Float offsets of everything the pass reads and writes in `mem`. */
interface Places {
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

interface Dims {
  n: number;
  b: number;
  k: Attrs;
  /** Index of each (layer, kind) in the layout, −1 where the layer has none. */
  index: (layer: number, kind: ParamInfo['kind']) => number;
}

function layoutIndex(k: Attrs): Dims['index'] {
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

function activateInPlace(activation: Activation, mem: Float32Array, from: number, to: number, count: number) {
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
      for (let i = 0; i < count; i++) mem[to + i] = 1 / (1 + Math.exp(-mem[from + i]));
      return;
    case 'tanh':
      for (let i = 0; i < count; i++) mem[to + i] = Math.tanh(mem[from + i]);
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

function forwardLayer(mem: Float32Array, p: Places, d: Dims, gemm: Gemm, l: number, acc: Float64Array) {
  const { n, b, k } = d;
  const fanIn = k.sizes[l];
  const u = k.sizes[l + 1];
  const per = b * u;
  const input = l === 0 ? p.x : p.a[l - 1];
  const zt = p.zTilde[l];
  const weight = p.params[d.index(l, 'weight')];
  gemm({
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
  activateInPlace(k.activation, mem, zt, p.a[l], n * per);
}

/** The logits, each model's mean cost, dJ/dlogits into ping, and the output bias gradient. */
function outputLayer(mem: Float32Array, p: Places, d: Dims, gemm: Gemm, acc: Float64Array) {
  const { n, b, k } = d;
  const last = k.sizes.length - 2;
  const fanIn = k.sizes[last];
  const o = k.sizes[last + 1];
  const input = last === 0 ? p.x : p.a[last - 1];
  gemm({
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
function productsBack(p: Places, d: Dims, gemm: Gemm, l: number, dz: number, dA: number) {
  const { n, b, k } = d;
  const fanIn = k.sizes[l];
  const u = k.sizes[l + 1];
  const input = l === 0 ? p.x : p.a[l - 1];
  const at = d.index(l, 'weight');
  // dW = a_prevᵀ·dz: a_prev is stored [b, fanIn], read as [fanIn, b].
  gemm({
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
  gemm({
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

function pass(mem: Float32Array, p: Places, d: Dims, gemm: Gemm): void {
  const layers = d.k.sizes.length - 1;
  const acc = new Float64Array(Math.max(...d.k.sizes));
  for (let l = 0; l < layers - 1; l++) forwardLayer(mem, p, d, gemm, l, acc);
  outputLayer(mem, p, d, gemm, acc);
  let dz = p.ping;
  let dA = p.pong;
  for (let l = layers - 1; l >= 0; l--) {
    if (l < layers - 1) hiddenBack(mem, p, d, l, dz, acc);
    productsBack(p, d, gemm, l, dz, dA);
    [dz, dA] = [dA, dz];
  }
}

const sizeOf = (shape: number[]) => shape.reduce((x, y) => x * y, 1);

/** Output shapes: cost [N], one gradient per parameter, then mean and variance per batch-norm layer. */
function outputShapes(n: number, params: tf.TensorInfo[], k: Attrs): number[][] {
  const stats: number[][] = [];
  k.batchNorm.forEach((bn, l) => {
    if (bn) stats.push([n, 1, k.sizes[l + 1]]);
  });
  return [[n], ...params.map((t) => t.shape), ...stats, ...stats];
}

/**
 * Lays out the scratch after `start` and names where everything is; `inAt`/`outAt` give the offsets
 * of the inputs (x, y, params…) and outputs (in outputShapes' order). Returns the scratch's length too.
 */
function place(
  n: number,
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
    a: hidden.map((u) => take(n * b * u)),
    zTilde: hidden.map((u) => take(n * b * u)),
    zNorm: hidden.map((u, l) => (k.batchNorm[l] ? take(n * b * u) : -1)),
    invStd: hidden.map((u, l) => (k.batchNorm[l] ? take(n * u) : -1)),
    logits: take(n * b * k.sizes[k.sizes.length - 1]),
    ping: take(n * b * widest),
    pong: take(n * b * widest),
    gemmScratch: take(widest * widest),
  };
  return { places, scratch: next - start };
}

type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap };

function orderedInputs(inputs: tf.NamedTensorInfoMap, k: Attrs): tf.TensorInfo[] {
  return [inputs.x, inputs.y, ...k.kinds.map((_, i) => inputs[`param${i}`])] as tf.TensorInfo[];
}

interface CpuInternals {
  data: { get(dataId: object): { values: Float32Array } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
}

function cpuKernel(args: KernelArgs): tf.TensorInfo[] {
  const backend = args.backend as CpuInternals;
  const k = args.attrs as unknown as Attrs;
  const ins = orderedInputs(args.inputs, k);
  const [n, b] = ins[0].shape as [number, number];
  const shapes = outputShapes(n, ins.slice(2), k);
  // One buffer: the inputs, then the outputs, then the scratch.
  const inAt: number[] = [];
  let at = 0;
  for (const t of ins) {
    inAt.push(at);
    at += sizeOf(t.shape);
  }
  const outAt = shapes.map((s) => {
    const o = at;
    at += sizeOf(s);
    return o;
  });
  const { places, scratch } = place(n, b, k, inAt, outAt, at);
  const mem = new Float32Array(at + scratch);
  ins.forEach((t, i) => {
    mem.set(backend.data.get(t.dataId).values, inAt[i]);
  });
  pass(mem, places, { n, b, k, index: layoutIndex(k) }, (g) => gemmJs(mem, g));
  return shapes.map((s, i) =>
    backend.makeTensorInfo(s, 'float32', mem.slice(outAt[i], outAt[i] + sizeOf(s))),
  );
}

interface WasmInternals {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  wasm: {
    HEAPF32: Float32Array;
    _malloc(bytes: number): number;
    _free(pointer: number): void;
    asm: { memory: WebAssembly.Memory };
  };
}

function wasmKernel(args: KernelArgs): tf.TensorInfo[] {
  const backend = args.backend as WasmInternals;
  const k = args.attrs as unknown as Attrs;
  const ins = orderedInputs(args.inputs, k);
  const [n, b] = ins[0].shape as [number, number];
  const outs = outputShapes(n, ins.slice(2), k).map((s) => backend.makeOutput(s, 'float32'));
  const floatAt = (t: tf.TensorInfo) =>
    (backend.dataIdMap.get(t.dataId) as { memoryOffset: number }).memoryOffset / 4;
  // Sized first with a dummy start, then placed in one malloc'd block (16-byte aligned).
  const size = place(n, b, k, ins.map(floatAt), outs.map(floatAt), 0).scratch;
  const pointer = backend.wasm._malloc(size * 4 + 16);
  try {
    const start = Math.ceil(pointer / 16) * 4;
    const { places } = place(n, b, k, ins.map(floatAt), outs.map(floatAt), start);
    // Taken after every allocation: one may grow the heap and detach older views.
    const mem = backend.wasm.HEAPF32;
    const simd = simdGemmFor(backend.wasm.asm.memory);
    const gemm: Gemm = simd ? (g) => simd(g, places.gemmScratch) : (g) => gemmJs(mem, g);
    pass(mem, places, { n, b, k, index: layoutIndex(k) }, gemm);
  } finally {
    backend.wasm._free(pointer);
  }
  return outs;
}

let registered = false;

function register(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({
    kernelName: FUSED_NETWORK,
    backendName: 'cpu',
    kernelFunc: cpuKernel as tf.KernelFunc,
  });
  tf.registerKernel({
    kernelName: FUSED_NETWORK,
    backendName: 'wasm',
    kernelFunc: wasmKernel as tf.KernelFunc,
  });
}

export interface NetworkGradients {
  cost: Tensor;
  grads: Tensor[];
  batchStats: (BatchStats | null)[];
}

/** The whole pass in one kernel (networkFusable() first). x [N, b, inputs], targets [N, b, outputs]. */
export function fusedNetworkGradients(
  net: NetworkShape,
  layout: ParamInfo[],
  params: Tensor[],
  x: Tensor,
  targets: Tensor,
  activation: Activation,
  bnEpsilon: number,
): NetworkGradients {
  register();
  const attrs: Attrs = {
    sizes: [net.inputs, ...net.hidden, net.outputs],
    batchNorm: net.hidden.map((_, l) => net.batchNorm[l] ?? false),
    keepBias: net.keepBias ?? false,
    activation,
    bnEpsilon,
    kinds: layout.map((p) => KINDS.indexOf(p.kind)),
  };
  const inputs: tf.NamedTensorMap = { x, y: targets };
  params.forEach((t, i) => {
    inputs[`param${i}`] = t;
  });
  const outs = tf.engine().runKernel(FUSED_NETWORK, inputs, attrs as unknown as tf.NamedAttrMap) as Tensor[];
  const grads = outs.slice(1, 1 + params.length);
  const bnCount = attrs.batchNorm.filter(Boolean).length;
  let i = 0;
  const batchStats = attrs.batchNorm.map((bn) => {
    if (!bn) return null;
    const s = { mean: outs[1 + params.length + i], variance: outs[1 + params.length + bnCount + i] };
    i++;
    return s;
  });
  return { cost: outs[0], grads, batchStats };
}

/**
 * Above this many elements in one model's widest layer ([batch, units]) the separate kernels win
 * (measured in fusedNetwork's profile; see the README's Performance section).
 */
export const NETWORK_MAX_ELEMENTS = 100_000;

let networkEnabled = true;

/** For the bench and tests: the whole-network kernel on or off (the layer kernels stay as set). */
export function setNetworkFusion(value: boolean): void {
  networkEnabled = value;
}

/**
 * Whether the whole pass runs in one kernel: on cpu and wasm (fusionAvailable), one stacked model per
 * parameter slice and mini-batch, and a network small enough per model. Never a rule on N.
 */
export function networkFusable(net: NetworkShape, params: Tensor[], x: Tensor, targets: Tensor): boolean {
  const n = params[0]?.shape[0];
  if (!networkEnabled || x.rank !== 3 || targets.rank !== 3) return false;
  if (x.shape[0] !== n || targets.shape[0] !== n) return false;
  if (!params.every((t) => t.rank >= 1 && t.shape[0] === n && t.dtype === 'float32')) return false;
  const b = x.shape[1] ?? 1;
  const widest = Math.max(net.inputs, net.outputs, ...net.hidden) * b;
  return fusionAvailable(widest, NETWORK_MAX_ELEMENTS);
}
