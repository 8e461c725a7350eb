// The panda lab's use of the engine: a day's snapshot, a roll back that grows a branch, a return to
// the old branch, hyperparameters changed between slices of a day, and no tensors left behind.
import { beforeAll, describe, expect, it } from 'vitest';
import { dataConfigOf, DEFAULT_EXPERIMENT, type Experiment, modelSpecOf } from '../core/experiment';
import { prepareData } from './preparedData';
import { type LoopListener, type LoopStatus, RunLoop } from './runLoop';
import { useCpuBackend } from './testBackend';
import { tf } from './tf';
import { Trainer } from './trainer';

beforeAll(useCpuBackend);

const experiment: Experiment = {
  ...DEFAULT_EXPERIMENT,
  hidden: [8, 8],
  activation: 'relu',
  init: 'he',
  batchNorm: [true, false],
  optimizer: 'adam',
  learningRate: 0.003,
};
const data = prepareData(dataConfigOf(experiment));
const spec = () => modelSpecOf(experiment);

/** Train costs of model 0 over `steps` steps. */
async function costs(trainer: Trainer, steps: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    trainer.step();
    const c = await trainer.collect();
    out.push(...c.train.cost);
  }
  return out;
}

describe('branches of one model', () => {
  it('should reproduce a branch exactly from its day snapshot, and return to the old branch where it was', async () => {
    const trainer = new Trainer(data, [spec()], { maxSteps: 1000, evalEvery: 1000 });
    await costs(trainer, 20);
    const day1 = trainer.snapshot(0);
    const branchA = await costs(trainer, 15);
    const tipA = trainer.snapshot(0);
    const aGoesOn = await costs(trainer, 10);

    // Roll back to day 1 with a bigger α: a different future (branch B)…
    trainer.restore(0, day1);
    trainer.setHyperparameters(0, { learningRate: 0.03 });
    const branchB = await costs(trainer, 15);
    expect(branchB).not.toEqual(branchA);
    expect(trainer.stepOf(0)).toBe(35);

    // …roll back to day 1 again, same α as A: A's costs, exactly.
    trainer.restore(0, day1);
    expect(await costs(trainer, 15)).toEqual(branchA);

    // Return to A's tip: it goes on as it did before the roll backs.
    trainer.restore(0, tipA);
    expect(trainer.stepOf(0)).toBe(35);
    expect(await costs(trainer, 10)).toEqual(aGoesOn);
    trainer.dispose();
  });

  it('should bring a snapshot’s hyperparameters back with its weights', async () => {
    const trainer = new Trainer(data, [spec()], { maxSteps: 1000, evalEvery: 1000 });
    await costs(trainer, 5);
    const day = trainer.snapshot(0);
    const after = await costs(trainer, 5);
    trainer.setHyperparameters(0, { learningRate: 0.5, miniBatchSize: 64 });
    await costs(trainer, 3);
    trainer.restore(0, day);
    expect(await costs(trainer, 5)).toEqual(after);
    trainer.dispose();
  });

  it('should apply a change made after a restore at the next step and no earlier', async () => {
    const a = new Trainer(data, [spec()], { maxSteps: 1000, evalEvery: 1000 });
    await costs(a, 10);
    const day = a.snapshot(0);
    const same = await costs(a, 2);
    a.restore(0, day);
    a.setHyperparameters(0, { learningRate: 0.3 });
    const changed = await costs(a, 2);
    // Step 11's cost is measured before its update: unchanged. Step 12 shows the new α.
    expect(changed[0]).toEqual(same[0]);
    expect(changed[1]).not.toBeCloseTo(same[1], 6);
    a.dispose();
  });
});

/** A run loop with a listener that records what the page would receive. */
function loopOf(trainer: Trainer) {
  const statuses: LoopStatus[] = [];
  const steps: number[] = [];
  const costsSeen: number[] = [];
  let waiting: { status: LoopStatus; resolve: () => void } | null = null;
  const listener: LoopListener = {
    progress(batch) {
      steps.push(...batch.train.step);
      costsSeen.push(...batch.train.cost);
    },
    status(status) {
      statuses.push(status);
      if (waiting && waiting.status === status) {
        const w = waiting;
        waiting = null;
        // Resolve at once: a command may arrive while the loop is still winding down.
        w.resolve();
      }
    },
    modelStatus() {},
    error(message) {
      throw new Error(message);
    },
  };
  const loop = new RunLoop(trainer, listener);
  const until = (status: LoopStatus) =>
    new Promise<void>((resolve) => {
      waiting = { status, resolve };
    });
  return { loop, statuses, steps, costsSeen, until };
}

describe('days in slices through the run loop', () => {
  it('should stop exactly at each slice end, take changes between slices, and resume a rolled-back day', async () => {
    const trainer = new Trainer(data, [spec()], { maxSteps: 30, evalEvery: 10 });
    const { loop, steps, costsSeen, until } = loopOf(trainer);
    let done = until('finished');
    loop.resume();
    await done;
    expect(steps.at(-1)).toBe(30);
    expect(steps).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const day1 = loop.snapshot(0);
    expect(day1.step).toBe(30);

    // The next slice, with a new α set between slices: it applies from step 31's update on.
    loop.setHyperparameters(0, { learningRate: 0.05 });
    loop.extend(50);
    done = until('finished');
    loop.resume();
    await done;
    expect(steps.at(-1)).toBe(50);
    const branchA = costsSeen.slice(30, 50);

    // Roll back to day 1: the same α as then, so the same costs again.
    loop.restore(0, day1.snapshotId);
    loop.setHyperparameters(0, { learningRate: 0.05 });
    loop.extend(50);
    done = until('finished');
    loop.resume();
    await done;
    expect(steps.slice(50)).toEqual(Array.from({ length: 20 }, (_, i) => 31 + i));
    expect(costsSeen.slice(50)).toEqual(branchA);
    await loop.stop();
  });
});

describe('memory', () => {
  it('should leave no tensors behind across snapshots, restores and branches', async () => {
    const before = tf.memory().numTensors;
    const trainer = new Trainer(data, [spec(), spec()], { maxSteps: 1000, evalEvery: 5 });
    const { loop, until } = loopOf(trainer);
    loop.extend(20);
    let done = until('finished');
    loop.resume();
    await done;
    const snaps = [loop.snapshot(0), loop.snapshot(1)];
    for (let round = 0; round < 3; round++) {
      loop.restore(1, snaps[0].snapshotId); // PBT's exploit: 1 becomes a copy of 0
      loop.setHyperparameters(1, { learningRate: 0.001 * (round + 1), miniBatchSize: round === 1 ? 64 : 32 });
      loop.restore(0, snaps[1].snapshotId);
      loop.setModelActive(0, round !== 2);
      loop.extend(20 + 10 * (round + 1));
      done = until('finished');
      loop.resume();
      await done;
      snaps.push(loop.snapshot(0));
    }
    await loop.stop();
    expect(tf.memory().numTensors).toBe(before);
  });
});
