import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataConfigOf, DEFAULT_EXPERIMENT, type Experiment, modelSpecOf } from '../core/experiment';
import { prepareData } from './preparedData';
import { useCpuBackend } from './testBackend';
import { Trainer } from './trainer';

beforeAll(useCpuBackend);

describe('batch norm on a deep sigmoid network', () => {
  it('should reach dev accuracy ≥ 0.9 on digits within 2000 SGD steps at α = 1, where the same net without it does clearly worse', async () => {
    const digits = new Uint8Array(readFileSync(resolve(__dirname, '../../public/data/digits.bin')));
    const e: Experiment = {
      ...DEFAULT_EXPERIMENT,
      dataset: 'digits',
      hidden: [32, 32, 32, 32, 32, 32],
      activation: 'sigmoid',
      init: 'glorot',
      optimizer: 'sgd',
      learningRate: 1,
      miniBatchSize: 32,
      steps: 2000,
    };
    const data = prepareData(dataConfigOf(e), digits);
    // One population, same seed: same initial W, same mini-batches; only batch norm differs.
    const withoutBn = modelSpecOf({ ...e, batchNorm: e.hidden.map(() => false) });
    const withBn = modelSpecOf({ ...e, batchNorm: e.hidden.map(() => true) });
    const trainer = new Trainer(data, [withoutBn, withBn], { maxSteps: e.steps, evalEvery: 50 });
    const accuracy = [0, 0];
    let step = 0;
    // Stop as soon as the batch-norm net passes 0.9 (it takes a few hundred steps), to keep the test short.
    while (!trainer.done && accuracy[1] < 0.9) {
      for (let i = 0; i < 50 && !trainer.done; i++) trainer.step();
      const c = await trainer.collect();
      c.dev.model.forEach((m, k) => {
        accuracy[m] = c.dev.accuracy[k];
        step = c.dev.step[k];
      });
    }
    trainer.dispose();
    expect(step).toBeLessThanOrEqual(2000);
    expect(accuracy[1]).toBeGreaterThanOrEqual(0.9);
    // At the same step, without batch norm the net is still near chance (10 classes).
    expect(accuracy[0]).toBeLessThan(0.5);
  });
});
