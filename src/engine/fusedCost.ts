// A two-class network's output layer in training, as one kernel: the logit z = a·W + b from the product,
// each model's mean cost (binary cross-entropy, softplus(z) − z·y, averaged over its mini-batch), the
// gradient dJ/dz = (σ(z) − y)/b and the bias gradient (its column sum). Unfused that is 9 kernels
// (backprop.ts, forward.ts's costPerModel). Sigmoid and softplus are the backend's own (native on wasm,
// see fusedKernel.ts); every other op repeats tfjs's float32 arithmetic in its order, so the kernel gives
// the separate kernels' numbers bit for bit (fusedStep.test.ts).
import type { Tensor } from './forward';
import { type Backend, meanOf, type Native, registerFused, runFused, sumOf } from './fusedKernel';
import type { tf } from './tf';

export const FUSED_BINARY_OUTPUT = 'PlaygroundBinaryOutput';

function output(
  ins: Float32Array[],
  outs: Float32Array[],
  backend: Backend,
  native: Native,
  n: number,
): void {
  const f = Math.fround;
  const [product, bias, targetsView] = ins;
  // Read before the native calls, which may detach the input views.
  const targets = targetsView.slice();
  const b = targets.length / n;
  let [logits] = outs;
  for (let m = 0; m < n; m++) for (let j = 0; j < b; j++) logits[m * b + j] = f(product[m * b + j] + bias[m]);
  // perExample = softplus(z) − z·y (into dz's buffer), cost = its mean per model.
  let views = native('Softplus', 0, 1);
  [logits] = views;
  let dz = views[1];
  for (let i = 0; i < dz.length; i++) dz[i] = f(dz[i] - f(logits[i] * targets[i]));
  const cost = views[3];
  for (let m = 0; m < n; m++) cost[m] = meanOf(backend, b, (j) => dz[m * b + j]);
  // dJ/dz = (σ(z) − y) · (1/b), and the bias gradient Σ over the batch.
  views = native('Sigmoid', 0, 1);
  dz = views[1];
  const biasGrad = views[2];
  const r = f(1 / b);
  for (let i = 0; i < dz.length; i++) dz[i] = f(f(dz[i] - targets[i]) * r);
  for (let m = 0; m < n; m++) biasGrad[m] = sumOf(backend, b, (j) => dz[m * b + j]);
}

function plan(inputs: tf.NamedTensorInfoMap) {
  const product = inputs.product as tf.TensorInfo;
  const n = product.shape[0];
  return {
    inputs: [product, inputs.bias as tf.TensorInfo, inputs.targets as tf.TensorInfo],
    outputs: [product.shape, product.shape, [n, 1, 1], [n]],
    compute: (ins: Float32Array[], outs: Float32Array[], backend: Backend, native: Native) =>
      output(ins, outs, backend, native, n),
  };
}

export interface BinaryOutput {
  logits: Tensor;
  /** dJ/dz [N, batch, 1]. */
  dz: Tensor;
  /** [N, 1, 1]. */
  bias: Tensor;
  /** Each model's mean cost on its mini-batch, [N]. */
  cost: Tensor;
}

/** product = a·W [N, batch, 1], bias [N, 1, 1], targets [N, batch, 1] (fusionAvailable() first). */
export function fusedBinaryOutput(product: Tensor, bias: Tensor, targets: Tensor): BinaryOutput {
  registerFused(FUSED_BINARY_OUTPUT, plan);
  const [logits, dz, grad, cost] = runFused(FUSED_BINARY_OUTPUT, { product, bias, targets }, {});
  return { logits, dz, bias: grad, cost };
}
