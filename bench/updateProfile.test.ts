// `npx vitest run --config bench/vitest.profile.config.ts bench/updateProfile.test.ts`: the optimizer
// update on wasm (or cpu, see BACKEND) in Node, the fused kernel (fusedUpdate.ts, its loops in SIMD or, setSimdUpdate(false),
// JavaScript) against the route stackedGroup.ts takes without it (tfjs's kernels: per parameter for
// SGD, flatten/update/split for Adam, whose update is fusedAdam.ts's kernel or, fusedAdam off, tfjs's
// own), at the bench nets' sizes: µs per update, best of 30 rounds.
import { expect, test } from 'vitest';
import type { OptimizerName } from '../src/core/config';
import { setFusedAdam } from '../src/engine/fusedAdam';
import { fusableUpdate, fusedUpdate, type UpdateInputs } from '../src/engine/fusedUpdate';
import { setSimdUpdate } from '../src/engine/simd/simdUpdate';
import { NODE_BACKENDS } from '../src/engine/testBackend';
import { tf } from '../src/engine/tf';
import { applyUpdate, type UpdateHyper } from '../src/engine/updateRules';

type Tensor = tf.Tensor;

function best(fn: () => void, calls: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 30; round++) {
    const t = performance.now();
    for (let i = 0; i < calls; i++) fn();
    min = Math.min(min, (performance.now() - t) / calls);
  }
  return min * 1000;
}

const column = (n: number, value: number) => tf.tensor3d(new Float32Array(n).fill(value), [n, 1, 1]);

/** Stacked [N, in, out] weights and [N, 1, out] biases of a dense net with these layer widths. */
function net(widths: number[], n: number): Tensor[] {
  const out: Tensor[] = [];
  for (let l = 0; l + 1 < widths.length; l++) {
    out.push(tf.randomNormal([n, widths[l], widths[l + 1]], 0, 0.1));
    out.push(tf.randomNormal([n, 1, widths[l + 1]], 0, 0.1));
  }
  return out;
}

const CASES: [string, number[], number][] = [
  ['spiral 2-16-16-1 N=1', [2, 16, 16, 1], 1],
  ['spiral 2-16-16-1 N=32', [2, 16, 16, 1], 32],
  ['digits 64-100-100-100-10 N=1', [64, 100, 100, 100, 10], 1],
  ['digits 64-32-32-32-10 N=24', [64, 32, 32, 32, 10], 24],
  ['digits 64-100-100-100-10 N=32', [64, 100, 100, 100, 10], 32],
];

// PROFILE_BACKEND=cpu: the same on the cpu backend (where the fused kernel runs its JavaScript).
const BACKEND = process.env.PROFILE_BACKEND === 'cpu' ? 'cpu' : 'wasm';

test(`the update on ${BACKEND}: fused (SIMD, JavaScript) vs tfjs kernels`, async () => {
  await NODE_BACKENDS[BACKEND]();
  for (const optimizer of ['sgd', 'adam'] as OptimizerName[]) {
    for (const [name, widths, n] of CASES) {
      const params = net(widths, n);
      const grads = params.map((p) => tf.randomNormal(p.shape, 0, 0.01));
      const sizes = params.map((p) => p.size / n);
      const total = sizes.reduce((a, b) => a + b, 0);
      const v = tf.zeros([n, 1, total]);
      const s = tf.zeros([n, 1, total]);
      const hyper: UpdateHyper = {
        learningRate: column(n, 0.01),
        momentum: column(n, 0.9),
        oneMinusMomentum: column(n, 0.1),
        adamBeta1: column(n, 0.9),
        oneMinusBeta1: column(n, 0.1),
        adamBeta2: column(n, 0.999),
        oneMinusBeta2: column(n, 0.001),
        epsilon: column(n, 1e-8),
        adamStepSize: column(n, 0.001),
        adamEpsilon: column(n, 1e-8),
      };
      const adam = optimizer === 'adam';
      const u: UpdateInputs = {
        optimizer,
        params,
        grads,
        v,
        s,
        hyper,
        running: [],
        stats: [],
        bnMomentum: 0.9,
        active: null,
        values: adam
          ? { adamStepSize: new Array(n).fill(0.001), adamEpsilon: new Array(n).fill(1e-8) }
          : { learningRate: new Array(n).fill(0.01) },
        activeFlags: new Array(n).fill(true),
      };
      expect(fusableUpdate(u)).toBe(true);
      const fused = () => {
        const o = fusedUpdate(u);
        tf.dispose(o.params);
        if (o.v !== v) o.v.dispose();
        if (o.s !== s) o.s.dispose();
      };
      // stackedGroup.ts's unfused route, with the per-step columns made as it makes them.
      const unfused = () => {
        const out = tf.tidy(() => {
          const h: UpdateHyper = {
            ...hyper,
            learningRate: tf.tensor3d(new Float32Array(n).fill(0.01), [n, 1, 1]),
            adamStepSize: adam ? tf.tensor3d(new Float32Array(n).fill(0.001), [n, 1, 1]) : hyper.epsilon,
            adamEpsilon: adam ? tf.tensor3d(new Float32Array(n).fill(1e-8), [n, 1, 1]) : hyper.epsilon,
          };
          if (!adam) return params.map((p, i) => applyUpdate('sgd', p, grads[i], p, p, h).param);
          const flat = (list: Tensor[]) =>
            tf.concat(
              list.map((t) => tf.reshape(t, [n, 1, -1])),
              2,
            );
          const r = applyUpdate('adam', flat(params), flat(grads), v, s, h);
          return [...tf.split(r.param, sizes, 2).map((t, i) => tf.reshape(t, params[i].shape)), r.v, r.s];
        });
        tf.dispose(out);
      };
      const calls = Math.max(1, Math.round(20_000 / (n * total)) * 10);
      for (let i = 0; i < 5; i++) {
        fused();
        unfused();
      }
      setSimdUpdate(true);
      const tSimd = best(fused, calls);
      setSimdUpdate(false);
      const tJs = best(fused, calls);
      setSimdUpdate(true);
      const tSplit = best(unfused, calls);
      let tTfjs = tSplit;
      if (adam) {
        setFusedAdam(false);
        tTfjs = best(unfused, calls);
        setFusedAdam(true);
      }
      console.log(
        `${optimizer} ${name} (${n * total} parameters): fused SIMD ${tSimd.toFixed(1)} µs, fused JS ${tJs.toFixed(1)} µs, ` +
          `unfused ${tSplit.toFixed(1)} µs${adam ? ` (fusedAdam SIMD inside), tfjs alone ${tTfjs.toFixed(1)} µs` : ''}`,
      );
      tf.dispose([...params, ...grads, v, s, ...Object.values(hyper)]);
    }
  }
});
