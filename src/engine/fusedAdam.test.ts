// The fused Adam kernel (fusedAdam.ts) against the same rule as tfjs's separate kernels
// (updateRules.ts with fusion off), on both backends that run in Node.
import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import { fusedAdamAvailable, setFusedAdam } from './fusedAdam';
import { NODE_BACKENDS } from './testBackend';
import { tf } from './tf';
import { adamFold, applyUpdate, type UpdateHyper } from './updateRules';

const rng = createRng(11);
const random = (shape: number[], scale = 1, offset = 0) =>
  tf.tensor(
    Float32Array.from(
      { length: shape.reduce((a, b) => a * b, 1) },
      () => offset + scale * (2 * rng.next() - 1),
    ),
    shape,
  );

function hyper(): UpdateHyper {
  const col = (values: number[]) => tf.tensor3d(values, [3, 1, 1]);
  const folds = [
    adamFold(0.01, 0.9, 0.999, 1e-8, 1),
    adamFold(0.1, 0.8, 0.99, 1e-4, 7),
    adamFold(0.003, 0.95, 0.9999, 1e-2, 300),
  ];
  return {
    learningRate: col([0.01, 0.1, 0.003]),
    momentum: col([0.9, 0.9, 0.9]),
    oneMinusMomentum: col([0.1, 0.1, 0.1]),
    adamBeta1: col([0.9, 0.8, 0.95]),
    oneMinusBeta1: col([0.1, 0.2, 0.05]),
    adamBeta2: col([0.999, 0.99, 0.9999]),
    oneMinusBeta2: col([0.001, 0.01, 0.0001]),
    epsilon: col([1e-8, 1e-4, 1e-2]),
    adamStepSize: col(folds.map((f) => f.stepSize)),
    adamEpsilon: col(folds.map((f) => f.epsilon)),
  };
}

afterEach(() => setFusedAdam(true));

describe.each(Object.entries(NODE_BACKENDS))('fused Adam on %s', (_, use) => {
  it('should give the unfused kernels’ numbers bit for bit (float32, same order of operations) in one kernel', async () => {
    await use();
    expect(fusedAdamAvailable()).toBe(true);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const h = hyper();
      const param = random([3, 1, 337]);
      const grad = random([3, 1, 337], 0.5);
      const v = random([3, 1, 337], 0.1);
      const s = tf.abs(random([3, 1, 337], 0.01));
      setFusedAdam(false);
      const plain = applyUpdate('adam', param, grad, v, s, h);
      setFusedAdam(true);
      const fused = applyUpdate('adam', param, grad, v, s, h);
      for (const key of ['param', 'v', 's'] as const) {
        expect(fused[key].shape).toEqual(plain[key].shape);
        const gap = tf.max(tf.abs(tf.sub(fused[key], plain[key]))).dataSync()[0];
        const scale = tf.max(tf.abs(plain[key])).dataSync()[0];
        expect(gap / scale).toBe(0);
      }
      // The update moved the parameters (this is a step, not a copy).
      expect(tf.max(tf.abs(tf.sub(fused.param, param))).dataSync()[0]).toBeGreaterThan(0);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
