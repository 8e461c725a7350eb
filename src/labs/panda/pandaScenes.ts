// The panda lab's caviar scene reads its own run: the two best dev costs the comparison table shows
// (the panda's over every branch it trained, the caviar's over every member), judged by the scene's
// rule (core/scenes/judges.ts). Only the caviar run Reveal started answers, and only once it is done.
import { lowest } from '../../core/panda/caviar';
import { judgeLower } from '../../core/scenes/judges';
import type { SceneOutcome } from '../../core/scenes/sceneTypes';
import { formatCost } from '../../ui/format';
import type { PandaState } from './pandaStore';

/** Days the panda trains on Reveal when it has not trained yet: the caviar needs its compute to match. */
export const REVEAL_PANDA_DAYS = 3;

/** The two sides' best dev costs and model-steps, as the equal-compute table shows them. */
export interface EqualCompute {
  pandaBest: number;
  pandaSteps: number;
  caviarBest: number;
  caviarSteps: number;
}

export function equalComputeOutcome(c: EqualCompute): SceneOutcome {
  return {
    choice: judgeLower({ id: 'panda', cost: c.pandaBest }, { id: 'caviar', cost: c.caviarBest }),
    detail: `best dev cost ${formatCost(c.pandaBest)} for the panda (${c.pandaSteps} model-steps), ${formatCost(
      c.caviarBest,
    )} for the caviar (${c.caviarSteps} model-steps)`,
  };
}

/** "Caviar on equal compute": the finished caviar run `runId` (the one Reveal started) against the panda. */
export function caviarOutcome(
  state: Pick<PandaState, 'tree' | 'populations'>,
  runId: number | null,
): SceneOutcome | null {
  const run = state.populations.caviar;
  if (runId === null || !run || run.runId !== runId || run.phase !== 'done') return null;
  return equalComputeOutcome({
    pandaBest: state.tree.bestDevCost(),
    pandaSteps: state.tree.modelSteps(),
    caviarBest: lowest(run.series.models.map((m) => lowest(m.devCost.view()))),
    caviarSteps: run.budget,
  });
}
