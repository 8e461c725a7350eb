import { describe, expect, it } from 'vitest';
import { COMPARE_STEPS } from '../../core/gridRandomLesson';
import { COMPARE_BUDGET } from '../../core/search/repeat';
import { fakeWorker } from '../../state/fakeWorker';
import { createRunChannel } from '../../state/runChannel';
import { compareStepsOf, createSearchStore, defaultStudyLink, shownSteps } from './searchStore';

/** A search lab over a fake worker whose trials finish at once, the dev cost growing with the model index. */
function lab(autoRun = true) {
  const worker = fakeWorker(autoRun ? { autoRun: { cost: (model) => 0.1 + model * 0.01 } } : {});
  const port = createRunChannel({ makeClient: () => worker.port, throttleMs: 0 });
  const store = createSearchStore({ port });
  return { worker, store, port };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('search store', () => {
  it('should train a study as one population and record every trial’s result', async () => {
    const { worker, store, port } = lab();
    await store.getState().runStudy();
    const start = worker.sentOf('start')[0];
    const budget = Number(defaultStudyLink().budget);
    expect(start.models).toHaveLength(budget);
    expect(new Set(start.models.map((m) => m.hyper.learningRate)).size).toBe(budget);
    await settle();
    const s = store.getState();
    expect(s.status).toBe('finished');
    expect(s.trials.every((t) => t.status === 'finished')).toBe(true);
    expect(s.trials[0].devCost).toBeCloseTo(0.1);
    expect(s.trials[3].devCost).toBeCloseTo(0.13);
    port.dispose();
  });

  it('should zoom into the brushed region as a second round on the same budget', async () => {
    const { worker, store, port } = lab();
    await store.getState().runStudy();
    await settle();
    const first = store.getState().rounds[0];
    store.getState().setBrush({ learningRate: [-3, -1] }); // axis coordinates: log10 α
    await store.getState().zoomIn();
    await settle();
    const s = store.getState();
    expect(s.rounds).toHaveLength(2);
    expect(s.rounds[1].trialIds).toHaveLength(first.trialIds.length);
    const second = worker.sentOf('start')[1];
    for (const m of second.models) {
      expect(m.hyper.learningRate).toBeGreaterThanOrEqual(1e-3);
      expect(m.hyper.learningRate).toBeLessThanOrEqual(1e-1);
    }
    expect(s.zooms).toHaveLength(1);
    port.dispose();
  });

  it('should train the three strategies’ samples of one budget together', async () => {
    const { worker, store, port } = lab();
    await store.getState().runComparison();
    // The comparison's own budget: 9 trials per strategy (a 3 × 3 grid against 9 draws).
    expect(worker.sentOf('start')[0].models.length).toBe(3 * COMPARE_BUDGET);
    expect(new Set(store.getState().trials.map((t) => t.strategy))).toEqual(
      new Set(['grid', 'random', 'quasi']),
    );
    port.dispose();
  });

  it('should repeat the comparison over seeds as one population, each seed from its own weights', async () => {
    const { worker, store, port } = lab();
    store.getState().setRepeatCount('3');
    await store.getState().runRepeat();
    const start = worker.sentOf('start');
    expect(start).toHaveLength(1);
    expect(start[0].models).toHaveLength(3 * 3 * COMPARE_BUDGET);
    const seed = store.getState().seed;
    expect(store.getState().rounds[0].seeds).toEqual([seed, seed + 1, seed + 2]);
    // Model seeds follow the trials' seeds; the data is the study's.
    expect(new Set(start[0].models.map((m) => m.seed))).toEqual(new Set([seed, seed + 1, seed + 2]));
    expect(start[0].data.seed).toBe(seed);
    port.dispose();
  });

  it('should train the comparison for its own steps, and the study for the study’s', async () => {
    const { worker, store, port } = lab();
    await store.getState().runComparison();
    await settle();
    expect(worker.sentOf('start')[0].maxSteps).toBe(COMPARE_STEPS);
    // What the page shows and exports for those trials: the comparison's steps.
    expect(shownSteps(store.getState())).toBe(COMPARE_STEPS);
    expect(store.getState().exportStudyFile()?.steps).toBe(COMPARE_STEPS);
    store.getState().setCompareSteps('120');
    await store.getState().runRepeat();
    expect(worker.sentOf('start')[1].maxSteps).toBe(120);
    await store.getState().runStudy();
    expect(worker.sentOf('start')[2].maxSteps).toBe(defaultStudyLink().steps);
    expect(shownSteps(store.getState())).toBe(defaultStudyLink().steps);
    port.dispose();
  });

  it('should refuse bad comparison steps and train nothing', async () => {
    const { worker, store, port } = lab();
    for (const bad of ['', '2.5', '19', '5001', 'abc']) {
      store.getState().setCompareSteps(bad);
      expect(compareStepsOf(bad)).toEqual({
        ok: false,
        reason: 'Steps per trial must be a whole number from 20 to 5000.',
      });
      await store.getState().runComparison();
      await store.getState().runRepeat();
    }
    expect(worker.sentOf('start')).toHaveLength(0);
    port.dispose();
  });

  it('should refuse a bad number of seeds and train nothing', async () => {
    const { worker, store, port } = lab();
    store.getState().setRepeatCount('0');
    await store.getState().runRepeat();
    expect(worker.sentOf('start')).toHaveLength(0);
    port.dispose();
  });

  it('should pause a training study when the learner leaves, say so, and resume it', async () => {
    const { worker, store, port } = lab(false);
    await store.getState().runStudy();
    expect(store.getState().status).toBe('running');
    store.getState().leave('Playground');
    await settle();
    expect(worker.sentOf('pause')).toHaveLength(1);
    expect(store.getState()).toMatchObject({
      status: 'paused',
      awayNote: 'Paused while you were in the Playground.',
    });
    await store.getState().resumeAfterAway();
    expect(store.getState()).toMatchObject({ status: 'running', awayNote: null });
    port.dispose();
  });

  it('should mark the study’s trials stopped, not finished, when the worker is lost', async () => {
    const { worker, store, port } = lab(false);
    await store.getState().runStudy();
    worker.fail('The training worker failed: it crashed.');
    const s = store.getState();
    expect(s.status).toBe('stopped');
    expect(s.error).toBeNull(); // the app's banner says why
    expect(s.trials.every((t) => t.status === 'stopped')).toBe(true);
    port.dispose();
  });
});
