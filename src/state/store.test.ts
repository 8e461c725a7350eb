import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../core/experiment';
import type { WorkerEvent } from '../worker/protocol';
import { fakeWorker } from './fakeWorker';
import { createRunChannel } from './runChannel';
import { playgroundRecord } from './savedPlayground';
import { createAppStore } from './store';

/** A fake worker behind a real run channel: records requests and lets a test emit run events. */
function fakeClient(options: { failStart?: string } = {}) {
  const worker = fakeWorker(options);
  const port = createRunChannel({ makeClient: () => worker.port, throttleMs: 100 });
  return { port, requests: worker.sent, emit: worker.emit, fail: worker.fail };
}

function progress(runId: number, model: number, step: number, cost: number): WorkerEvent {
  return {
    type: 'progress',
    runId,
    train: { model: Int32Array.of(model), step: Int32Array.of(step), cost: Float32Array.of(cost) },
    dev: {
      model: new Int32Array(0),
      step: new Int32Array(0),
      cost: new Float32Array(0),
      accuracy: new Float32Array(0),
    },
    steps: Int32Array.of(step),
    learningRate: Float32Array.of(0.01),
  };
}

describe('app store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should start one model with the experiment and a boundary for 2-D data', async () => {
    const client = fakeClient();
    const store = createAppStore({ port: client.port });
    await store.getState().train();
    const start = client.requests[0];
    expect(start.type).toBe('start');
    if (start.type !== 'start') return;
    expect(start.models).toHaveLength(1);
    expect(start.maxSteps).toBe(DEFAULT_EXPERIMENT.steps);
    expect(start.evalEvery).toBe(25);
    expect(start.paused).toBe(false);
    expect(start.boundary).toEqual({ model: 0, resolution: 40 });
    expect(store.getState().status).toBe('running');
    expect(store.getState().backend?.name).toBe('cpu');
  });

  it('should stop the previous run when a new one starts', async () => {
    const client = fakeClient();
    const store = createAppStore({ port: client.port });
    await store.getState().train();
    const first = store.getState().runId;
    await store.getState().train();
    expect(client.requests.map((r) => r.type)).toEqual(['start', 'stop', 'start']);
    expect(client.requests[1]).toMatchObject({ type: 'stop', runId: first });
    expect(store.getState().runId).not.toBe(first);
  });

  it('should train a population of sampled learning rates without a boundary', async () => {
    const client = fakeClient();
    const store = createAppStore({ port: client.port });
    store.getState().setField('samples', 5);
    await store.getState().trainAll();
    const start = client.requests[0];
    if (start.type !== 'start') throw new Error('expected a start');
    expect(start.models).toHaveLength(5);
    expect(start.boundary).toBeUndefined();
    expect(new Set(start.models.map((m) => m.hyper.learningRate)).size).toBe(5);
    expect(store.getState().kind).toBe('population');
  });

  it('should buffer progress and bump the version at most every throttle interval', async () => {
    const client = fakeClient();
    const store = createAppStore({ port: client.port });
    await store.getState().train();
    const runId = store.getState().runId!;
    const v0 = store.getState().seriesVersion;
    for (let i = 1; i <= 20; i++) client.emit(progress(runId, 0, i, 1 / i));
    expect(store.getState().series!.models[0].trainCost.length).toBe(20);
    vi.advanceTimersByTime(0);
    const v1 = store.getState().seriesVersion;
    expect(v1 - v0).toBe(1);
    client.emit(progress(runId, 0, 21, 0.01));
    vi.advanceTimersByTime(50);
    expect(store.getState().seriesVersion).toBe(v1);
    vi.advanceTimersByTime(60);
    expect(store.getState().seriesVersion).toBe(v1 + 1);
    expect(store.getState().readouts?.step).toBe(21);
  });

  it('should ignore events of a replaced run', async () => {
    const client = fakeClient();
    const store = createAppStore({ port: client.port });
    await store.getState().train();
    const old = store.getState().runId!;
    await store.getState().train();
    client.emit(progress(old, 0, 5, 1));
    expect(store.getState().series!.models[0].trainCost.length).toBe(0);
  });

  it('should mark a diverged model and keep the others training', async () => {
    const client = fakeClient();
    const store = createAppStore({ port: client.port });
    store.getState().setField('samples', 3);
    await store.getState().trainAll();
    const runId = store.getState().runId!;
    client.emit({
      type: 'modelStatus',
      runId,
      model: 1,
      status: 'diverged',
      step: 40,
      reason: 'cost became NaN',
    });
    const models = store.getState().models;
    expect(models.map((m) => m.status)).toEqual(['training', 'diverged', 'training']);
    expect(models[1]).toMatchObject({ divergedAtStep: 40, reason: 'cost became NaN' });
  });

  it('should start paused and then step when Step is pressed with no run', async () => {
    const client = fakeClient();
    const store = createAppStore({ port: client.port });
    await store.getState().step();
    expect(client.requests.map((r) => r.type)).toEqual(['start', 'step']);
    expect(client.requests[0]).toMatchObject({ paused: true });
    expect(client.requests[1]).toMatchObject({ steps: 1 });
    expect(store.getState().status).toBe('paused');
  });

  it('should pause, resume and reset through requests', async () => {
    const client = fakeClient();
    const store = createAppStore({ port: client.port });
    await store.getState().train();
    await store.getState().pause();
    expect(store.getState().status).toBe('paused');
    await store.getState().resume();
    expect(store.getState().status).toBe('running');
    await store.getState().reset();
    expect(client.requests.map((r) => r.type)).toEqual(['start', 'pause', 'resume', 'stop']);
    expect(store.getState()).toMatchObject({ status: 'idle', runId: null, series: null });
  });

  it('should show a failed start as an error without throwing', async () => {
    const client = fakeClient({ failStart: 'no backend could start' });
    const store = createAppStore({ port: client.port });
    await store.getState().train();
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toMatch(/no backend could start/);
  });

  it('should not train while a field holds an invalid value', async () => {
    const client = fakeClient();
    const store = createAppStore({ port: client.port });
    store.getState().setFieldError('seed', 'Seed must be a whole number.');
    await store.getState().train();
    expect(client.requests).toHaveLength(0);
  });

  it('should resize batch-norm flags with the hidden layers', () => {
    const store = createAppStore();
    store.getState().setBatchNormLayer(1, true);
    store.getState().setHiddenLayerCount(4);
    expect(store.getState().experiment.hidden).toEqual([16, 16, 16, 16]);
    expect(store.getState().experiment.batchNorm).toEqual([false, true, true, true]);
    store.getState().setHiddenLayerCount(1);
    expect(store.getState().experiment.batchNorm).toEqual([false]);
  });

  it('should save the run as it started, not as the controls read after it', async () => {
    const client = fakeClient();
    const store = createAppStore({ port: client.port });
    store.getState().setField('learningRate', 0.01);
    await store.getState().train();
    client.emit(progress(store.getState().runId!, 0, 1, 0.7));
    vi.advanceTimersByTime(200);
    store.getState().setField('learningRate', 0.1);
    const record = playgroundRecord(store.getState());
    expect(record?.settings.find((x) => x.key === 'lr')?.value).toBe('0.01');
    expect(record?.link).toContain('lr=0.01');
  });

  it('should not ask a worker that is gone to stop the run it lost', async () => {
    const client = fakeClient();
    const store = createAppStore({ port: client.port });
    await store.getState().train();
    client.fail('The training worker stopped.');
    expect(store.getState().status).toBe('stopped');
    await store.getState().reset();
    expect(client.requests.map((r) => r.type)).toEqual(['start']);
  });
});

describe('the previous run as a ghost', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the replaced run’s own curves and α, and Reset clears it', async () => {
    const client = fakeClient();
    const store = createAppStore({ port: client.port });
    // Nothing drawn yet: no ghost.
    await store.getState().train();
    await store.getState().train();
    expect(store.getState().previousRun).toBeNull();

    store.getState().setField('learningRate', 0.3);
    await store.getState().train();
    const first = store.getState();
    client.emit(progress(first.runId ?? -1, 0, 40, 0.7));
    vi.advanceTimersByTime(200);
    client.emit({ type: 'status', runId: first.runId ?? -1, status: 'stopped' });
    const firstSeries = store.getState().series;

    store.getState().setField('learningRate', 0.01);
    await store.getState().train();
    const previous = store.getState().previousRun;
    expect(previous?.series).toBe(firstSeries);
    expect(previous?.kind).toBe('single');
    expect(previous?.models[0].learningRate).toBe(0.3);
    expect(previous?.series.models[0].trainCost.view()[0]).toBeCloseTo(0.7, 5);
    expect(store.getState().series).not.toBe(firstSeries);

    // A run that drew nothing replaces nothing: the ghost stays the α = 0.3 run.
    await store.getState().train();
    expect(store.getState().previousRun?.series).toBe(firstSeries);

    await store.getState().reset();
    expect(store.getState().previousRun).toBeNull();
  });
});
