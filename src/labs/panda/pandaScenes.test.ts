import { describe, expect, it } from 'vitest';
import { caviarOutcome, equalComputeOutcome } from './pandaScenes';
import type { PandaState, PopulationRun } from './pandaStore';

/** A stand-in for the store's state: a tree with one best cost and a caviar run of given members' costs. */
function state(pandaBest: number, members: number[][], phase: PopulationRun['phase'], runId = 7) {
  const tree = { bestDevCost: () => pandaBest, modelSteps: () => 300 };
  const caviar = {
    runId,
    phase,
    budget: 296,
    series: { models: members.map((costs) => ({ devCost: { view: () => costs } })) },
  };
  return { tree, populations: { caviar } } as unknown as Pick<PandaState, 'tree' | 'populations'>;
}

describe('equalComputeOutcome', () => {
  it('should pick the lower best dev cost and tie within 2 % of the larger', () => {
    const base = { pandaSteps: 300, caviarSteps: 296 };
    expect(equalComputeOutcome({ ...base, pandaBest: 0.2, caviarBest: 0.4 }).choice).toBe('panda');
    expect(equalComputeOutcome({ ...base, pandaBest: 0.4, caviarBest: 0.2 }).choice).toBe('caviar');
    expect(equalComputeOutcome({ ...base, pandaBest: 0.4, caviarBest: 0.395 }).choice).toBe('tie');
    expect(equalComputeOutcome({ ...base, pandaBest: 0.2, caviarBest: 0.4 }).detail).toBe(
      'best dev cost 0.2 for the panda (300 model-steps), 0.4 for the caviar (296 model-steps)',
    );
  });
});

describe('caviarOutcome', () => {
  it('should judge only the finished caviar run Reveal started, on its best member', () => {
    const done = state(0.3, [[0.9, 0.5], [Number.NaN], [0.8, 0.1]], 'done');
    const o = caviarOutcome(done, 7);
    expect(o?.choice).toBe('caviar');
    expect(o?.detail).toContain('0.1 for the caviar');
    expect(caviarOutcome(done, 6)).toBeNull();
    expect(caviarOutcome(done, null)).toBeNull();
    expect(caviarOutcome(state(0.3, [[0.1]], 'training'), 7)).toBeNull();
  });
});
