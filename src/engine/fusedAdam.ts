// Adam's whole update as one kernel on the backends that run JavaScript over their memory (cpu, and
// wasm through its heap). For the small nets the time goes per kernel, not per flop (~7–12 µs each on
// wasm), and the unfused rule is 12 kernels over the flat parameter memory of a group. The loop does
// the same float32 operations in the same order as those kernels (Math.fround after each one), so it
// gives their numbers exactly; updateRules.test.ts and fusedAdam.test.ts hold it to them. It is
// fusedUpdate.ts's Adam loop (updateLoopsJs), on wasm its SIMD twin (kernels/update.ts).
import type { Tensor } from './forward';
import { type Planner, registerFused } from './fusedKernel';
import { type UpdateLoops, updateLoopsJs } from './fusedUpdate';
import { heapUpdateLoops } from './simd/simdUpdate';
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
function update(inputs: Arrays, outputs: Arrays, models: number, loops: UpdateLoops): void {
  const [param, grad, v, s, stepSize, beta1, oneMinusBeta1, beta2, oneMinusBeta2, epsilon] = inputs;
  const [paramOut, vOut, sOut] = outputs;
  const per = param.length / models;
  // v := β1·v + (1 − β1)·g;  s := β2·s + (1 − β2)·g²;  W := W − a·v/(sqrt(s) + ε), per model.
  for (let m = 0; m < models; m++) {
    const i = m * per;
    loops.adam(
      param,
      grad,
      v,
      s,
      paramOut,
      vOut,
      sOut,
      i,
      i,
      per,
      stepSize[m],
      beta1[m],
      oneMinusBeta1[m],
      beta2[m],
      oneMinusBeta2[m],
      epsilon[m],
    );
  }
}

/** One plan for both backends (fusedKernel.ts holds the backends' internals): inputs in INPUTS order. */
const plan: Planner = (named) => {
  const inputs = INPUTS.map((name) => named[name] as tf.TensorInfo);
  const shape = inputs[0].shape;
  return {
    inputs,
    outputs: [shape, shape, shape],
    compute: (values, outs, backend) => {
      // On wasm the loop in SIMD (kernels/update.ts), the same numbers.
      const loops = (backend === 'wasm' && heapUpdateLoops([...values, ...outs])) || updateLoopsJs;
      update(values, outs, inputs[4].shape[0] ?? 1, loops);
    },
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
