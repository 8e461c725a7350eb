import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { sceneById } from '../../core/scenes/sceneCatalog';
import { axisDomain, defaultSpace, toAxis } from '../../core/search/space';
import type { Round, Trial } from '../../core/search/study';
import type { Strategy } from '../../core/search/strategies';
import { fieldProblemStore } from './fieldProblems';
import { regionAroundBest, repeatOutcome, revealCoarseToFine, zoomOutcome } from './searchScenes';
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

describe('zoomOutcome', () => {
  function rounds(best1: number, best2: number, status: SearchState['status'] = 'finished') {
    const r1 = [trial('random', 1, 0.01, best1 + 0.2), trial('random', 1, 0.05, best1)];
    const r2 = [trial('random', 1, 0.03, best2), trial('random', 1, 0.04, best2 + 0.1)].map((t) => ({
      ...t,
      round: 1,
    }));
    const first: Round = { index: 0, space, strategy: 'random', region: null, trialIds: r1.map((t) => t.id) };
    const second: Round = {
      index: 1,
      space,
      strategy: 'random',
      region: { learningRate: [-2, -1] },
      trialIds: r2.map((t) => t.id),
    };
    return { state: { rounds: [first, second], trials: [...r1, ...r2], status }, first };
  }
  it('compares the best score of each round, as the Rounds list shows them', () => {
    const { state: s, first } = rounds(0.2, 0.1);
    expect(zoomOutcome(s, first)).toEqual({
      choice: 'better',
      detail: 'best dev cost 0.2 in round 1 (2 trials), 0.1 in round 2 (2 trials, zoomed)',
    });
    const same = rounds(0.2, 0.205);
    expect(zoomOutcome(same.state, same.first)?.choice).toBe('same');
    const worse = rounds(0.2, 0.3);
    expect(zoomOutcome(worse.state, worse.first)?.choice).toBe('worse');
  });
  it('answers no choice when a round has no measured trial', () => {
    const { state: s, first } = rounds(0.2, 0.1);
    const diverged = s.trials.map((t) => (t.round === 1 ? { ...t, status: 'diverged' as const } : t));
    const o = zoomOutcome({ ...s, trials: diverged }, first);
    expect(o?.choice).toBeNull();
    expect(o?.detail).toContain('none (every trial diverged) in round 2');
  });
  it('waits for the zoomed round after the round Reveal ran, and for it to finish', () => {
    const { state: s, first } = rounds(0.2, 0.1);
    expect(zoomOutcome({ ...s, status: 'running' }, first)).toBeNull();
    expect(zoomOutcome({ ...s, rounds: [first] }, first)).toBeNull();
    expect(zoomOutcome(s, null)).toBeNull();
    expect(zoomOutcome(s, { ...first })).toBeNull();
  });
});

describe('regionAroundBest', () => {
  it('centres 40 % of each shown axis on the best trial, as "Select around the best" does', () => {
    const { state: s } = state();
    const region = regionAroundBest({ rounds: s.rounds, trials: s.trials });
    const best = s.trials.reduce((a, b) => (b.devCost < a.devCost ? b : a));
    const [lo, hi] = region?.learningRate ?? [Number.NaN, Number.NaN];
    const [a, b] = axisDomain(space.learningRate);
    expect(hi - lo).toBeCloseTo((b - a) * 0.4);
    const at = toAxis(space.learningRate, best.values.learningRate);
    expect(at).toBeGreaterThanOrEqual(lo);
    expect(at).toBeLessThanOrEqual(hi);
  });
  it('gives no region before a study has trials', () => {
    expect(regionAroundBest({ rounds: [], trials: [] })).toBeNull();
  });
});

describe('the coarse-to-fine scene', () => {
  it('should say the budget its link sets', () => {
    const scene = sceneById('coarse-to-fine');
    const budget = new URLSearchParams(scene?.params).get('budget');
    expect(scene?.caption[0]).toContain(`a wide search of ${budget} trials`);
  });
});

describe('revealCoarseToFine', () => {
  /** A stand-in store: Run study makes one round of the given trials; Zoom in is recorded. */
  function fakeStore() {
    const calls: string[] = [];
    const { state: s } = state();
    const round: Round = { ...s.rounds[0], strategy: 'random', seeds: undefined };
    const store = createStore<SearchState>()(
      (set, get) =>
        ({
          rounds: [],
          trials: [],
          zooms: [],
          status: 'idle',
          brush: null,
          dropZooms: () => calls.push('dropZooms'),
          runStudy: async () => {
            calls.push('runStudy');
            set({ rounds: [round], trials: s.trials, status: 'running' });
          },
          setBrush: (brush: SearchState['brush']) => set({ brush }),
          zoomIn: async () => {
            calls.push(`zoomIn around ${JSON.stringify(get().brush)}`);
          },
        }) as unknown as SearchState,
    );
    return { store, calls, round, trials: s.trials };
  }
  it('runs round 1, and once it has finished selects the region around its best trial and zooms in', () => {
    const { store, calls, round, trials } = fakeStore();
    expect(revealCoarseToFine(store).first).toBe(round);
    expect(calls).toEqual(['runStudy']);
    store.setState({ status: 'paused' });
    expect(calls).toEqual(['runStudy']);
    store.setState({ status: 'finished' });
    const region = regionAroundBest({ rounds: [round], trials });
    expect(calls).toEqual(['runStudy', `zoomIn around ${JSON.stringify(region)}`]);
    // Once only.
    store.setState({ status: 'finished', brush: null });
    expect(calls).toHaveLength(2);
  });
  it('does not zoom once cancelled (the class left the scene while round 1 trained)', () => {
    const { store, calls } = fakeStore();
    const { cancel } = revealCoarseToFine(store);
    cancel();
    store.setState({ status: 'finished' });
    expect(calls).toEqual(['runStudy']);
  });
  it('starts nothing while a field of the lab shows an error, as Run study does', () => {
    const { store, calls } = fakeStore();
    fieldProblemStore
      .getState()
      .report('Steps per trial', 'Steps per trial must be a whole number from 20 to 5000');
    try {
      expect(revealCoarseToFine(store).first).toBeNull();
      expect(calls).toEqual([]);
    } finally {
      fieldProblemStore.getState().report('Steps per trial', null);
    }
    expect(revealCoarseToFine(store).first).not.toBeNull();
  });
  it('does not zoom when round 1 was stopped', () => {
    const { store, calls } = fakeStore();
    revealCoarseToFine(store);
    store.setState({ status: 'stopped' });
    store.setState({ status: 'finished' });
    expect(calls).toEqual(['runStudy']);
  });
});
