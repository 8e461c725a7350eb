// The playground's defaults are a lesson of their own: pressing Train with nothing changed must show
// a net that learns the spiral, at a pace a learner can watch, and converges by the step limit.
import { beforeAll, describe, expect, it } from 'vitest';
import { dataConfigOf, DEFAULT_EXPERIMENT, modelSpecOf } from '../core/experiment';
import { prepareData } from './preparedData';
import { useCpuBackend } from './testBackend';
import { Trainer } from './trainer';

beforeAll(useCpuBackend);

/**
 * Final dev accuracy of the default net from each initialisation seed (its own weights and mini-batch
 * order), trained side by side on the default data as one stacked population: one run's cost for all.
 */
async function finalDevAccuracies(seeds: number[]): Promise<number[]> {
  const e = DEFAULT_EXPERIMENT;
  const models = seeds.map((seed) => ({ ...modelSpecOf(e), seed }));
  const trainer = new Trainer(prepareData(dataConfigOf(e)), models, {
    maxSteps: e.steps,
    evalEvery: e.steps,
  });
  const accuracy = seeds.map(() => Number.NaN);
  while (!trainer.done) {
    for (let i = 0; i < 200 && !trainer.done; i++) trainer.step();
    const c = await trainer.collect();
    c.dev.model.forEach((m, i) => {
      accuracy[m] = c.dev.accuracy[i];
    });
  }
  trainer.dispose();
  return accuracy;
}

describe('the playground’s default experiment', () => {
  it('should converge by its step limit: dev accuracy ≥ 0.9 from seeds 1, 2 and 3', async () => {
    // Measured here: 0.995, 0.995, 0.99. Trained alone (data seed = model seed too): 1.00, 1.00, 0.99 at
    // 3000 steps, where the former limit of 2000 left 0.87, 0.74, 0.96.
    const accuracies = await finalDevAccuracies([1, 2, 3]);
    for (const [i, a] of accuracies.entries()) expect(a, `seed ${i + 1}`).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it('should take several seconds at the default speed', () => {
    const seconds = DEFAULT_EXPERIMENT.steps / (DEFAULT_EXPERIMENT.speed ?? Number.POSITIVE_INFINITY);
    expect(seconds).toBeGreaterThanOrEqual(5);
    expect(seconds).toBeLessThanOrEqual(20);
  });
});
