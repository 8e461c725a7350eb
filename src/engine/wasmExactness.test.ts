// On wasm the stacked products run per model (perModelMatMul.ts): a model inside a population must
// still follow the trajectory it follows alone, as on the CPU backend (trainer.test.ts).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../core/config';
import { dataConfigOf, DEFAULT_EXPERIMENT, type Experiment, modelSpecOf } from '../core/experiment';
import { prepareData } from './preparedData';
import { useWasmBackend } from './testBackend';
import { tf } from './tf';
import { Trainer } from './trainer';

beforeAll(useWasmBackend);

const digits = new Uint8Array(readFileSync(new URL('../../public/data/digits.bin', import.meta.url)));

async function costs(trainer: Trainer, steps: number): Promise<number[][]> {
  const rows: number[][] = [];
  for (let i = 0; i < steps; i++) {
    trainer.step();
    const c = await trainer.collect();
    const row: number[] = new Array(trainer.size).fill(Number.NaN);
    c.train.model.forEach((m, k) => {
      row[m] = c.train.cost[k];
    });
    rows.push(row);
  }
  return rows;
}

const experiments: [string, Experiment][] = [
  [
    'spiral, tanh, Adam, batch norm on one layer',
    { ...DEFAULT_EXPERIMENT, hidden: [8, 8], batchNorm: [true, false], optimizer: 'adam' },
  ],
  [
    'digits, sigmoid, batch norm everywhere, momentum',
    {
      ...DEFAULT_EXPERIMENT,
      dataset: 'digits',
      hidden: [30, 20],
      activation: 'sigmoid',
      batchNorm: [true, true],
      optimizer: 'momentum',
      miniBatchSize: 60,
    },
  ],
];

describe.each(experiments)('on wasm: %s', (_, experiment) => {
  it('should train each model inside a population exactly as it trains alone (20 steps, within 1e-5)', async () => {
    expect(tf.getBackend()).toBe('wasm');
    const data = prepareData(dataConfigOf(experiment), experiment.dataset === 'digits' ? digits : undefined);
    const base = modelSpecOf(experiment);
    const spec = (overrides: Partial<ModelSpec['hyper']>, seed: number): ModelSpec => ({
      ...base,
      seed,
      hyper: { ...base.hyper, ...overrides },
    });
    const specs = [spec({ learningRate: 0.003 }, 1), spec({ learningRate: 0.03 }, 2), spec({}, 3)];
    const before = tf.memory().numTensors;
    const together = new Trainer(data, specs, { maxSteps: 100, evalEvery: 10 });
    const stacked = await costs(together, 20);
    together.dispose();
    for (let m = 0; m < specs.length; m++) {
      const alone = new Trainer(data, [specs[m]], { maxSteps: 100, evalEvery: 10 });
      const solo = await costs(alone, 20);
      alone.dispose();
      solo.forEach((row, step) => {
        expect(Math.abs(row[0] - stacked[step][m])).toBeLessThan(1e-5);
      });
    }
    expect(tf.memory().numTensors).toBe(before);
    // It learns: the fastest model's mini-batch costs fall (mean of the last five below the first five).
    const mean = (rows: number[][]) => rows.reduce((a, r) => a + r[1], 0) / rows.length;
    expect(mean(stacked.slice(15))).toBeLessThan(mean(stacked.slice(0, 5)));
  });
});
