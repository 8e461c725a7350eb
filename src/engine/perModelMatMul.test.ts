// The per-model product (perModelMatMul.ts) against tfjs's own matMul, on both backends that run in
// Node: every transpose, a shared input, and its gradient through the tape.
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import { perModelProduct, productsPerModel, stackedMatMul } from './perModelMatMul';
import { NODE_BACKENDS } from './testBackend';
import { tf } from './tf';

const rng = createRng(7);
const random = (shape: number[]) =>
  tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * rng.next() - 1),
    shape,
  );

/** Largest absolute difference, relative to the largest magnitude of the reference. */
function relativeGap(got: tf.Tensor, want: tf.Tensor): number {
  const gap = tf.max(tf.abs(tf.sub(got, want))).dataSync()[0];
  const scale = tf.max(tf.abs(want)).dataSync()[0];
  return gap / Math.max(scale, 1e-30);
}

describe.each(Object.entries(NODE_BACKENDS))('stackedMatMul on %s', (name, use) => {
  it('should give tfjs matMul numbers (float32 rounding) for every transpose and a shared input', async () => {
    await use();
    expect(tf.getBackend()).toBe(name);
    expect(productsPerModel()).toBe(name === 'wasm');
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const n = 5;
      const cases: [tf.Tensor, tf.Tensor, boolean, boolean][] = [
        [random([n, 7, 4]), random([n, 4, 3]), false, false],
        [random([n, 7, 4]), random([n, 7, 3]), true, false],
        [random([n, 7, 3]), random([n, 4, 3]), false, true],
        [random([n, 3, 7]), random([n, 4, 3]), true, true],
        [random([7, 4]), random([n, 4, 3]), false, false],
        [random([1, 60, 100]), random([1, 100, 100]), false, false],
        [random([3, 60, 100]), random([3, 60, 100]), true, false],
        [random([3, 60, 100]), random([3, 100, 100]), false, true],
      ];
      // Both the router and, on wasm, the kernel itself at every size (the router sends small products
      // to tfjs's batched matMul).
      const routes = productsPerModel() ? [stackedMatMul, perModelProduct] : [stackedMatMul];
      for (const [a, b, ta, tb] of cases) {
        for (const route of routes) {
          const got = route(a, b, ta, tb);
          const want = tf.matMul(a, b, ta, tb);
          expect(got.shape).toEqual(want.shape);
          expect(relativeGap(got, want)).toBeLessThan(1e-6);
        }
      }
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('should differentiate like tfjs matMul (the inspection path uses the tape)', async () => {
    await use();
    tf.tidy(() => {
      const a = random([3, 6, 4]);
      const shared = random([6, 4]);
      const b = random([3, 4, 5]);
      const f = (g: typeof perModelProduct) => (x: tf.Tensor, w: tf.Tensor) => tf.sum(tf.square(g(x, w)));
      // tfjs's own BatchMatMul gradient does not broadcast a 2-D input: broadcast it explicitly.
      const plain = (x: tf.Tensor, w: tf.Tensor) =>
        tf.matMul(x.rank === 2 ? tf.broadcastTo(x, [3, ...x.shape]) : x, w);
      // A shared input only goes through the tape on wasm (tfjs's BatchMatMul gradient can't take it).
      for (const x of productsPerModel() ? [a, shared] : [a]) {
        const got = tf.grads(f(productsPerModel() ? perModelProduct : stackedMatMul))([x, b]);
        const want = tf.grads(f(plain))([x, b]);
        expect(got[0].shape).toEqual(x.shape);
        expect(relativeGap(got[0], want[0])).toBeLessThan(1e-5);
        expect(relativeGap(got[1], want[1])).toBeLessThan(1e-5);
      }
    });
  });
});
