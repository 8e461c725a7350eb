import { describe, expect, it } from 'vitest';
import { fakeWorker, progressEvent } from '../../state/fakeWorker';
import { createRunChannel } from '../../state/runChannel';
import { workRegistry } from '../../state/unsavedWork';
import { createSearchStore } from './searchStore';

const progress = (runId: number, step: number) => progressEvent(runId, [{ model: 0, step, cost: 0.5 }]);

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
