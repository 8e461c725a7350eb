// `npx vitest run --config bench/vitest.profile.config.ts bench/simdStepProfile.test.ts`: whole training
// steps on wasm in Node with the SIMD update loops (simd/simdUpdate.ts) on and off, interleaved in one
// process (A, B, A, B, …: this machine is shared and noisy, and separate runs differ by 2×), best of
// each: model-steps/s per workload and population. Off is the route before the SIMD update: its
// JavaScript loops, and the update's JavaScript size limit. Prints; asserts only that it ran.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { dataConfigOf, modelSpecOf } from '../src/core/experiment';
import { prepareData } from '../src/engine/preparedData';
import { setSimdUpdate } from '../src/engine/simd/simdUpdate';
import { useWasmBackend } from '../src/engine/testBackend';
import { Trainer } from '../src/engine/trainer';
import { WORKLOADS, type WorkloadName } from './workloads';

const digits = new Uint8Array(readFileSync(new URL('../public/data/digits.bin', import.meta.url)));
const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 6);

const VARIANTS: [string, (on: boolean) => void][] = [['SIMD update', setSimdUpdate]];

function trainer(workload: WorkloadName, population: number): Trainer {
  const e = WORKLOADS[workload];
  const data = prepareData(dataConfigOf(e), workload === 'digits-bn-mlp' ? digits : undefined);
  const spec = modelSpecOf(e);
  const models = Array.from({ length: population }, (_, i) => ({ ...spec, seed: spec.seed + i }));
  return new Trainer(data, models, { maxSteps: 1e9, evalEvery: 1e9 });
}

async function rate(t: Trainer, population: number, steps: number): Promise<number> {
  const start = performance.now();
  for (let s = 0; s < steps; s++) {
    t.step();
    if (s % 10 === 9) await t.collect();
  }
  await t.collect();
  return (population * steps * 1000) / (performance.now() - start);
}

test('training steps with each SIMD route on and off', async () => {
  await useWasmBackend();
  for (const [label, set] of VARIANTS)
    for (const workload of Object.keys(WORKLOADS) as WorkloadName[])
      for (const n of [1, 24, 32]) {
        const steps = Math.max(5, Math.round((workload === 'spiral-mlp' ? 300 : 30) / Math.sqrt(n)));
        const t = trainer(workload, n);
        const best = { off: 0, on: 0 };
        for (const on of [false, true]) {
          set(on);
          await rate(t, n, 3);
        }
        for (let r = 0; r < ROUNDS; r++)
          for (const on of r % 2 ? [true, false] : [false, true]) {
            set(on);
            const key = on ? 'on' : 'off';
            best[key] = Math.max(best[key], await rate(t, n, steps));
          }
        set(true);
        t.dispose();
        console.log(
          `${label} ${workload} N=${n}: off ${best.off.toFixed(0)}, on ${best.on.toFixed(0)} model-steps/s (${(best.on / best.off).toFixed(2)}×)`,
        );
        expect(best.on).toBeGreaterThan(0);
      }
});
