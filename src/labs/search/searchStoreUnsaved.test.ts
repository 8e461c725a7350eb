import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../../state/fakeWorker';
import { createRunChannel } from '../../state/runChannel';
import { workRegistry } from '../../state/unsavedWork';
import type { WorkerEvent } from '../../worker/protocol';
import { createSearchStore } from './searchStore';

function progress(runId: number, step: number): WorkerEvent {
  return {
    type: 'progress',
    runId,
    train: { model: Int32Array.of(0), step: Int32Array.of(step), cost: Float32Array.of(0.5) },
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

describe('the search store reports its study', () => {
  it('should keep a stopped study unsaved: Stop forgets the live run, not the study it trained', async () => {
    const worker = fakeWorker();
    const port = createRunChannel({ makeClient: () => worker.port, throttleMs: 0 });
    const store = createSearchStore({ port });
    const search = () => workRegistry.getState().marks.search?.work;
    await store.getState().runStudy();
    expect(search()?.phase).toBe('active');
    const runId = store.getState().runId ?? -1;
    worker.emit(progress(runId, 40));
    await new Promise((r) => setTimeout(r, 10));
    store.getState().stop();
    expect(store.getState().runId).toBeNull();
    expect(store.getState().status).toBe('stopped');
    expect(search()).toEqual({ phase: 'done', what: 'search study', key: `run ${runId}` });
    port.dispose();
  });
});
