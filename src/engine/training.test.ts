import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataConfigOf, DEFAULT_EXPERIMENT, type Experiment, modelSpecOf } from '../core/experiment';
import { prepareData } from './preparedData';
import { useCpuBackend } from './testBackend';
import { Trainer } from './trainer';

beforeAll(useCpuBackend);

async function trainToEnd(e: Experiment, digits?: Uint8Array) {
  const data = prepareData(dataConfigOf(e), digits);
  const trainer = new Trainer(data, [modelSpecOf(e)], { maxSteps: e.steps, evalEvery: e.steps });
  const trainCosts: number[] = [];
  let accuracy = 0;
  while (!trainer.done) {
    for (let i = 0; i < 50 && !trainer.done; i++) trainer.step();
    const c = await trainer.collect();
    trainCosts.push(...c.train.cost);
    if (c.dev.accuracy.length) accuracy = c.dev.accuracy[c.dev.accuracy.length - 1];
  }
  trainer.dispose();
  return { trainCosts, accuracy };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('training outcomes', () => {
  it('should learn the spiral to dev accuracy ≥ 0.9 with a small tanh net', async () => {
    const { trainCosts, accuracy } = await trainToEnd({
      ...DEFAULT_EXPERIMENT,
      dataset: 'spiral',
      hidden: [16, 16],
      activation: 'tanh',
      optimizer: 'adam',
      learningRate: 0.03,
      steps: 1500,
    });
    expect(mean(trainCosts.slice(-50))).toBeLessThan(mean(trainCosts.slice(0, 50)) / 2);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('should learn the digits to dev accuracy ≥ 0.9 with three hidden layers', async () => {
    const digits = new Uint8Array(readFileSync(resolve(__dirname, '../../public/data/digits.bin')));
    const { trainCosts, accuracy } = await trainToEnd(
      {
        ...DEFAULT_EXPERIMENT,
        dataset: 'digits',
        hidden: [64, 32, 32],
        activation: 'relu',
        init: 'he',
        batchNorm: [false, false, false],
        optimizer: 'adam',
        learningRate: 0.003,
        miniBatchSize: 32,
        steps: 500,
      },
      digits,
    );
    expect(mean(trainCosts.slice(-20))).toBeLessThan(mean(trainCosts.slice(0, 20)) / 4);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
