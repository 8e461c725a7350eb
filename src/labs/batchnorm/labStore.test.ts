import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProbeFrame } from '../../core/inspection';
import { fakeWorker, progressEvent } from '../../state/fakeWorker';
import { createRunChannel } from '../../state/runChannel';
import { decodeLabLink } from './labHash';
import { createLabStore, INSPECT_EVERY_MS } from './labStore';

function lab() {
  const worker = fakeWorker();
  const port = createRunChannel({ makeClient: () => worker.port, throttleMs: 0 });
  const store = createLabStore(decodeLabLink('#lab=batchnorm'), { port });
  return { worker, store, port };
}

function withFrame(runId: number, step: number) {
  const event = progressEvent(runId, [{ model: 0, step, cost: 1 }]);
  event.probe = { model: 0, frame: { step } as ProbeFrame };
  return event;
}

describe('batch-norm lab store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should compare with and without batch norm as one population on the same seed', async () => {
    const { worker, store, port } = lab();
    await store.getState().runComparison();
    const { models } = worker.sentOf('start')[0];
    expect(models).toHaveLength(2);
    expect(models[0].batchNorm.some(Boolean)).toBe(false);
    expect(models[1].batchNorm.every(Boolean)).toBe(true);
    expect(models[0].seed).toBe(models[1].seed);
    port.dispose();
  });

  it('should sweep α with and without batch norm: 2 × count models', async () => {
    const { worker, store, port } = lab();
    await store.getState().runSweep();
    const { models } = worker.sentOf('start')[0];
    const count = store.getState().sweep.count;
    expect(models).toHaveLength(2 * count);
    expect(models.slice(0, count).map((m) => m.hyper.learningRate)).toEqual(
      models.slice(count).map((m) => m.hyper.learningRate),
    );
    port.dispose();
  });

  it('should train the live network beside its twin with batch norm flipped, and read the twin’s frame after each of its own', async () => {
    const { worker, store, port } = lab();
    await store.getState().startLive(false);
    const { models, probe } = worker.sentOf('start')[0];
    expect(models).toHaveLength(2);
    expect(models[0].batchNorm.every(Boolean)).toBe(true);
    expect(models[1].batchNorm.some(Boolean)).toBe(false);
    expect(models[1].seed).toBe(models[0].seed);
    expect(probe?.model).toBe(0);
    expect(worker.sentOf('probe')).toHaveLength(0);
    worker.emit(withFrame(store.getState().runId!, 10));
    expect(worker.sentOf('probe').map((r) => r.model)).toEqual([1]);

    // A network without batch norm gets a twin with it on every layer (test time always has one).
    store.getState().setBatchNormAll(false);
    await vi.advanceTimersByTimeAsync(0);
    const rebuilt = worker.sentOf('start')[1].models;
    expect(rebuilt[0].batchNorm.some(Boolean)).toBe(false);
    expect(rebuilt[1].batchNorm.every(Boolean)).toBe(true);
    port.dispose();
  });

  it('should read a watched unit when the network is built, then again with the probe frames, at most once a second', async () => {
    const { worker, store, port } = lab();
    const unwatch = store.getState().watchInspection({ layer: 0, unit: 0, batchSeed: 1 });
    expect(worker.sentOf('inspect')).toHaveLength(0); // no network yet
    await store.getState().startLive(false);
    const runId = store.getState().runId!;
    worker.emit(withFrame(runId, 10));
    expect(worker.sentOf('inspect')).toHaveLength(1);
    worker.emit(withFrame(runId, 20)); // too soon
    expect(worker.sentOf('inspect')).toHaveLength(1);
    vi.advanceTimersByTime(INSPECT_EVERY_MS);
    worker.emit(withFrame(runId, 30));
    expect(worker.sentOf('inspect')).toHaveLength(2);
    expect(store.getState().frames.map((f) => f.step)).toEqual([10, 20, 30]);
    unwatch();
    vi.advanceTimersByTime(INSPECT_EVERY_MS);
    worker.emit(withFrame(runId, 40));
    expect(worker.sentOf('inspect')).toHaveLength(2);
    port.dispose();
  });

  it('should read every watched unit once the live network is built paused', async () => {
    const { worker, store, port } = lab();
    store.getState().watchInspection({ layer: 0, unit: 0, batchSeed: 1 });
    store.getState().watchInspection({ layer: 1, unit: 2, batchSeed: null });
    await store.getState().startLive(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(worker.sentOf('inspect').map((r) => [r.layer, r.unit])).toEqual([
      [0, 0],
      [1, 2],
    ]);
    expect(Object.keys(store.getState().inspections)).toHaveLength(2);
    port.dispose();
  });

  it('should pause the live network when the learner leaves and say so', async () => {
    const { worker, store, port } = lab();
    await store.getState().startLive(false);
    store.getState().leave('Search lab');
    await vi.advanceTimersByTimeAsync(0);
    expect(worker.sentOf('pause')).toHaveLength(1);
    expect(store.getState()).toMatchObject({
      status: 'paused',
      awayNote: 'Paused while you were in the Search lab.',
    });
    await store.getState().resumeAfterAway();
    expect(store.getState().status).toBe('running');
    port.dispose();
  });

  it('should keep the sweep as it ran when the learner edits the next one', async () => {
    const { store, port } = lab();
    await store.getState().runSweep();
    const ran = store.getState().sweep;
    store.getState().setSweep({ count: ran.count + 2, lrMin: ran.lrMin * 10 });
    expect(store.getState().runSetup?.sweep).toEqual(ran);
    expect(store.getState().sweep.count).toBe(ran.count + 2);
    port.dispose();
  });
});
