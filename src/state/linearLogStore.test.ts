// "Train all" on each scale keeps its finished population, one entry per scale, for the comparison.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerEvent } from '../worker/protocol';
import { fakeWorker } from './fakeWorker';
import { createRunChannel } from './runChannel';
import { selectGhostPopulation } from './selectors';
import { createAppStore } from './store';

vi.mock('./autosave', () => ({ autosave: async () => null }));

/** Every model of a population reports one final dev cost at step 100. */
function finalDev(runId: number, costs: number[]): WorkerEvent {
  const n = costs.length;
  const models = Int32Array.from(costs.map((_, i) => i));
  return {
    type: 'progress',
    runId,
    train: { model: models, step: new Int32Array(n).fill(100), cost: Float32Array.from(costs) },
    dev: {
      model: models,
      step: new Int32Array(n).fill(100),
      cost: Float32Array.from(costs),
      accuracy: new Float32Array(n).fill(0.9),
    },
    steps: new Int32Array(n).fill(100),
    learningRate: new Float32Array(n).fill(0.01),
  };
}

describe('linear vs log populations in the store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps one finished population per scale and shows the other scale as the ghost', async () => {
    const worker = fakeWorker();
    const port = createRunChannel({ makeClient: () => worker.port, throttleMs: 100 });
    const store = createAppStore({ port });
    store.getState().setField('samples', 3);

    store.getState().setField('scale', 'linear');
    await store.getState().trainAll();
    let runId = store.getState().runId ?? -1;
    worker.emit(finalDev(runId, [0.5, 0.3, 0.9]));
    worker.emit({ type: 'status', runId, status: 'finished' });
    vi.advanceTimersByTime(200);
    const linear = store.getState().lastPopulationByScale.linear;
    expect(linear?.bestDevCost).toBeCloseTo(0.3, 5);
    expect(linear?.bestLearningRate).toBe(store.getState().models[1].learningRate);
    expect(store.getState().lastPopulationByScale.log).toBeUndefined();

    store.getState().setField('scale', 'log');
    await store.getState().trainAll();
    // While log trains, the finished linear population is the ghost.
    expect(selectGhostPopulation(store.getState())).toBe(linear);
    runId = store.getState().runId ?? -1;
    worker.emit({ type: 'modelStatus', runId, model: 2, status: 'diverged', step: 10, reason: 'NaN' });
    worker.emit(finalDev(runId, [0.2, 0.25, 0.1]));
    worker.emit({ type: 'status', runId, status: 'finished' });
    vi.advanceTimersByTime(200);
    const log = store.getState().lastPopulationByScale.log;
    // The diverged model does not count, however low its last number.
    expect(log?.bestDevCost).toBeCloseTo(0.2, 5);
    expect(store.getState().lastPopulationByScale.linear).toBe(linear);

    // Linear again: its entry is replaced, log's stays and is now the ghost.
    store.getState().setField('scale', 'linear');
    await store.getState().trainAll();
    expect(selectGhostPopulation(store.getState())).toBe(log);
    runId = store.getState().runId ?? -1;
    worker.emit(finalDev(runId, [0.7, 0.6, 0.8]));
    worker.emit({ type: 'status', runId, status: 'finished' });
    vi.advanceTimersByTime(200);
    expect(store.getState().lastPopulationByScale.linear?.bestDevCost).toBeCloseTo(0.6, 5);
    expect(store.getState().lastPopulationByScale.log).toBe(log);
  });
});
