// What the search lesson's engine tests share: trials trained as the search lab trains them (one
// population on the spiral of one seed, each trial from its own seed's weights, evaluated every
// evalEveryOf(steps) steps) and scored by the lab's own score.
import type { OptimizerName } from '../core/config';
import { DEFAULT_EXPERIMENT, dataConfigOf } from '../core/experiment';
import { evalEveryOf, trialScore } from '../core/search/score';
import type { TrialValues } from '../core/search/space';
import { modelSpecOfTrial } from '../core/search/trial';
import { prepareData } from './preparedData';
import { Trainer } from './trainer';

export async function trainTrials(
  trials: readonly { values: TrialValues; seed: number }[],
  dataSeed: number,
  steps: number,
  optimizer: OptimizerName = 'adam',
): Promise<{ score: number[]; accuracy: number[] }> {
  const data = dataConfigOf({ ...DEFAULT_EXPERIMENT, dataset: 'spiral', seed: dataSeed });
  const trainer = new Trainer(
    prepareData(data),
    trials.map((t) => modelSpecOfTrial(t.values, { optimizer, seed: t.seed, steps })),
    { maxSteps: steps, evalEvery: evalEveryOf(steps) },
  );
  const dev: number[][] = trials.map(() => []);
  const accuracy = trials.map(() => Number.NaN);
  try {
    while (!trainer.done) {
      for (let i = 0; i < 100 && !trainer.done; i++) trainer.step();
      const c = await trainer.collect();
      c.dev.model.forEach((m, j) => {
        dev[m].push(c.dev.cost[j]);
        accuracy[m] = c.dev.accuracy[j];
      });
    }
    const score = dev.map((d, m) =>
      trainer.status(m) === 'diverged' ? Number.POSITIVE_INFINITY : trialScore(d),
    );
    return { score, accuracy };
  } finally {
    trainer.dispose();
  }
}
