import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../../state/fakeWorker';
import { createRunChannel } from '../../state/runChannel';
import { createSearchStore } from './searchStore';
import { ghostLabel, studyGhost } from './studyGhost';

/** A search lab over a fake worker whose trials finish at once, the dev cost growing with the model index. */
function lab() {
  const worker = fakeWorker({ autoRun: { cost: (model) => 0.1 + model * 0.01 } });
  const port = createRunChannel({ makeClient: () => worker.port, throttleMs: 0 });
  const store = createSearchStore({ port });
  return { worker, store, port };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('the search lab’s study ghost', () => {
  it('should keep the study before the one on the chart, across a zoom and a comparison, until cleared', async () => {
    const { store, port } = lab();
    const ghost = studyGhost(store);
    expect(studyGhost(store)).toBe(ghost); // one per store

    await store.getState().runStudy();
    await settle();
    const first = store.getState();
    const firstBest = first.trials[0];
    expect(ghost.get().current?.first).toBe(first.rounds[0]);
    expect(ghost.get().previous).toBeNull();

    // A zoomed round is more of the same study: no ghost, and its trials join the study.
    store.getState().setBrush({ learningRate: [-3, -1] });
    await store.getState().zoomIn();
    await settle();
    expect(ghost.get().previous).toBeNull();
    expect(ghost.get().current?.rounds).toBe(2);
    const studyTrials = store.getState().trials.length;

    // The strategy comparison is no study: the pair stays as it was.
    await store.getState().runComparison();
    await settle();
    expect(ghost.get().previous).toBeNull();
    expect(ghost.get().current?.first).toBe(first.rounds[0]);

    // A new study: the first one (both rounds) becomes the ghost, its best trial's curve from round 1.
    store.getState().setSeed(2);
    await store.getState().runStudy();
    await settle();
    const previous = ghost.get().previous!;
    expect(previous.trials).toBe(studyTrials);
    expect(previous.rounds).toBe(2);
    expect(previous.best?.id).toBe(firstBest.id);
    expect(previous.best?.devCost).toBeCloseTo(0.1);
    expect(previous.curve?.trainCost.last()).toBeCloseTo(0.1);
    expect(previous.maxStep).toBe(store.getState().steps);
    expect(ghostLabel(previous)).toMatch(
      new RegExp(`^previous study: ${studyTrials} trials in 2 rounds, best dev cost 0\\.1\\d* at α = `),
    );

    // The next study's ghost is the second one, not the first.
    await store.getState().runStudy();
    await settle();
    expect(ghost.get().previous?.rounds).toBe(1);
    expect(ghost.get().previous?.trials).toBe(Number(store.getState().budget));

    ghost.clear();
    expect(ghost.get().previous).toBeNull();
    expect(ghost.get().current?.first).toBe(store.getState().rounds[0]);
    port.dispose();
  });

  it('should not keep a study that drew nothing as a ghost', async () => {
    const { store, port } = lab();
    const ghost = studyGhost(store);
    await store.getState().runStudy();
    await settle();
    // Started and stopped before its first point: the first study is its ghost …
    const pending = store.getState().runStudy();
    store.getState().stop();
    await pending;
    await settle();
    const kept = ghost.get().previous;
    expect(kept?.curve?.trainStep.length).toBe(1);
    // … and, having drawn nothing, it is no ghost itself: the next study keeps the first one.
    await store.getState().runStudy();
    await settle();
    expect(ghost.get().previous).toBe(kept);
    port.dispose();
  });

  it('should say so when no trial of the previous study has a dev cost', () => {
    expect(
      ghostLabel({ trials: 9, rounds: 1, best: null, curve: null, keys: ['learningRate'], maxStep: 100 }),
    ).toBe('previous study: 9 trials, none with a dev cost (every trial diverged or stopped early)');
  });
});
