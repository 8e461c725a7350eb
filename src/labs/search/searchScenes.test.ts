import { describe, expect, it } from 'vitest';
import { defaultSpace } from '../../core/search/space';
import type { Round, Trial } from '../../core/search/study';
import type { Strategy } from '../../core/search/strategies';
import { repeatOutcome } from './searchScenes';
import type { SearchState } from './searchStore';

const space = defaultSpace();
let nextId = 1;
function trial(strategy: Strategy, seed: number, lr: number, devCost: number): Trial {
  return {
    id: nextId++,
    round: 0,
    strategy,
    values: { learningRate: lr, epsilon: 1e-8 } as Trial['values'],
    ...(seed === 1 ? {} : { seed }),
    status: 'finished',
    trainCost: devCost,
    devCost,
    devAccuracy: 0.9,
    steps: 200,
  };
}

/** Three seeds: random beats the grid on seeds 1 and 2, not on 3. */
function state(status: SearchState['status'] = 'finished') {
  const trials = [
    ...[1, 2, 3].flatMap((seed) => [
      trial('grid', seed, 0.01, 0.3),
      trial('random', seed, 0.1, seed === 3 ? 0.4 : 0.1),
      trial('quasi', seed, 0.05, 0.2),
    ]),
  ];
  const round: Round = {
    index: 0,
    space,
    strategy: 'compare',
    region: null,
    trialIds: trials.map((t) => t.id),
    seeds: [1, 2, 3],
  };
  return { state: { rounds: [round], trials, seed: 1, status }, round };
}

describe('repeatOutcome', () => {
  it('counts the seeds random beat the grid on and judges them by the scene rule', () => {
    const { state: s, round } = state();
    expect(repeatOutcome(s, round)).toEqual({
      choice: 'random',
      detail: 'Random beat the grid on 2 of 3 seeds',
    });
  });
  it('waits for the repeat Reveal started to finish', () => {
    const { state: s, round } = state('running');
    expect(repeatOutcome(s, round)).toBeNull();
    const done = state().state;
    expect(repeatOutcome(done, null)).toBeNull();
    // An older comparison on screen is not the one Reveal started.
    expect(repeatOutcome(done, { ...round })).toBeNull();
  });
});
