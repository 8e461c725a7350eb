// The SIMD kernels' module (kernels/*.ts, built into gemmWasm.ts) instantiated on a
// WebAssembly.Memory, normally tfjs-wasm's own heap: one instance per memory, shared by the product
// (simdGemm.ts), the activations (simdActivations.ts), the elementwise loops (simdElementwise.ts) and
// the update rules (simdUpdate.ts).
import { GEMM_WASM_PLAIN, GEMM_WASM_SHARED } from './gemmWasm';

/** The module's exports; pointers are BYTE addresses in the memory. */
export interface SimdExports {
  gemm(
    a: number,
    b: number,
    c: number,
    models: number,
    rows: number,
    inner: number,
    cols: number,
    aStride: number,
    bStride: number,
    cStride: number,
    transA: number,
    transB: number,
    scratch: number,
  ): void;
  sigmoid(from: number, to: number, count: number): void;
  tanh(from: number, to: number, count: number): void;
  exp(from: number, to: number, count: number): void;
  /** elementwise.ts's loops: sizes in floats, activation kinds as its codes. */
  biasAdd(z: number, bias: number, rows: number, units: number): void;
  columnSums(from: number, to: number, rows: number, units: number): void;
  slopeSums(kind: number, d: number, a: number, zt: number, rows: number, units: number, sums: number): void;
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
  batchNormBackward(
    kind: number,
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
  /** update.ts's rules: counts in floats, hyperparameters as float32. */
  sgd(param: number, grad: number, out: number, count: number, lr: number): void;
  momentum(
    param: number,
    grad: number,
    v: number,
    out: number,
    vOut: number,
    count: number,
    lr: number,
    beta: number,
    oneMinusBeta: number,
  ): void;
  rmsprop(
    param: number,
    grad: number,
    s: number,
    out: number,
    sOut: number,
    count: number,
    lr: number,
    beta2: number,
    oneMinusBeta2: number,
    epsilon: number,
  ): void;
  adam(
    param: number,
    grad: number,
    v: number,
    s: number,
    out: number,
    vOut: number,
    sOut: number,
    count: number,
    stepSize: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    epsilon: number,
  ): void;
  runningAverage(running: number, stat: number, out: number, count: number, keep: number, take: number): void;
}

const instances = new WeakMap<WebAssembly.Memory, SimdExports | null>();
// One compiled module per variant, null where this engine rejects it (no SIMD, or no threads).
const modules = new Map<string, WebAssembly.Module | null>();

function moduleFor(base64: string): WebAssembly.Module | null {
  let mod = modules.get(base64);
  if (mod === undefined) {
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    // Synchronous compile is fine: the binary is a few kilobytes, and workers and Node allow it.
    mod = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    modules.set(base64, mod);
  }
  return mod;
}

/** True where the memory is shared (the threaded tfjs-wasm build), which needs the shared variant. */
function isShared(memory: WebAssembly.Memory): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
}

/**
 * The kernels bound to `memory`, or null where WebAssembly SIMD (or, for a shared memory, threads) is
 * unsupported or the module will not bind to this memory. Cached per memory.
 */
export function simdExportsFor(memory: WebAssembly.Memory): SimdExports | null {
  const cached = instances.get(memory);
  if (cached !== undefined) return cached;
  let exports: SimdExports | null = null;
  const mod = moduleFor(isShared(memory) ? GEMM_WASM_SHARED : GEMM_WASM_PLAIN);
  if (mod) {
    try {
      exports = new WebAssembly.Instance(mod, { env: { memory } }).exports as unknown as SimdExports;
    } catch {
      // A memory the import cannot accept: the exact JavaScript code still works.
      exports = null;
    }
  }
  instances.set(memory, exports);
  return exports;
}

/** What of tfjs-wasm's module names its heap (its typings leave both off). */
export interface HeapOwner {
  asm?: { memory?: WebAssembly.Memory };
  wasmMemory?: WebAssembly.Memory;
}

/**
 * tfjs-wasm's heap as a WebAssembly.Memory: exported by its single-threaded build (`Module.asm.memory`),
 * made in JavaScript, shared, by the threaded one (`Module.wasmMemory`). Undefined where neither is.
 */
export function heapMemory(wasm: HeapOwner | undefined): WebAssembly.Memory | undefined {
  return wasm?.asm?.memory ?? wasm?.wasmMemory;
}
