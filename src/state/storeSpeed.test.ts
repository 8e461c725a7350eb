// The playground store's speed cap and its memory of 'auto''s backend verdict, over a fake worker.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../core/experiment';
import type { AnyRequestBody } from '../worker/client';
import { BACKEND_MEMORY_KEY } from './backendMemory';
import { fakeWorker } from './fakeWorker';
import { createRunChannel, type RunPort } from './runChannel';
import { createAppStore } from './store';

function setUp(autoVerdict?: 'wasm') {
  const worker = fakeWorker();
  const channel = createRunChannel({ makeClient: () => worker.port, throttleMs: 100 });
  // The fake worker reaches no verdict of its own: this one says auto settled on `autoVerdict`.
  const port: RunPort = {
    ...channel,
    request: (async (body: AnyRequestBody) => {
      const reply = await channel.request(body);
      return body.type === 'start' && autoVerdict ? { ...reply, autoVerdict } : reply;
    }) as RunPort['request'],
  };
  return { store: createAppStore({ port }), worker };
}

afterEach(() => vi.unstubAllGlobals());

describe('the playground’s speed', () => {
  it('should start runs at the experiment’s cap and change the running run’s cap', async () => {
    const { store, worker } = setUp();
    // No run yet: the cap is the experiment's, for the next run; nothing is sent.
    await store.getState().setSpeed(10);
    expect(worker.sentOf('setSpeed')).toHaveLength(0);
    await store.getState().train();
    expect(worker.sentOf('start')[0].stepsPerSecond).toBe(10);
    const { runId } = store.getState();
    await store.getState().setSpeed(null);
    expect(store.getState().experiment.speed).toBeNull();
    expect(worker.sentOf('setSpeed')).toEqual([{ type: 'setSpeed', runId, stepsPerSecond: null }]);
    await store.getState().trainAll();
    expect(worker.sentOf('start')[1].stepsPerSecond).toBeNull();
  });

  it('should default to a pace a learner can watch', async () => {
    const { store, worker } = setUp();
    await store.getState().train();
    expect(worker.sentOf('start')[0].stepsPerSecond).toBe(DEFAULT_EXPERIMENT.speed);
    expect(DEFAULT_EXPERIMENT.speed).toBe(300);
  });
});

describe('the remembered backend verdict', () => {
  it('should send the verdict auto reached last time with the next start, even from a new store', async () => {
    const items = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    });
    const first = setUp('wasm');
    await first.store.getState().train();
    expect(first.worker.sentOf('start')[0].knownBackend).toBeUndefined();
    expect(items.get(BACKEND_MEMORY_KEY)).toContain('wasm');
    // A reload: a fresh store and worker, the same storage.
    const second = setUp();
    await second.store.getState().train();
    expect(second.worker.sentOf('start')[0].knownBackend).toBe('wasm');
    // A backend asked for by name needs no verdict.
    second.store.getState().setField('backend', 'cpu');
    await second.store.getState().train();
    expect(second.worker.sentOf('start')[1].knownBackend).toBeUndefined();
  });
});
