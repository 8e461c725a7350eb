import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeWorker, progressEvent } from '../../state/fakeWorker';
import { createRunChannel } from '../../state/runChannel';
import { comparisonGhost, ghostLabel } from './comparisonGhost';
import { decodeLabLink } from './labHash';
import { createLabStore } from './labStore';

function lab() {
  const worker = fakeWorker();
  const port = createRunChannel({ makeClient: () => worker.port, throttleMs: 0 });
  const store = createLabStore(decodeLabLink('#lab=batchnorm'), { port });
  return { worker, store, port };
}

/** One point on each of the comparison's two models. */
const point = (runId: number, step: number) =>
  progressEvent(runId, [
    { model: 0, step, cost: 1, devCost: 1, devAccuracy: 0.2 },
    { model: 1, step, cost: 0.5, devCost: 0.5, devAccuracy: 0.8 },
  ]);

describe('the batch-norm comparison ghost', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should keep the comparison before the one on the chart, across a sweep, until cleared', async () => {
    const { worker, store, port } = lab();
    const ghost = comparisonGhost(store);
    expect(comparisonGhost(store)).toBe(ghost); // one per store
    const seen = vi.fn();
    ghost.subscribe(seen);

    store.getState().setExperiment({ learningRate: 0.3 });
    await store.getState().runComparison();
    worker.emit(point(store.getState().runId!, 10));
    const first = store.getState().series;
    expect(ghost.get().current?.series).toBe(first);
    expect(ghost.get().previous).toBeNull();
    expect(seen).toHaveBeenCalled();

    store.getState().setExperiment({ learningRate: 0.03 });
    await store.getState().runComparison();
    expect(ghost.get().previous?.series).toBe(first);
    expect(ghost.get().previous?.experiment.learningRate).toBe(0.3);
    expect(ghostLabel(ghost.get().previous!, store.getState().experiment)).toBe(
      'previous comparison: α = 0.3',
    );
    worker.emit(point(store.getState().runId!, 10));
    const second = store.getState().series;

    // A sweep in between is no comparison: the pair stays, and the next comparison's ghost is the second.
    await store.getState().runSweep();
    expect(ghost.get().previous?.series).toBe(first);
    await store.getState().runComparison();
    expect(ghost.get().previous?.series).toBe(second);

    ghost.clear();
    expect(ghost.get().previous).toBeNull();
    expect(ghost.get().current?.series).toBe(store.getState().series);
    port.dispose();
  });

  it('should not keep a comparison that drew nothing as a ghost', async () => {
    const { worker, store, port } = lab();
    const ghost = comparisonGhost(store);
    await store.getState().runComparison();
    worker.emit(point(store.getState().runId!, 10));
    const drawn = store.getState().series;
    await store.getState().runComparison(); // stopped before its first point
    await store.getState().runComparison();
    expect(ghost.get().previous?.series).toBe(drawn);
    port.dispose();
  });

  it('should name the network and the steps when they differ from the comparison on the chart', async () => {
    const { store, port } = lab();
    const ghost = comparisonGhost(store);
    await store.getState().runComparison();
    const before = store.getState().experiment;
    const prev = ghost.get().current!;
    expect(ghostLabel(prev, { ...before, hidden: [16], activation: 'relu', steps: 99 })).toBe(
      `previous comparison: α = ${before.learningRate}, ${before.hidden.length} layers of ${before.hidden.join('-')} ${before.activation}, ${before.steps} steps`,
    );
    port.dispose();
  });
});
