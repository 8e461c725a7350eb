import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../core/config';
import { dataConfigOf, DEFAULT_EXPERIMENT, type Experiment, modelSpecOf } from '../core/experiment';
import { prepareData } from './preparedData';
import { useCpuBackend } from './testBackend';
import { tf } from './tf';
import { Trainer } from './trainer';

beforeAll(useCpuBackend);

const experiment: Experiment = {
  ...DEFAULT_EXPERIMENT,
  hidden: [8, 8],
  batchNorm: [true, false],
  optimizer: 'adam',
};
const data = prepareData(dataConfigOf(experiment));
const spec = (overrides: Partial<ModelSpec['hyper']> = {}, seed = 3): ModelSpec => {
  const s = modelSpecOf(experiment);
  return { ...s, seed, hyper: { ...s.hyper, ...overrides } };
};

/** Train cost of every model at each of `steps` steps, [step][model]. */
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

describe('a population of models', () => {
  it('should train each model inside a population exactly as it trains alone (20 steps, within 1e-5)', async () => {
    const specs = [
      spec({ learningRate: 0.003 }, 1),
      spec({ learningRate: 0.03, adamBeta1: 0.8 }, 2),
      spec({}, 3),
    ];
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
  });

  it('should split models of different shapes into separate stacked groups', () => {
    const trainer = new Trainer(
      data,
      [
        spec(),
        spec({ miniBatchSize: 64 }),
        { ...spec(), hidden: [4], batchNorm: [false] },
        spec({ learningRate: 1 }),
      ],
      { maxSteps: 10, evalEvery: 5 },
    );
    expect(trainer.groupCount).toBe(3);
    trainer.dispose();
  });

  it('should be reproducible from its seeds', async () => {
    const a = new Trainer(data, [spec()], { maxSteps: 10, evalEvery: 5 });
    const b = new Trainer(data, [spec()], { maxSteps: 10, evalEvery: 5 });
    expect(await costs(a, 5)).toEqual(await costs(b, 5));
    a.dispose();
    b.dispose();
  });

  it('should release every tensor when disposed', async () => {
    const before = tf.memory().numTensors;
    const trainer = new Trainer(data, [spec(), spec({ learningRate: 0.1 })], { maxSteps: 30, evalEvery: 7 });
    for (let i = 0; i < 30; i++) trainer.step();
    await trainer.collect();
    const snap = trainer.snapshot(0);
    trainer.restore(1, snap);
    trainer.setHyperparameters(0, { miniBatchSize: 16 });
    await trainer.boundary(0, 10);
    trainer.step();
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('should mark a model whose cost blows up as diverged, freeze it, and let the others go on', async () => {
    const specs = [
      { ...spec({ learningRate: 50 }), optimizer: 'sgd' as const, init: 'normal' as const, initStd: 3 },
      { ...spec({ learningRate: 0.1 }), optimizer: 'sgd' as const, init: 'normal' as const, initStd: 3 },
    ];
    const trainer = new Trainer(data, specs, { maxSteps: 200, evalEvery: 50 });
    const changes = [];
    let lastHealthyStep = 0;
    for (let i = 0; i < 200; i++) {
      trainer.step();
      const c = await trainer.collect();
      changes.push(...c.changes);
      c.train.model.forEach((m, k) => {
        if (m === 1) lastHealthyStep = c.train.step[k];
      });
    }
    expect(trainer.status(0)).toBe('diverged');
    expect(changes.find((c) => c.model === 0)?.status).toBe('diverged');
    expect(trainer.status(1)).toBe('finished');
    expect(lastHealthyStep).toBe(200);
    trainer.dispose();
  });

  it('should continue exactly as before after restoring a snapshot (weights, optimizer, running stats, data order)', async () => {
    const trainer = new Trainer(data, [spec({ miniBatchSize: 50 }, 9)], { maxSteps: 1000, evalEvery: 1000 });
    await costs(trainer, 15);
    const snap = trainer.snapshot(0);
    const original = await costs(trainer, 25);
    trainer.restore(0, snap);
    const replay = await costs(trainer, 25);
    expect(replay).toEqual(original);
    trainer.dispose();
  });

  it('should apply a hyperparameter change at the next step and no earlier', async () => {
    const a = new Trainer(data, [spec({}, 4)], { maxSteps: 100, evalEvery: 100 });
    const b = new Trainer(data, [spec({}, 4)], { maxSteps: 100, evalEvery: 100 });
    const first = await costs(a, 5);
    expect(await costs(b, 5)).toEqual(first);
    b.setHyperparameters(0, { learningRate: 0.5 });
    const [nextA] = await costs(a, 1);
    const [nextB] = await costs(b, 1);
    // The cost of step 6 is measured before step 6's update: both models still agree...
    expect(nextB).toEqual(nextA);
    // ...and the bigger α shows in the step after.
    const [afterA] = await costs(a, 1);
    const [afterB] = await costs(b, 1);
    expect(afterB[0]).not.toBeCloseTo(afterA[0], 6);
    a.dispose();
    b.dispose();
  });

  it('should report dev cost and accuracy every evalEvery steps and at the end', async () => {
    const trainer = new Trainer(data, [spec()], { maxSteps: 12, evalEvery: 5 });
    const steps: number[] = [];
    for (let i = 0; i < 12; i++) {
      trainer.step();
      steps.push(...(await trainer.collect()).dev.step);
    }
    expect(steps).toEqual([5, 10, 12]);
    expect(trainer.done).toBe(true);
    trainer.dispose();
  });
});

describe('retiring and extending', () => {
  it('should stop a retired model while the others step, and keep it out when the step limit grows', async () => {
    const trainer = new Trainer(data, [spec({}, 1), spec({}, 2)], { maxSteps: 10, evalEvery: 100 });
    trainer.setModelActive(0, false);
    for (let i = 0; i < 12; i++) trainer.step();
    await trainer.collect();
    expect(trainer.stepOf(0)).toBe(0);
    expect(trainer.stepOf(1)).toBe(10);
    trainer.extend(20);
    expect(trainer.status(0)).toBe('finished');
    expect(trainer.status(1)).toBe('training');
    trainer.setModelActive(0, true);
    for (let i = 0; i < 10; i++) trainer.step();
    expect(trainer.stepOf(0)).toBe(10);
    expect(trainer.stepOf(1)).toBe(20);
    trainer.dispose();
  });
});
