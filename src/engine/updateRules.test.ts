import { beforeAll, describe, expect, it } from 'vitest';
import type { OptimizerName } from '../core/config';
import { useCpuBackend } from './testBackend';
import { tf } from './tf';
import { adamFold, applyUpdate, type UpdateHyper } from './updateRules';

beforeAll(useCpuBackend);

// Two models stacked, one weight each, so every hyperparameter can differ per model.
const hyper = (): UpdateHyper => {
  const col = (a: number, b: number) => tf.tensor3d([a, b], [2, 1, 1]);
  // Step t = 1 of Adam for both models.
  const fold0 = adamFold(0.1, 0.9, 0.999, 1e-8, 1);
  const fold1 = adamFold(0.5, 0.8, 0.99, 1e-2, 1);
  return {
    learningRate: col(0.1, 0.5),
    momentum: col(0.9, 0.5),
    oneMinusMomentum: col(0.1, 0.5),
    adamBeta1: col(0.9, 0.8),
    oneMinusBeta1: col(0.1, 0.2),
    adamBeta2: col(0.999, 0.99),
    oneMinusBeta2: col(0.001, 0.01),
    epsilon: col(1e-8, 1e-2),
    adamStepSize: col(fold0.stepSize, fold1.stepSize),
    adamEpsilon: col(fold0.epsilon, fold1.epsilon),
  };
};

function run(optimizer: OptimizerName, v0 = [0, 0], s0 = [0, 0]) {
  return tf.tidy(() => {
    const p = tf.tensor3d([1, 2], [2, 1, 1]);
    const g = tf.tensor3d([0.5, -1], [2, 1, 1]);
    const u = applyUpdate(optimizer, p, g, tf.tensor3d(v0, [2, 1, 1]), tf.tensor3d(s0, [2, 1, 1]), hyper());
    return {
      p: Array.from(u.param.dataSync()),
      v: Array.from(u.v.dataSync()),
      s: Array.from(u.s.dataSync()),
    };
  });
}

describe('update rules', () => {
  it('should take a plain gradient step W − α·dW per model', () => {
    const { p } = run('sgd');
    expect(p[0]).toBeCloseTo(1 - 0.1 * 0.5, 6);
    expect(p[1]).toBeCloseTo(2 - 0.5 * -1, 6);
  });

  it('should average gradients with momentum β and step along the average', () => {
    // model 0: v = 0.9·0.2 + 0.1·0.5 = 0.23, W = 1 − 0.1·0.23; model 1: v = 0.5·0 + 0.5·(−1) = −0.5, W = 2 + 0.25
    const { p, v } = run('momentum', [0.2, 0]);
    expect(v[0]).toBeCloseTo(0.23, 6);
    expect(v[1]).toBeCloseTo(-0.5, 6);
    expect(p[0]).toBeCloseTo(1 - 0.023, 6);
    expect(p[1]).toBeCloseTo(2.25, 6);
  });

  it('should divide by the root of the squared-gradient average in RMSprop', () => {
    // model 1: s = 0.99·0 + 0.01·1 = 0.01, step = −1/(0.1 + 0.01), W = 2 + 0.5/0.11
    const { p, s } = run('rmsprop');
    expect(s[0]).toBeCloseTo(0.001 * 0.25, 8);
    expect(s[1]).toBeCloseTo(0.01, 6);
    expect(p[0]).toBeCloseTo(1 - (0.1 * 0.5) / (Math.sqrt(0.00025) + 1e-8), 4);
    expect(p[1]).toBeCloseTo(2 + 0.5 / 0.11, 5);
  });

  it('should bias-correct both Adam moments at step 1 so the first step is about α·sign(dW)', () => {
    const { p, v, s } = run('adam');
    expect(v[0]).toBeCloseTo(0.05, 6);
    expect(s[0]).toBeCloseTo(0.00025, 8);
    // v̂ = 0.5, ŝ = 0.25 → step = 0.5/(0.5 + 1e-8) ≈ 1
    expect(p[0]).toBeCloseTo(1 - 0.1, 5);
    // model 1: v̂ = −1, ŝ = 1 → step = −1/(1 + 0.01)
    expect(p[1]).toBeCloseTo(2 + 0.5 / 1.01, 5);
  });
});
