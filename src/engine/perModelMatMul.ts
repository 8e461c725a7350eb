// The stacked population's matrix products at the backend's 2-D rate. tfjs-wasm 4.22 sends a batched
// matMul ([N, b, k]×[N, k, m]) and any product with transposeA/transposeB to its slow scalar loops
// (2.3 GFLOP/s on [32,60,100]×[32,100,100], 1.4 with transposeA), and only a plain 2-D product to
// XNNPACK (≈30 GFLOP/s). Slicing the stack to get 2-D operands costs more than it saves there (a
// wasm Slice copies: ~12 ms for 32 slices of [60,100]). So this kernel hands XNNPACK N 2-D products
// on *views* of the stacked buffers: it registers a temporary tensor id per model at the model's
// offset in the wasm heap (no copy), multiplies, and forgets the ids. Transposes are done
// explicitly before (one Transpose kernel is cheap next to the slow path). Reductions over the batch
// axis stay tfjs's own: a product with a row of ones was measured 2–4× slower than wasm's Sum.
// On the CPU and WebGL backends tfjs's own batched matMul stays: it is their fast path.
import type { Tensor } from './forward';
import { tf } from './tf';

export const PER_MODEL_MATMUL = 'PlaygroundPerModelMatMul';

type WasmMatMul = (
  aId: number,
  aShape: Uint8Array,
  aRank: number,
  bId: number,
  bShape: Uint8Array,
  bRank: number,
  transposeA: number,
  transposeB: number,
  outId: number,
) => void;

/**
 * What this kernel uses of tfjs-wasm's backend (BackendWasm in 4.22; its typings keep
 * dataIdNextNumber private and leave cwrap off the module type).
 */
interface WasmInternals {
  dataIdNextNumber: number;
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  wasm: {
    cwrap(name: string, returns: null, args: string[]): unknown;
    tfjs: { registerTensor(id: number, size: number, offset: number): void; disposeData(id: number): void };
  };
}

/** cwrap'd once per wasm module (a worker has one; a test may start another). */
const wrapped = new WeakMap<object, WasmMatMul>();

function wasmMatMul(backend: WasmInternals): WasmMatMul {
  let fn = wrapped.get(backend.wasm);
  if (!fn) {
    fn = backend.wasm.cwrap('BatchMatMul', null, [
      'number',
      'array',
      'number',
      'number',
      'array',
      'number',
      'number',
      'number',
      'number',
    ]) as WasmMatMul;
    wrapped.set(backend.wasm, fn);
  }
  return fn;
}

const shapeBytes = (shape: number[]) => new Uint8Array(new Int32Array(shape).buffer);

/**
 * a [N, m, k] (or [m, k]: the same input for every model) times b [N, k, n] → [N, m, n], one 2-D
 * XNNPACK product per model on views of a and b.
 */
function perModelMatMulWasm(args: { inputs: tf.NamedTensorInfoMap; backend: unknown }): tf.TensorInfo {
  const backend = args.backend as WasmInternals;
  const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const shared = a.shape.length === 2;
  const [m, k] = shared ? a.shape : a.shape.slice(1);
  const [n, , cols] = b.shape;
  const out = backend.makeOutput([n, m, cols], 'float32');
  const offset = (t: tf.TensorInfo) => backend.dataIdMap.get(t.dataId)!.memoryOffset;
  const aAt = offset(a);
  const bAt = offset(b);
  const outAt = offset(out);
  const matMul = wasmMatMul(backend);
  const aShape = shapeBytes([1, m, k]);
  const bShape = shapeBytes([1, k, cols]);
  const { tfjs } = backend.wasm;
  for (let i = 0; i < n; i++) {
    const ids = [backend.dataIdNextNumber++, backend.dataIdNextNumber++, backend.dataIdNextNumber++];
    tfjs.registerTensor(ids[0], m * k, aAt + (shared ? 0 : i * m * k * 4));
    tfjs.registerTensor(ids[1], k * cols, bAt + i * k * cols * 4);
    tfjs.registerTensor(ids[2], m * cols, outAt + i * m * cols * 4);
    matMul(ids[0], aShape, 3, ids[1], bShape, 3, 0, 0, ids[2]);
    // Forgets the views (and any operator XNNPACK cached for them); the memory stays the tensors'.
    for (const id of ids) tfjs.disposeData(id);
  }
  return out;
}

let registered = false;

function register(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({ kernelName: PER_MODEL_MATMUL, backendName: 'wasm', kernelFunc: perModelMatMulWasm });
  // Only inspection differentiates the forward pass with the tape (training has its own backprop):
  // the gradients of c = a·b with tfjs's batched products.
  tf.registerGradient({
    kernelName: PER_MODEL_MATMUL,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved) => {
      const [a, b] = saved;
      const d = dy as Tensor;
      return {
        a: () => {
          const da = tf.matMul(d, b, false, true);
          return a.rank === 2 ? tf.sum(da, 0) : da;
        },
        b: () => tf.matMul(a, d, true, false),
      };
    },
  });
}

let override: boolean | undefined;

/** For the bench and tests: force the per-model route on or off (undefined: by backend). */
export function setProductsPerModel(value: boolean | undefined): void {
  override = value;
}

/** Whether the active backend has its fast product only in 2-D (see the file's comment). */
export function productsPerModel(): boolean {
  return tf.getBackend() === 'wasm' && (override ?? true);
}

/**
 * Below this many FLOP per model's product the batched loop is kept. Each XNNPACK call creates an
 * operator and packs its weights (~5 µs); measured in Node (best of 40, N = 24), per-model products
 * won at every size tried: 16 kFLOP ([32,16]×[16,16]) 147 µs against 286 batched, 66 kFLOP 206 against
 * 903, 131 kFLOP 360 against 1 904, with the transposed products alike. Smaller ones (the spiral net's
 * 2-input and 1-output layers) were not measured and stay batched.
 * The rule looks at one model's product only, never at N, so that a model takes the same route (and
 * the same rounding) alone as in a population.
 */
export const PER_MODEL_MIN_FLOP = 4_000;

function productFlop(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): number {
  const rows = a.shape[a.rank - (transposeA ? 1 : 2)] ?? 1;
  const inner = a.shape[a.rank - (transposeA ? 2 : 1)] ?? 1;
  const cols = b.shape[transposeB ? 1 : 2] ?? 1;
  return 2 * rows * inner * cols;
}

const swapLast = (t: Tensor) => tf.transpose(t, t.rank === 3 ? [0, 2, 1] : [1, 0]);

/**
 * The stacked product op(a)·op(b) with op = transpose where asked: a is [N, ·, ·] or 2-D (shared by
 * every model), b is [N, ·, ·]. Same numbers as tf.matMul up to summation order.
 */
export function stackedMatMul(a: Tensor, b: Tensor, transposeA = false, transposeB = false): Tensor {
  if (!productsPerModel() || b.rank !== 3 || (a.rank === 3 && a.shape[0] !== b.shape[0]))
    return tf.matMul(a, b, transposeA, transposeB);
  if (productFlop(a, b, transposeA, transposeB) < PER_MODEL_MIN_FLOP)
    return tf.matMul(a, b, transposeA, transposeB);
  return perModelProduct(a, b, transposeA, transposeB);
}

/** The wasm kernel itself, whatever the size (stackedMatMul decides when it pays). */
export function perModelProduct(a: Tensor, b: Tensor, transposeA = false, transposeB = false): Tensor {
  register();
  // The explicit transposes are temporaries: tidy frees them whoever calls, keeping only the product.
  return tf.tidy(() => {
    const left = transposeA ? swapLast(a) : a;
    const right = transposeB ? swapLast(b) : b;
    return tf.engine().runKernel(PER_MODEL_MATMUL, { a: left, b: right }) as Tensor;
  });
}
