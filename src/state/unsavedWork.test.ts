import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedRecord } from '../core/saved/record';
import { fakeWorker, progressEvent } from './fakeWorker';
import { createRunChannel } from './runChannel';
import { saveRecord } from './savedWork';
import { createAppStore } from './store';
import {
  batchNormWork,
  createWorkRegistry,
  pandaWork,
  playgroundWork,
  searchWork,
  trackWork,
  unsavedOf,
  unsavedText,
  workRegistry,
} from './unsavedWork';

const pandaIdle = {
  phase: 'idle',
  teacherPlaying: false,
  modelSteps: 0,
  branches: 1,
  populationsTraining: false,
};

describe('what each lab holds', () => {
  it('should count a playground run from its start, and a finished one only if it took a step', () => {
    const run = { kind: 'single', runId: 3, steps: 0 };
    expect(playgroundWork({ ...run, status: 'idle' }).phase).toBe('none');
    expect(playgroundWork({ ...run, status: 'starting' }).phase).toBe('active');
    expect(playgroundWork({ ...run, status: 'paused', steps: 40 }).phase).toBe('active');
    expect(playgroundWork({ ...run, status: 'finished', steps: 3000 })).toEqual({
      phase: 'done',
      what: 'playground run',
      key: 'run 3',
    });
    expect(playgroundWork({ ...run, status: 'finished', steps: 0 }).phase).toBe('none');
    // A saved run reopened as it was is nothing a reload loses.
    expect(playgroundWork({ ...run, status: 'reopened', runId: null, steps: 3000 }).phase).toBe('none');
    expect(playgroundWork({ ...run, kind: 'population', status: 'running' }).what).toBe(
      'playground population',
    );
  });

  it('should not count a study loaded from a file or saved work (it has no run of its own)', () => {
    expect(searchWork({ status: 'finished', studyRun: null, trainedTrials: 25 }).phase).toBe('none');
    expect(searchWork({ status: 'finished', studyRun: 7, trainedTrials: 25 }).phase).toBe('done');
    expect(searchWork({ status: 'stopped', studyRun: 7, trainedTrials: 0 }).phase).toBe('none');
    expect(searchWork({ status: 'running', studyRun: 7, trainedTrials: 0 }).phase).toBe('active');
  });

  it('should not count the batch-norm network the lab builds paused on opening', () => {
    const live = { kind: 'live', runId: 1 };
    expect(batchNormWork({ ...live, status: 'starting', steps: 0 }).phase).toBe('none');
    expect(batchNormWork({ ...live, status: 'paused', steps: 0 }).phase).toBe('none');
    expect(batchNormWork({ ...live, status: 'paused', steps: 12 }).phase).toBe('active');
    expect(batchNormWork({ ...live, status: 'running', steps: 0 }).phase).toBe('active');
    // No Save keeps a live network, and its link trains it again.
    expect(batchNormWork({ ...live, status: 'finished', steps: 500 }).phase).toBe('none');
    expect(batchNormWork({ kind: 'compare', runId: 2, status: 'finished', steps: 500 })).toEqual({
      phase: 'done',
      what: 'batch-norm comparison',
      key: 'run 2',
    });
    expect(batchNormWork({ kind: 'sweep', runId: null, status: 'reopened', steps: 200 }).phase).toBe('none');
  });

  it('should count the panda tree between days, and a population only while it trains', () => {
    expect(pandaWork(pandaIdle).phase).toBe('none');
    expect(pandaWork({ ...pandaIdle, phase: 'training' })).toEqual({
      phase: 'active',
      what: 'panda days',
      key: null,
    });
    const day = { ...pandaIdle, phase: 'paused', modelSteps: 500 };
    expect(pandaWork(day)).toEqual({ phase: 'done', what: 'panda days', key: 'tree 500 steps, 1 branches' });
    expect(pandaWork({ ...day, populationsTraining: true }).what).toBe('panda population');
    expect(pandaWork({ ...day, phase: 'reopened' }).phase).toBe('none');
  });
});

describe('the registry of unsaved work', () => {
  const finished = { phase: 'done' as const, what: 'playground run', key: 'run 1' };

  it('should keep finished work unsaved until a save that began on it succeeds', () => {
    const r = createWorkRegistry();
    r.getState().report('playground', finished);
    expect(unsavedOf(r.getState().marks).map((u) => u.lab)).toEqual(['playground']);
    r.getState().saved(r.getState().ticket('playground'));
    expect(unsavedOf(r.getState().marks)).toEqual([]);
  });

  it('should not count a save made mid-run, even when the run ends before the write does', () => {
    const r = createWorkRegistry();
    r.getState().report('playground', { phase: 'active', what: 'playground run', key: 'run 1' });
    const ticket = r.getState().ticket('playground');
    r.getState().report('playground', finished);
    r.getState().saved(ticket);
    expect(unsavedOf(r.getState().marks)).toHaveLength(1);
  });

  it('should make a new run unsaved again, and forget a save after a reset', () => {
    const r = createWorkRegistry();
    r.getState().report('playground', finished);
    r.getState().saved(r.getState().ticket('playground'));
    r.getState().report('playground', { phase: 'active', what: 'playground run', key: 'run 2' });
    expect(unsavedOf(r.getState().marks)).toHaveLength(1);
    r.getState().report('playground', { ...finished, key: 'run 2' });
    expect(unsavedOf(r.getState().marks)).toHaveLength(1);
    // A save that began before a reset covers nothing that comes after it.
    const ticket = r.getState().ticket('playground');
    r.getState().report('playground', { phase: 'none', what: '', key: null });
    r.getState().report('playground', { ...finished, key: 'run 2' });
    r.getState().saved(ticket);
    expect(unsavedOf(r.getState().marks)).toHaveLength(1);
  });

  it('should keep a saved panda tree saved while a population trains beside it and ends', () => {
    const r = createWorkRegistry();
    const tree = pandaWork({ ...pandaIdle, phase: 'paused', modelSteps: 500 });
    r.getState().report('panda', tree);
    r.getState().saved(r.getState().ticket('panda'));
    r.getState().report(
      'panda',
      pandaWork({ ...pandaIdle, phase: 'paused', modelSteps: 500, populationsTraining: true }),
    );
    expect(unsavedText(unsavedOf(r.getState().marks))).toBe(
      'Unsaved: panda population (not finished). A reload or closing the tab loses it.',
    );
    r.getState().report('panda', tree);
    expect(unsavedOf(r.getState().marks)).toEqual([]);
  });

  it('should say every lab’s unsaved work in the tabs’ order', () => {
    const r = createWorkRegistry();
    r.getState().report('batchnorm', { phase: 'done', what: 'batch-norm sweep', key: 'run 4' });
    r.getState().report('playground', { phase: 'active', what: 'playground run', key: 'run 1' });
    expect(unsavedText(unsavedOf(r.getState().marks))).toBe(
      'Unsaved: playground run (not finished), batch-norm sweep. A reload or closing the tab loses it.',
    );
    expect(unsavedText([])).toBeNull();
  });
});

const progress = (runId: number, step: number) => progressEvent(runId, [{ model: 0, step, cost: 0.5 }]);

describe('the playground store reports its run', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should go from nothing to training to finished, and to nothing on Reset', async () => {
    const worker = fakeWorker();
    const port = createRunChannel({ makeClient: () => worker.port, throttleMs: 100 });
    const store = createAppStore({ port });
    const registry = createWorkRegistry();
    trackWork(
      store,
      'playground',
      (s) => playgroundWork({ ...s, steps: s.series?.maxStep() ?? 0 }),
      registry,
    );
    const phase = () => registry.getState().marks.playground?.work.phase ?? 'none';
    expect(phase()).toBe('none');
    await store.getState().train();
    expect(phase()).toBe('active');
    const runId = store.getState().runId ?? -1;
    worker.emit(progress(runId, 40));
    vi.advanceTimersByTime(200);
    worker.emit({ type: 'status', runId, status: 'finished' });
    expect(phase()).toBe('done');
    await store.getState().reset();
    expect(phase()).toBe('none');
  });

  it('should leave a run unsaved when its save fails (here: no IndexedDB)', async () => {
    const worker = fakeWorker();
    const port = createRunChannel({ makeClient: () => worker.port, throttleMs: 100 });
    const store = createAppStore({ port });
    await store.getState().train();
    const runId = store.getState().runId ?? -1;
    worker.emit(progress(runId, 40));
    vi.advanceTimersByTime(200);
    worker.emit({ type: 'status', runId, status: 'finished' });
    expect(workRegistry.getState().marks.playground?.work).toEqual({
      phase: 'done',
      what: 'playground run',
      key: `run ${runId}`,
    });
    const result = await saveRecord({ lab: 'playground' } as SavedRecord);
    expect(result.ok).toBe(false);
    expect(unsavedOf(workRegistry.getState().marks).map((u) => u.lab)).toContain('playground');
  });
});
