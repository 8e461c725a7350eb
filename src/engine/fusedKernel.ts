// What the engine's fused kernels share: a kernel written once as a JavaScript loop over Float32Arrays,
// registered for the two backends whose memory JavaScript can read (cpu: its typed arrays; wasm: views
// of its heap). For these small nets a step's time goes per kernel (~7–12 µs of tfjs bookkeeping each
// on wasm), so one loop that does the work of a dozen kernels pays even though it is plain JavaScript.
// The loops repeat the unfused ops' float32 arithmetic (Math.fround after each op) so they give the same
// numbers; the one place the backends differ is a sum (see sumOf). WebGL keeps tfjs's own kernels.
import { heapUpdateLoops } from './simd/simdUpdate';
import { tf } from './tf';

export type Backend = 'cpu' | 'wasm';

/**
 * The backend's own sigmoid or softplus from one output buffer into another (they may be the same),
 * for where its numbers are not JavaScript's formula: wasm's come from native code (XNNPACK, libm), so
 * a loop could not give them. It returns fresh views of the outputs (a call may grow the wasm heap and
 * detach the old views, the inputs' too: read inputs before calling it).
 */
export type Native = (op: 'Sigmoid' | 'Softplus', from: number, to: number) => Float32Array[];

export interface FusedPlan {
  /** The input tensors whose values `compute` reads, in order. */
  inputs: tf.TensorInfo[];
  /** The shape of each output (all float32). */
  outputs: number[][];
  compute(inputs: Float32Array[], outputs: Float32Array[], backend: Backend, native: Native): void;
}

type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap };
export type Planner = (inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap) => FusedPlan;

interface CpuInternals {
  data: { get(dataId: object): { values: Float32Array } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
}

interface WasmInternals {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
  dataIdMap: { get(dataId: object): { id: number } | undefined };
  wasm: { cwrap(name: string, returns: null, args: string[]): unknown };
}

type WasmUnary = (xId: number, outId: number) => void;

/** cwrap'd once per wasm module (a worker has one; a test may start another). */
const wasmUnaries = new WeakMap<object, Record<string, WasmUnary>>();

/** The wasm module's own kernel functions, as tfjs-wasm's Sigmoid.js and unary_kernel.js call them. */
function wasmUnary(backend: WasmInternals, op: 'Sigmoid' | 'Softplus'): WasmUnary {
  let fns = wasmUnaries.get(backend.wasm);
  if (!fns) {
    const { wasm } = backend;
    const sigmoid = wasm.cwrap('Sigmoid', null, ['number', 'number']) as WasmUnary;
    const softplus = wasm.cwrap('Softplus', null, ['number', 'number', 'number']) as (
      x: number,
      dtype: number,
      out: number,
    ) => void;
    // dtype 0 is float32 in tfjs-wasm's CppDType.
    fns = { Sigmoid: sigmoid, Softplus: (x, out) => softplus(x, 0, out) };
    wasmUnaries.set(backend.wasm, fns);
  }
  return fns[op];
}

// tfjs-backend-cpu's softplus (kernels/Softplus.js): overflow-safe, in a double.
const SOFTPLUS_THRESHOLD = Math.log(1.1920928955078125e-7) + 2.0;

function softplus(x: number): number {
  if (x < SOFTPLUS_THRESHOLD) return Math.exp(x);
  if (x > -SOFTPLUS_THRESHOLD) return x;
  return Math.log(1.0 + Math.exp(x));
}

/** tfjs's cpu kernels: 1/(1 + e^−x) and softplus in a double, stored as float32. */
function cpuNative(outs: Float32Array[]): Native {
  return (op, from, to) => {
    const x = outs[from];
    const y = outs[to];
    if (op === 'Sigmoid') for (let i = 0; i < x.length; i++) y[i] = 1 / (1 + Math.exp(-x[i]));
    else for (let i = 0; i < x.length; i++) y[i] = softplus(x[i]);
    return outs;
  };
}

const sizeOf = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

function cpuKernel(plan: Planner) {
  return (args: KernelArgs): tf.TensorInfo[] => {
    const backend = args.backend as CpuInternals;
    const p = plan(args.inputs, args.attrs ?? {});
    const ins = p.inputs.map((t) => backend.data.get(t.dataId).values);
    const outs = p.outputs.map((shape) => new Float32Array(sizeOf(shape)));
    p.compute(ins, outs, 'cpu', cpuNative(outs));
    return outs.map((o, i) => backend.makeTensorInfo(p.outputs[i], 'float32', o));
  };
}

function wasmKernel(plan: Planner) {
  return (args: KernelArgs): tf.TensorInfo[] => {
    const backend = args.backend as WasmInternals;
    const p = plan(args.inputs, args.attrs ?? {});
    const outs = p.outputs.map((shape) => backend.makeOutput(shape, 'float32'));
    // Views of the heap, taken after every allocation (an allocation may grow the heap and detach them).
    const views = () => outs.map((t) => backend.typedArrayFromHeap(t));
    const id = (t: tf.TensorInfo) => (backend.dataIdMap.get(t.dataId) as { id: number }).id;
    const native: Native = (op, from, to) => {
      wasmUnary(backend, op)(id(outs[from]), id(outs[to]));
      return views();
    };
    p.compute(
      p.inputs.map((t) => backend.typedArrayFromHeap(t)),
      views(),
      'wasm',
      native,
    );
    return outs;
  };
}

const registered = new Set<string>();

/** Registers a fused kernel for cpu and wasm once (later calls do nothing). */
export function registerFused(kernelName: string, plan: Planner): void {
  if (registered.has(kernelName)) return;
  registered.add(kernelName);
  tf.registerKernel({ kernelName, backendName: 'cpu', kernelFunc: cpuKernel(plan) as tf.KernelFunc });
  tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: wasmKernel(plan) as tf.KernelFunc });
}

let enabled = true;

/** For the bench and tests: run the step as tfjs's separate kernels instead of the fused ones. */
export function setFusion(value: boolean): void {
  enabled = value;
}

/**
 * Above these many elements a fused loop loses to the separate kernels: JavaScript takes a few ns per
 * element and pass, wasm's vectorised kernels much less, so past a point the per-kernel overhead saved
 * (~5–10 µs a kernel) is smaller than the loop's own time. Measured in Node on wasm, best of 30
 * (fused / separate kernels): a batch-norm layer's forward pass [1, 32, 16] 58 / 133 µs, [1, 60, 30]
 * 87 / 113, [1, 60, 100] 138 / 80, [4, 60, 100] 507 / 176, its backward pass alike (37 / 122, 81 / 84,
 * 125 / 102, 458 / 179). The route may depend on N: a fused kernel gives the separate kernels'
 * numbers bit for bit, so a model follows the same trajectory alone and in a population either way.
 */
export const FUSED_LAYER_MAX_ELEMENTS = 4_096;
/**
 * The update kernel's limit where its loops are JavaScript on wasm (no SIMD, or setSimdUpdate(false)):
 * fused JS / separate kernels, SGD 28 010 parameters 90 / 84 µs, 108 528 309 / 155; Adam 10 784
 * 212 / 198, 27 710 715 / 625. With the SIMD loops (kernels/update.ts) there is no limit: the fused
 * update wins at every size measured (bench/updateProfile.test.ts, Node, wasm, best of 30, fused
 * SIMD / separate kernels): SGD 337 20 / 69 µs, 10 784 33 / 67, 27 710 25 / 84, 108 528 57 / 155,
 * 886 720 537 / 1114; Adam (separate: flatten, fusedAdam.ts's SIMD kernel, split) 337 21 / 89,
 * 10 784 61 / 198, 27 710 57 / 625, 108 528 272 / 1115, 886 720 1321 / 8474. On cpu neither: its
 * separate kernels are JavaScript too and lose everywhere (SGD 886 720 3.1 / 125 ms, Adam 13 / 481).
 */
export const FUSED_UPDATE_MAX_ELEMENTS = 16_384;

const limits: { layer: number; update: number | undefined } = {
  layer: FUSED_LAYER_MAX_ELEMENTS,
  update: undefined,
};

/** For the bench: move the size limits (undefined: back to the defaults above). */
export function setFusionLimits(layer?: number, update?: number): void {
  limits.layer = layer ?? FUSED_LAYER_MAX_ELEMENTS;
  limits.update = update;
}

/**
 * The size limit of the update kernel (fusedUpdate.ts), as set, or by default none except on wasm
 * without the SIMD loops: FUSED_UPDATE_MAX_ELEMENTS.
 */
export const updateLimit = (): number =>
  limits.update ??
  (tf.getBackend() === 'wasm' && !heapUpdateLoops([]) ? FUSED_UPDATE_MAX_ELEMENTS : Number.POSITIVE_INFINITY);

/** tfjs's engine records a tape only inside tf.grad/tf.grads (EngineState.activeTape, tfjs-core 4.22). */
function recordingTape(): boolean {
  return (tf.engine() as unknown as { state: { activeTape?: unknown[] | null } }).state.activeTape != null;
}

/**
 * Whether the active backend runs the fused kernels (WebGL keeps its own) for tensors of this size
 * (a layer's [N, batch, units] by default).
 * Never under a gradient tape (inspection differentiates the forward pass): the fused kernels have
 * no gradients, tfjs's ops do.
 */
export function fusionAvailable(elements = 0, limit = limits.layer): boolean {
  const name = tf.getBackend();
  return enabled && (name === 'cpu' || name === 'wasm') && elements <= limit && !recordingTape();
}

/** Runs a registered fused kernel; its outputs in the plan's order. */
export function runFused(kernelName: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap): tf.Tensor[] {
  return tf.engine().runKernel(kernelName, inputs, attrs) as tf.Tensor[];
}

/**
 * A mean over `count` values, rounded as the backend's Mean kernel does it: wasm sums in float32 and
 * divides (Mean.cc), the cpu backend divides each value first (float32) and sums those in a double.
 */
export function meanOf(backend: Backend, count: number, at: (j: number) => number): number {
  const f = Math.fround;
  if (backend === 'wasm') return f(sumOf(backend, count, at) / count);
  let sum = 0;
  for (let j = 0; j < count; j++) sum += f(at(j) / count);
  return f(sum);
}

/**
 * A sum over `count` values read by `at(j)`, rounded as the backend's Sum kernel rounds it: wasm adds
 * in float32 from 0 (Sum.cc), the cpu backend adds in a JavaScript double and rounds once at the end.
 */
export function sumOf(backend: Backend, count: number, at: (j: number) => number): number {
  const f = Math.fround;
  let sum = 0;
  if (backend === 'wasm') for (let j = 0; j < count; j++) sum = f(sum + at(j));
  else for (let j = 0; j < count; j++) sum += at(j);
  return f(sum);
}
