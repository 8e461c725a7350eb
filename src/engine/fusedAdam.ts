// Adam's whole update as one kernel on the backends that run JavaScript over their memory (cpu, and
// wasm through its heap). For the small nets the time goes per kernel, not per flop (~7–12 µs each on
// wasm), and the unfused rule is 12 kernels over the flat parameter memory of a group. The loop does
// the same float32 operations in the same order as those kernels (Math.fround after each one), so it
// gives their numbers exactly; updateRules.test.ts and fusedAdam.test.ts hold it to them.
import type { Tensor } from './forward';
import { type Planner, registerFused } from './fusedKernel';
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

/** One plan for both backends (fusedKernel.ts holds the backends' internals): inputs in INPUTS order. */
const plan: Planner = (named) => {
  const inputs = INPUTS.map((name) => named[name] as tf.TensorInfo);
  const shape = inputs[0].shape;
  return {
    inputs,
    outputs: [shape, shape, shape],
    compute: (values, outs) => update(values, outs, inputs[4].shape[0] ?? 1),
  };
};

const register = () => registerFused(FUSED_ADAM, plan);

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
