// Lesson 3.5, test time: a single example has no batch statistics. Predicted alone (a mini-batch of
// one) with its own μ_B and σ²_B, every batch-norm unit outputs β whatever the input, so the whole dev
// set gets one answer; with the running averages the same weights predict as evaluation mode does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataConfigOf, DEFAULT_EXPERIMENT, type Experiment, modelSpecOf } from '../core/experiment';
import { prepareData } from './preparedData';
import { useCpuBackend } from './testBackend';
import { Trainer } from './trainer';

beforeAll(useCpuBackend);

const digits = new Uint8Array(readFileSync(resolve(__dirname, '../../public/data/digits.bin')));
const experiment: Experiment = {
  ...DEFAULT_EXPERIMENT,
  dataset: 'digits',
  hidden: [32, 32],
  activation: 'sigmoid',
  batchNorm: [true, true],
  optimizer: 'sgd',
  learningRate: 1,
  miniBatchSize: 32,
};
const data = prepareData(dataConfigOf(experiment), digits);

async function trained(e: Experiment, steps: number): Promise<Trainer> {
  const t = new Trainer(data, [modelSpecOf(e)], { maxSteps: steps, evalEvery: steps });
  while (!t.done) t.step();
  await t.collect();
  return t;
}

describe('predicting one example at a time with batch norm', () => {
  for (const seed of [1, 2, 3])
    it(`should give every dev example the same answer with batch statistics, and evaluation mode's answers with the running averages (seed ${seed})`, async () => {
      const t = await trained({ ...experiment, seed }, 400);
      const r = await t.evaluateModes(0);
      t.dispose();
      const one = r.oneAtATime!;
      expect(one.labels.length).toBe(data.devSize);
      // A batch of one: z − μ_B = 0 in every unit, so the output is the same for every input.
      expect(new Set(one.batchStatisticsPrediction).size).toBe(1);
      expect(
        Math.max(...one.batchStatisticsConfidence) - Math.min(...one.batchStatisticsConfidence),
      ).toBeLessThan(1e-6);
      // One class for all: the accuracy is that class's share of the dev set (about 1 in 10).
      const predicted = one.batchStatisticsPrediction[0];
      const share = one.labels.filter((l) => l === predicted).length / one.labels.length;
      expect(one.batchStatisticsAccuracy).toBeCloseTo(share, 5);
      expect(one.batchStatisticsAccuracy).toBeLessThan(0.2);
      // The running averages do not depend on the batch: one at a time equals the whole dev set at once.
      expect(one.runningAveragesAccuracy).toBeCloseTo(r.evalModeAccuracy, 5);
      expect(one.runningAveragesAccuracy).toBeGreaterThan(0.8);
    });

  it('should have nothing to predict one at a time without batch norm', async () => {
    const t = await trained({ ...experiment, batchNorm: [false, false] }, 20);
    const r = await t.evaluateModes(0);
    t.dispose();
    expect(r.oneAtATime).toBeNull();
  });
});
