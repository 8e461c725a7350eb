// Lesson 3.3's fair setup: the panda lab's default model learns visibly within its first days, so a
// learner who babysits it sees the cost fall before changing anything.
import { beforeAll, describe, expect, it } from 'vitest';
import { dataConfigOf, modelSpecOf } from '../core/experiment';
import { setting } from '../core/hyperparameters';
import { PANDA_EXPERIMENT } from '../core/panda/pandaExperiment';
import { prepareData } from './preparedData';
import { useCpuBackend } from './testBackend';
import { Trainer } from './trainer';

const DEFAULT_DAY_LENGTH = setting('dayLength').default;

/** Dev cost at the end of each of `days` days. */
async function devCostByDay(seed: number, days: number): Promise<number[]> {
  const e = { ...PANDA_EXPERIMENT, seed };
  const trainer = new Trainer(prepareData(dataConfigOf(e)), [modelSpecOf(e)], {
    maxSteps: days * DEFAULT_DAY_LENGTH,
    evalEvery: DEFAULT_DAY_LENGTH,
  });
  const costs: number[] = [];
  try {
    while (!trainer.done) {
      trainer.step();
      costs.push(...(await trainer.collect()).dev.cost);
    }
  } finally {
    trainer.dispose();
  }
  return costs;
}

describe('the panda lab’s default model', () => {
  beforeAll(useCpuBackend);

  it('should learn visibly within three days on every seed tried', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const [day1, , day3] = await devCostByDay(seed, 3);
      // Chance on two balanced classes is ln 2 ≈ 0.693.
      expect(day3, `seed ${seed}`).toBeLessThan(0.45);
      expect(day3, `seed ${seed}`).toBeLessThan(0.8 * day1);
    }
  }, 60_000);
});
