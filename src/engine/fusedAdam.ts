// Adam's whole update as one kernel on the backends that run JavaScript over their memory (cpu, and
// wasm through its heap). For the small nets the time goes per kernel, not per flop (~7–12 µs each on
// wasm), and the unfused rule is 12 kernels over the flat parameter memory of a group. The loop does
// the same float32 operations in the same order as those kernels (Math.fround after each one), so it
// gives their numbers exactly; updateRules.test.ts and fusedAdam.test.ts hold it to them.
import type { Tensor } from './forward';
import { tf } from './tf';

export const FUSED_ADAM = 'PlaygroundFusedAdam';

const INPUTS = [
  'param',
  'grad',
  'v',
  's',
  'stepSize',
  'beta1',
  'oneMinusBeta1',
  'beta2',
  'oneMinusBeta2',
  'epsilon',
];

type Arrays = Float32Array[];

/** param, v, s are [N, …] (flat per model), the hyperparameters [N, 1, 1]: one value per model. */
function update(inputs: Arrays, outputs: Arrays, models: number): void {
  const [param, grad, v, s, stepSize, beta1, oneMinusBeta1, beta2, oneMinusBeta2, epsilon] = inputs;
  const [paramOut, vOut, sOut] = outputs;
  const f = Math.fround;
  const per = param.length / models;
  for (let m = 0; m < models; m++) {
    const a = stepSize[m];
    const b1 = beta1[m];
    const c1 = oneMinusBeta1[m];
    const b2 = beta2[m];
    const c2 = oneMinusBeta2[m];
    const e = epsilon[m];
    for (let i = m * per, end = i + per; i < end; i++) {
      const g = grad[i];
      // v := β1·v + (1 − β1)·g;  s := β2·s + (1 − β2)·g²;  W := W − a·v/(sqrt(s) + ε)
      const vNext = f(f(b1 * v[i]) + f(c1 * g));
      const sNext = f(f(b2 * s[i]) + f(c2 * f(g * g)));
      const step = f(vNext / f(f(Math.sqrt(sNext)) + e));
      paramOut[i] = f(param[i] - f(a * step));
      vOut[i] = vNext;
      sOut[i] = sNext;
    }
  }
}

type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown };

interface CpuInternals {
  data: { get(dataId: object): { values: Float32Array } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
}

interface WasmInternals {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
}

const infos = (args: KernelArgs) => INPUTS.map((name) => args.inputs[name] as tf.TensorInfo);

function cpuKernel(args: KernelArgs): tf.TensorInfo[] {
  const backend = args.backend as CpuInternals;
  const ins = infos(args);
  const values = ins.map((t) => backend.data.get(t.dataId).values);
  const outs = [0, 1, 2].map(() => new Float32Array(values[0].length));
  update(values, outs, ins[4].shape[0] ?? 1);
  return outs.map((o) => backend.makeTensorInfo(ins[0].shape, 'float32', o));
}

function wasmKernel(args: KernelArgs): tf.TensorInfo[] {
  const backend = args.backend as WasmInternals;
  const ins = infos(args);
  const outs = [0, 1, 2].map(() => backend.makeOutput(ins[0].shape, 'float32'));
  // Views of the heap, taken after every allocation (an allocation may grow the heap and detach them).
  update(
    ins.map((t) => backend.typedArrayFromHeap(t)),
    outs.map((t) => backend.typedArrayFromHeap(t)),
    ins[4].shape[0] ?? 1,
  );
  return outs;
}

let registered = false;

function register(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({ kernelName: FUSED_ADAM, backendName: 'cpu', kernelFunc: cpuKernel as tf.KernelFunc });
  tf.registerKernel({ kernelName: FUSED_ADAM, backendName: 'wasm', kernelFunc: wasmKernel as tf.KernelFunc });
}

let enabled = true;

/** For the bench and tests: run Adam as tfjs's separate kernels instead. */
export function setFusedAdam(value: boolean): void {
  enabled = value;
}

/** Whether the active backend runs the fused update (WebGL keeps its own kernels). */
export function fusedAdamAvailable(): boolean {
  const name = tf.getBackend();
  return enabled && (name === 'cpu' || name === 'wasm');
}

export interface AdamInputs {
  param: Tensor;
  grad: Tensor;
  v: Tensor;
  s: Tensor;
  /** [N, 1, 1] each. */
  stepSize: Tensor;
  beta1: Tensor;
  oneMinusBeta1: Tensor;
  beta2: Tensor;
  oneMinusBeta2: Tensor;
  epsilon: Tensor;
}

/** One Adam step in one kernel (fusedAdamAvailable() first): the new parameter and memories. */
export function fusedAdam(inputs: AdamInputs): { param: Tensor; v: Tensor; s: Tensor } {
  register();
  const [param, v, s] = tf.engine().runKernel(FUSED_ADAM, { ...inputs }) as Tensor[];
  return { param, v, s };
}
