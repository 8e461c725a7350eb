// A small network's whole training pass in one kernel: forward (every hidden layer with or without
// batch norm, the output layer), each model's mean cost, and every gradient, for N stacked models
// (backprop.ts's costAndGradients, which is ~15–60 tfjs kernels). For the playground's small nets a
// step's time goes per kernel (~5–10 µs of tfjs bookkeeping each on wasm) and to tfjs-wasm's products
// at these shapes (XNNPACK packs the weights on every call; its batched product is a scalar loop), so
// the pass runs as loops (networkPass.ts) over one Float32Array: the wasm heap itself (no copies), or
// a scratch buffer on the cpu backend. Its products are gemm.ts's, its activations activationMath.ts's
// and its elementwise loops networkPass.ts's: the SIMD module's twins where the wasm heap allows, the
// plain loops otherwise, the same numbers either way.
//
// Not bit for bit tfjs's separate kernels (their products sum in XNNPACK's order; this one in gemm.ts's),
// so the route looks only at one model's size, never at N: a model takes the same route, and gives the
// same numbers, alone and in a population. fusedNetwork.test.ts checks it against the separate kernels
// to float32 rounding and a model alone against the same model in a population, bit for bit.
import type { Activation } from '../core/config';
import { expInto, sigmoidInto, tanhInto } from './activationMath';
import type { BatchStats, Tensor } from './forward';
import { fusionAvailable } from './fusedKernel';
import { gemmJs } from './gemm';
import type { NetworkShape, ParamInfo } from './modelState';
import {
  type Attrs,
  elementwiseJs,
  KINDS,
  layoutIndex,
  type Native,
  outputShapes,
  pass,
  place,
} from './networkPass';
import { simdActivationsFor } from './simd/simdActivations';
import { simdElementwiseFor } from './simd/simdElementwise';
import { simdGemmFor } from './simd/simdGemm';
import { type HeapOwner, heapMemory } from './simd/simdModule';
import { tf } from './tf';

export const FUSED_NETWORK = 'PlaygroundNetwork';

const sizeOf = (shape: number[]) => shape.reduce((x, y) => x * y, 1);

/**
 * The pass's products, activations and elementwise loops in JavaScript: the cpu backend's, and wasm's
 * without SIMD (same numbers).
 */
function plainNative(mem: Float32Array): Native {
  return {
    ...elementwiseJs(mem),
    gemm: (g) => gemmJs(mem, g),
    sigmoid: (from, to, count) => sigmoidInto(mem, from, to, count),
    tanh: (from, to, count) => tanhInto(mem, from, to, count),
    exp: (from, to, count) => expInto(mem, from, to, count),
  };
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
  const shapes = outputShapes(
    n,
    ins.slice(2).map((t) => t.shape),
    k,
  );
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
  const { places, scratch } = place(b, k, inAt, outAt, at);
  const mem = new Float32Array(at + scratch);
  ins.forEach((t, i) => {
    mem.set(backend.data.get(t.dataId).values, inAt[i]);
  });
  pass(mem, places, { n, b, k, index: layoutIndex(k) }, plainNative(mem));
  return shapes.map((s, i) =>
    backend.makeTensorInfo(s, 'float32', mem.slice(outAt[i], outAt[i] + sizeOf(s))),
  );
}

interface WasmInternals {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  disposeData(dataId: object): boolean;
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  wasm: HeapOwner & {
    HEAPF32: Float32Array;
    _malloc(bytes: number): number;
    _free(pointer: number): void;
  };
}

function wasmKernel(args: KernelArgs): tf.TensorInfo[] {
  const backend = args.backend as WasmInternals;
  const k = args.attrs as unknown as Attrs;
  const ins = orderedInputs(args.inputs, k);
  const [n, b] = ins[0].shape as [number, number];
  const outs = outputShapes(
    n,
    ins.slice(2).map((t) => t.shape),
    k,
  ).map((s) => backend.makeOutput(s, 'float32'));
  const fail = (error: unknown): never => {
    // The outputs are the kernel's until it returns them: freed here, or they would stay on the heap.
    for (const t of outs) backend.disposeData(t.dataId);
    throw error;
  };
  const floatAt = (t: tf.TensorInfo) =>
    (backend.dataIdMap.get(t.dataId) as { memoryOffset: number }).memoryOffset / 4;
  // Sized first with a dummy start, then placed in one malloc'd block (16-byte aligned).
  const size = place(b, k, ins.map(floatAt), outs.map(floatAt), 0).scratch;
  // Unsigned: past 2 GiB the pointer would read as negative. 0 is emscripten's "the heap cannot grow".
  const pointer = backend.wasm._malloc(size * 4 + 16) >>> 0;
  if (pointer === 0) fail(new Error("wasm could not allocate the network kernel's scratch: out of memory"));
  try {
    const start = Math.ceil(pointer / 16) * 4;
    const { places } = place(b, k, ins.map(floatAt), outs.map(floatAt), start);
    // Taken after every allocation (one may grow the heap and detach older views), and from the
    // memory itself: the threaded build's HEAPF32 can lag behind a grown heap.
    const memory = heapMemory(backend.wasm);
    const mem = memory ? new Float32Array(memory.buffer) : backend.wasm.HEAPF32;
    const gemm = memory ? simdGemmFor(memory) : null;
    const activations = memory ? simdActivationsFor(memory) : null;
    const elementwise = memory ? simdElementwiseFor(memory) : null;
    const native: Native = { ...plainNative(mem) };
    if (gemm) native.gemm = (g) => gemm(g, places.gemmScratch);
    if (activations) Object.assign(native, activations);
    if (elementwise) Object.assign(native, elementwise);
    pass(mem, places, { n, b, k, index: layoutIndex(k) }, native);
  } catch (error) {
    fail(error);
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
 * Above this many elements in one model's widest layer ([batch, units]) the kernel stops paying: its
 * blocks outgrow the cache, while XNNPACK's products stay fast. Measured in Node on wasm (ms per step,
 * network kernel / per-layer kernels, batch-norm relu nets on digits, Adam, best of two): [100,100] at
 * mini-batch 128 (12 800 elements) 1.9 / 4.2; at 512 (51 200) 6.4 / 10.9; [256,256] at 256 (65 536)
 * 7.7 / 12.4, and 8 such models 58 / 94; at 512 (131 072) 25 / 23.
 */
export const NETWORK_MAX_ELEMENTS = 65_536;

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
  // The kernel reads x and the targets as float32 blocks of exactly these shapes.
  if (x.dtype !== 'float32' || targets.dtype !== 'float32') return false;
  if (x.shape[2] !== net.inputs || targets.shape[1] !== b || targets.shape[2] !== net.outputs) return false;
  const widest = Math.max(net.inputs, net.outputs, ...net.hidden) * b;
  return fusionAvailable(widest, NETWORK_MAX_ELEMENTS);
}
