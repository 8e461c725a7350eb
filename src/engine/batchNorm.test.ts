import { beforeAll, describe, expect, it } from 'vitest';
import { batchNormUnit, identityParameters } from '../core/batchNormMath';
import { forward } from './forward';
import { type NetworkShape, paramLayout } from './modelState';
import { useCpuBackend } from './testBackend';
import { tf } from './tf';

beforeAll(useCpuBackend);

// One model, 3 inputs → 4 hidden units with batch norm → 1 output, linear activation so z̃ is visible.
const net: NetworkShape = { inputs: 3, outputs: 1, hidden: [4], batchNorm: [true] };
const layout = paramLayout(net);
const eps = 1e-3;

function params(gamma: number[], beta: number[]) {
  const w0 = tf.tensor3d([0.5, -1, 2, 0.1, 1.5, 0.3, -0.7, 1, -2, 0.4, 0.9, -0.2], [1, 3, 4]);
  return layout.map((p) => {
    if (p.kind === 'weight' && p.layer === 0) return w0;
    if (p.kind === 'bnGamma') return tf.tensor3d(gamma, [1, 1, 4]);
    if (p.kind === 'bnBeta') return tf.tensor3d(beta, [1, 1, 4]);
    if (p.kind === 'weight') return tf.ones([1, 4, 1]);
    return tf.zeros([1, 1, 1]);
  });
}

const x = () => tf.tensor3d([1, 2, 3, -1, 0.5, 2, 0, -1, 1, 3, 1, -2, 0.2, 0.4, 0.6], [1, 5, 3]);

/** z̃ of the hidden layer, read through the output weights (ones) one unit at a time. */
function hiddenZTilde(gamma: number[], beta: number[]) {
  return tf.tidy(() => {
    const z = tf.matMul(x(), params(gamma, beta)[0]);
    const mean = tf.mean(z, 1, true);
    const variance = tf.mean(tf.square(tf.sub(z, mean)), 1, true);
    const zNorm = tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, eps)));
    const zTilde = tf.add(tf.mul(tf.tensor3d(gamma, [1, 1, 4]), zNorm), tf.tensor3d(beta, [1, 1, 4]));
    return {
      z: z.arraySync() as number[][][],
      zNorm: zNorm.arraySync() as number[][][],
      zTilde: zTilde.arraySync() as number[][][],
    };
  });
}

const unitColumn = (m: number[][][], unit: number) => m[0].map((row) => row[unit]);

describe('batch norm in the engine', () => {
  it('should give each unit mean 0 and variance var/(var + ε) before γ and β', () => {
    const { z, zNorm } = hiddenZTilde([1, 1, 1, 1], [0, 0, 0, 0]);
    for (let u = 0; u < 4; u++) {
      const col = unitColumn(zNorm, u);
      const mean = col.reduce((a, b) => a + b) / col.length;
      const variance = col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length;
      const ref = batchNormUnit(unitColumn(z, u), 1, 0, eps);
      expect(mean).toBeCloseTo(0, 5);
      expect(variance).toBeCloseTo(ref.variance / (ref.variance + eps), 5);
    }
  });

  it('should agree with the plain-number reference for every unit of the batch', () => {
    const gamma = [1.5, 0.5, 2, 1];
    const beta = [0.1, -0.2, 0, 3];
    const { z, zTilde } = hiddenZTilde(gamma, beta);
    for (let u = 0; u < 4; u++) {
      const ref = batchNormUnit(unitColumn(z, u), gamma[u], beta[u], eps);
      unitColumn(zTilde, u).forEach((v, i) => {
        expect(v).toBeCloseTo(ref.zTilde[i], 4);
      });
    }
  });

  it('should compute the identity when γ = sqrt(σ² + ε) and β = μ', () => {
    const { z } = hiddenZTilde([1, 1, 1, 1], [0, 0, 0, 0]);
    const ids = [0, 1, 2, 3].map((u) => identityParameters(unitColumn(z, u), eps));
    const { zTilde } = hiddenZTilde(
      ids.map((p) => p.bnGamma),
      ids.map((p) => p.bnBeta),
    );
    for (let u = 0; u < 4; u++)
      unitColumn(zTilde, u).forEach((v, i) => {
        expect(v).toBeCloseTo(unitColumn(z, u)[i], 4);
      });
  });

  it('should give a bias before batch norm exactly zero gradient (the mean subtraction cancels it)', () => {
    const grad = tf.tidy(() => {
      const ps = params([1.2, 0.8, 1, 1.1], [0.1, 0, -0.1, 0.2]);
      const w0 = ps[0];
      const preBias = tf.tensor3d([0.3, -0.4, 1, 2], [1, 1, 4]);
      const f = (b: tf.Tensor) => {
        const z = tf.add(tf.matMul(x(), w0), b);
        const mean = tf.mean(z, 1, true);
        const variance = tf.mean(tf.square(tf.sub(z, mean)), 1, true);
        const zTilde = tf.add(tf.mul(ps[1], tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, eps)))), ps[2]);
        return tf.sum(tf.sigmoid(zTilde));
      };
      return tf.grad(f)(preBias).dataSync();
    });
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-6);
  });

  it("should have gradients that match central differences through the whole network's cost", () => {
    const ps = params([1.2, 0.8, 1, 1.1], [0.1, 0, -0.1, 0.2]);
    const targets = tf.tensor3d([1, 0, 1, 1, 0], [1, 5, 1]);
    const cost = (list: tf.Tensor[]) =>
      tf.tidy(() => {
        const { logits } = forward(net, layout, list, x(), 'tanh', eps, { kind: 'train' });
        const perExample = tf.add(
          tf.sub(tf.relu(logits), tf.mul(logits, targets)),
          tf.log1p(tf.exp(tf.neg(tf.abs(logits)))),
        );
        return tf.mean(perExample);
      });
    const analytic = tf.grads((...list: tf.Tensor[]) => cost(list))(ps);
    const h = 1e-2;
    layout.forEach((_, k) => {
      const base = ps[k].dataSync();
      const g = analytic[k].dataSync();
      for (let i = 0; i < base.length; i++) {
        const shifted = (delta: number) => {
          const values = Float32Array.from(base);
          values[i] += delta;
          const list = ps.map((p, j) => (j === k ? tf.tensor(values, p.shape) : p));
          const c = cost(list).dataSync()[0];
          return c;
        };
        const numeric = (shifted(h) - shifted(-h)) / (2 * h);
        expect(Math.abs(numeric - g[i])).toBeLessThan(2e-3 + 2e-2 * Math.abs(g[i]));
      }
    });
  });
});
