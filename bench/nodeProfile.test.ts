// The engine in Node, timed: model-steps/s per workload, backend, population and mode (best of a few
// repeats, since this machine is shared), the 2-D matMul ceiling, and where one step's time goes
// (tf.profile: kernels and their time). Prints; asserts only that it ran. Not part of `npm test`.
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { dataConfigOf, modelSpecOf } from '../src/core/experiment';
import { setFusedAdam } from '../src/engine/fusedAdam';
import { setFusion, setFusionLimits } from '../src/engine/fusedKernel';
import { setProductsPerModel } from '../src/engine/perModelMatMul';
import { prepareData } from '../src/engine/preparedData';
import { NODE_BACKENDS } from '../src/engine/testBackend';
import { tf } from '../src/engine/tf';
import { Trainer } from '../src/engine/trainer';
import { ReferenceMlp } from './referenceMlp';
import { WORKLOADS, type WorkloadName } from './workloads';

const digits = new Uint8Array(readFileSync(new URL('../public/data/digits.bin', import.meta.url)));
const only = process.env.PROFILE_ONLY?.split(',');
const populations = (process.env.PROFILE_N ?? '1,32').split(',').map(Number);
// PROFILE_FUSION=off,on times the step with tfjs's separate kernels, then with the fused ones, in one run;
// 'all' is fused at every size (no FUSED_*_MAX_ELEMENTS limit).
const fusions = (process.env.PROFILE_FUSION ?? 'on').split(',');

function trainers(workload: WorkloadName, population: number, mode: 'stacked' | 'separate') {
  const e = WORKLOADS[workload];
  const data = prepareData(dataConfigOf(e), workload === 'digits-bn-mlp' ? digits : undefined);
  const spec = modelSpecOf(e);
  const models = Array.from({ length: population }, (_, i) => ({ ...spec, seed: spec.seed + i }));
  const groups = mode === 'stacked' ? [models] : models.map((m) => [m]);
  return groups.map((g) => new Trainer(data, g, { maxSteps: 1e9, evalEvery: 1e9 }));
}

async function modelStepsPerSec(list: Trainer[], population: number, steps: number): Promise<number> {
  let best = 0;
  for (let r = 0; r < 3; r++) {
    const start = performance.now();
    for (const t of list) {
      for (let s = 0; s < steps; s++) {
        t.step();
        if (s % 10 === 9) await t.collect();
      }
      await t.collect();
    }
    best = Math.max(best, (population * steps * 1000) / (performance.now() - start));
  }
  return best;
}

/** The plain-JavaScript reference (referenceMlp.ts) on spiral-mlp, as benchPage.ts runs it: best of 3. */
function referenceStepsPerSec(steps: number): number {
  const e = WORKLOADS['spiral-mlp'];
  const data = prepareData(dataConfigOf(e));
  const spec = modelSpecOf(e);
  const model = (seed: number) =>
    new ReferenceMlp({
      inputs: data.inputs,
      hidden: spec.hidden,
      activation: 'tanh',
      learningRate: spec.hyper.learningRate,
      beta1: spec.hyper.adamBeta1,
      beta2: spec.hyper.adamBeta2,
      epsilon: spec.hyper.epsilon,
      miniBatchSize: spec.hyper.miniBatchSize,
      seed,
    });
  const warm = model(999);
  for (let s = 0; s < 300; s++) warm.step(data.xTrain, data.yTrain);
  let best = 0;
  for (let r = 0; r < 3; r++) {
    const m = model(spec.seed);
    const start = performance.now();
    for (let s = 0; s < steps; s++) m.step(data.xTrain, data.yTrain);
    best = Math.max(best, (steps * 1000) / (performance.now() - start));
  }
  return best;
}

describe('engine profile in Node', () => {
  it('times the plain-JavaScript reference on spiral-mlp', () => {
    if (only && !only.includes('reference')) return;
    console.log(`reference spiral-mlp N=1: ${referenceStepsPerSec(1000).toFixed(0)} model-steps/s`);
  });

  for (const [name, use] of Object.entries(NODE_BACKENDS)) {
    if (only && !only.includes(name)) continue;
    it(`times the workloads on ${name}`, async () => {
      await use();
      if (process.env.PROFILE_BATCHED) setProductsPerModel(false);
      if (process.env.PROFILE_UNFUSED) fusions.splice(0, fusions.length, 'off');
      // The ceiling: one 2-D product [1920,100]×[100,100], best of 20.
      const a = tf.randomNormal([1920, 100]);
      const b = tf.randomNormal([100, 100]);
      let ms = Infinity;
      for (let r = 0; r < 20; r++) {
        const t0 = performance.now();
        tf.matMul(a, b).dataSync();
        ms = Math.min(ms, performance.now() - t0);
      }
      tf.dispose([a, b]);
      console.log(`${name} ceiling ${((2 * 1920 * 100 * 100) / ms / 1e6).toFixed(1)} GFLOP/s`);
      for (const fusion of fusions)
        for (const workload of Object.keys(WORKLOADS) as WorkloadName[]) {
          setFusedAdam(fusion === 'on');
          setFusion(fusion === 'on');
          if (process.env.PROFILE_WORKLOAD && workload !== process.env.PROFILE_WORKLOAD) continue;
          for (const n of populations) {
            for (const mode of n === 1 ? (['stacked'] as const) : (['stacked', 'separate'] as const)) {
              const list = trainers(workload, n, mode);
              for (const t of list) {
                t.step();
                t.step();
                await t.collect();
              }
              // PROFILE_STEPS_SCALE=k: k times the steps per timing, for steadier figures on a loaded machine.
              const scale = Number(process.env.PROFILE_STEPS_SCALE ?? 1);
              const steps = Math.max(
                5,
                Math.round((scale * (workload === 'spiral-mlp' ? 300 : 30)) / Math.sqrt(n)),
              );
              const rate = await modelStepsPerSec(list, n, steps);
              console.log(
                `${name} fusion ${fusion} ${workload} ${mode} N=${n}: ${rate.toFixed(0)} model-steps/s`,
              );
              if (process.env.PROFILE_KERNELS && mode === 'stacked') {
                const info = await tf.profile(() => {
                  list[0].step();
                });
                const byKernel = new Map<string, { count: number; ms: number }>();
                for (const k of info.kernels) {
                  const e = byKernel.get(k.name) ?? { count: 0, ms: 0 };
                  e.count++;
                  e.ms += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
                  byKernel.set(k.name, e);
                }
                const rows = [...byKernel].sort((x, y) => y[1].ms - x[1].ms);
                console.log(
                  `  ${info.kernels.length} kernels: ` +
                    rows.map(([k, e]) => `${k}×${e.count} ${(e.ms * 1000).toFixed(0)}µs`).join(', '),
                );
              }
              for (const t of list) t.dispose();
            }
          }
        }
      setFusedAdam(true);
      setFusion(true);
      setFusionLimits();
    });
  }
});
