// Random inputs for the engine's gradient tests (backprop.test.ts, fusedNetwork.test.ts): stacked
// parameters, mini-batches and targets from the project's seeded generator.
import type { createRng } from '../core/rng';
import type { ParamInfo } from './modelState';
import { tf } from './tf';

export type Rng = ReturnType<typeof createRng>;

/** Uniform values in (−scale, scale). */
export function randomTensor(shape: number[], rng: Rng, scale = 1): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, () => (2 * rng.next() - 1) * scale),
    shape,
  );
}

/** Random targets [models, batch, outputs]: 0/1 for one output, one-hot rows otherwise. */
export function randomTargets(models: number, batch: number, outputs: number, rng: Rng): tf.Tensor {
  const values = new Float32Array(models * batch * outputs);
  for (let row = 0; row < models * batch; row++) {
    if (outputs === 1) values[row] = rng.next() < 0.5 ? 0 : 1;
    else values[row * outputs + Math.floor(rng.next() * outputs)] = 1;
  }
  return tf.tensor3d(values, [models, batch, outputs]);
}

/** Stacked parameters for `models` models: γ near 1, weights up to ±0.8, the rest up to ±0.3. */
export function randomParams(layout: ParamInfo[], models: number, rng: Rng): tf.Tensor[] {
  return layout.map((p) =>
    p.kind === 'bnGamma'
      ? tf.add(1, randomTensor([models, ...p.shape], rng, 0.3))
      : randomTensor([models, ...p.shape], rng, p.kind === 'weight' ? 0.8 : 0.3),
  );
}
