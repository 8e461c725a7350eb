// core/runEstimate.ts counts tensors from the shapes; this holds it against what tfjs really allocates
// (tf.profile's peak on the CPU backend) for one run's set-up, steps and evaluations. The estimate is
// for the separate kernels' route, the one that holds the most: the whole-network kernel
// (fusedNetwork.ts) keeps a step's intermediates in one call's scratch, not in tensors, so it is off here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../core/config';
import { estimateRun } from '../core/runEstimate';
import { testModelSpec as spec } from '../core/testModelSpec';
import { setNetworkFusion } from './fusedNetwork';
import { prepareData } from './preparedData';
import { useCpuBackend } from './testBackend';
import { tf } from './tf';
import { Trainer } from './trainer';

beforeAll(async () => {
  await useCpuBackend();
  setNetworkFusion(false);
});
afterAll(() => setNetworkFusion(true));

/** tfjs's peak bytes over building a trainer, a few steps (with evaluations) and reading them back. */
async function measuredPeak(models: ModelSpec[]): Promise<{ peak: number; estimate: number }> {
  const data = prepareData({
    dataset: 'spiral',
    noise: 0.1,
    size: 1000,
    devFraction: 0.2,
    normalizeInputs: true,
    seed: 1,
  });
  const before = tf.memory().numBytes;
  let trainer: Trainer | null = null;
  const info = await tf.profile(async () => {
    trainer = new Trainer(data, models, { maxSteps: 1e9, evalEvery: 2 });
    for (let i = 0; i < 4; i++) trainer.step();
    await trainer.collect();
  });
  trainer!.dispose();
  expect(tf.memory().numBytes).toBe(before);
  const estimate = estimateRun(
    { trainSize: data.trainSize, devSize: data.devSize, inputs: data.inputs, classes: data.classes },
    models,
  ).peakBytes;
  return { peak: info.peakBytes - before, estimate };
}

const cases: [string, ModelSpec[]][] = [
  ['one small tanh net, Adam', [spec({})]],
  [
    '16 nets with batch norm, Adam, mini-batch 128',
    Array.from({ length: 16 }, (_, i) =>
      spec({ hidden: [32, 32, 32], batchNorm: [true, true, true], miniBatchSize: 128 }, i),
    ),
  ],
  [
    '8 relu nets, SGD, full batch',
    Array.from({ length: 8 }, (_, i) =>
      spec({ hidden: [64, 64], activation: 'relu', optimizer: 'sgd', miniBatchSize: 800 }, i),
    ),
  ],
  [
    '4 wide sigmoid nets, momentum',
    Array.from({ length: 4 }, (_, i) =>
      spec({ hidden: [256, 256], activation: 'sigmoid', optimizer: 'momentum', miniBatchSize: 64 }, i),
    ),
  ],
  [
    '4 nets, RMSprop, batch norm with its bias',
    Array.from({ length: 4 }, (_, i) =>
      spec({ hidden: [128], batchNorm: [true], keepBias: true, optimizer: 'rmsprop', miniBatchSize: 256 }, i),
    ),
  ],
];

describe('the run estimate against tfjs', () => {
  for (const [name, models] of cases) {
    it(`should not under-estimate, nor over-estimate wildly: ${name}`, async () => {
      const { peak, estimate } = await measuredPeak(models);
      expect(estimate).toBeGreaterThanOrEqual(peak);
      expect(estimate).toBeLessThan(3 * peak);
    });
  }
});
