// The search lab's study as a file: exported after a run, loaded into a fresh lab without training,
// and the same again for a file without curves (what the exported Optuna script writes).
import { describe, expect, it } from 'vitest';
import { parseStudyFile, type StudyFile, studyFileOf } from '../../core/export/studyFile';
import { fakeWorker } from '../../state/fakeWorker';
import { createRunChannel } from '../../state/runChannel';
import { bestTrial, createSearchStore, defaultStudyLink, studyProblems } from './searchStore';

function lab(autoRun = true, budget = '6') {
  const worker = fakeWorker(autoRun ? { autoRun: { cost: (model) => 0.1 + model * 0.01 } } : {});
  const port = createRunChannel({ makeClient: () => worker.port, throttleMs: 0 });
  const store = createSearchStore({ port, link: { ...defaultStudyLink(), budget, seed: 3, steps: 100 } });
  return { worker, store, port };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

/** A study run to the end on a fake worker, and its file as it would be read back from disk. */
async function exportedStudy(): Promise<StudyFile> {
  const { store, port } = lab();
  await store.getState().runStudy();
  await settle();
  const file = store.getState().exportStudyFile();
  port.dispose();
  if (!file) throw new Error('no study to export');
  const parsed = parseStudyFile(JSON.stringify(file));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.file;
}

describe('search store: study files', () => {
  it('should have nothing to export before a study is sampled', () => {
    const { store, port } = lab();
    expect(store.getState().exportStudyFile()).toBeNull();
    port.dispose();
  });

  it('should export every trial with its numbers and its curve', async () => {
    const file = await exportedStudy();
    expect(file).toMatchObject({ source: 'playground', strategy: 'random', budget: 6, seed: 3, steps: 100 });
    expect(file.rounds).toHaveLength(1);
    expect(file.trials).toHaveLength(6);
    for (const t of file.trials) {
      expect(t.status).toBe('finished');
      expect(t.devCost).toBeCloseTo(0.1 + (t.id - 1) * 0.01, 5);
      expect(t.curve?.trainStep).toEqual([100]);
      expect(t.curve?.devCost[0]).toBeCloseTo(t.devCost ?? Number.NaN, 5);
    }
  });

  it('should show a loaded study as it was, without training, and export it again unchanged', async () => {
    const file = await exportedStudy();
    const { worker, store, port } = lab(true, '25');
    store.getState().loadStudyFile(file);
    const s = store.getState();
    expect(worker.sentOf('start')).toHaveLength(0);
    expect(s).toMatchObject({ status: 'finished', strategy: 'random', budget: '6', seed: 3, steps: 100 });
    expect(s.trials.map((t) => t.id)).toEqual(file.trials.map((t) => t.id));
    expect(s.trials[2].devCost).toBeCloseTo(0.12, 5);
    expect(s.rounds[0].trialIds).toEqual(file.rounds[0].trialIds);
    // The rows of the space come back from the file, so "Run study" samples the same study.
    expect(studyProblems(s.drafts, s.budget).space).toEqual(file.space);
    expect(s.series?.modelCount).toBe(6);
    expect(s.runTrials).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s.series?.models[5].devCost.last()).toBeCloseTo(0.15, 5);
    expect(bestTrial(s.trials)?.id).toBe(1);

    const again = store.getState().exportStudyFile();
    expect(again?.trials).toEqual(file.trials);
    expect(again?.rounds).toEqual(file.rounds);
    port.dispose();
  });

  it('should stop a training study before loading, and train the loaded one again on Run study', async () => {
    const file = await exportedStudy();
    const { worker, store, port } = lab(false);
    await store.getState().runStudy();
    expect(store.getState().status).toBe('running');
    store.getState().loadStudyFile(file, ['Opened study-3-random.json.']);
    expect(worker.sentOf('stop')).toHaveLength(1);
    expect(store.getState()).toMatchObject({ status: 'finished', notices: ['Opened study-3-random.json.'] });
    await store.getState().runStudy();
    const start = worker.sentOf('start')[1];
    expect(start.models).toHaveLength(6);
    expect(start.maxSteps).toBe(100);
    expect(store.getState().status).toBe('running');
    port.dispose();
  });

  it('should keep zoomed rounds, so that Run study re-creates them', async () => {
    const { store, port } = lab();
    await store.getState().runStudy();
    await settle();
    store.getState().setBrush({ learningRate: [-3, -1] });
    await store.getState().zoomIn();
    await settle();
    const zooms = store.getState().zooms;
    const file = store.getState().exportStudyFile();
    port.dispose();
    expect(file?.rounds).toHaveLength(2);
    // The zoomed round trained alone, and round 1's trials keep the curves they ended with.
    expect(file?.trials.filter((t) => t.curve).map((t) => t.round)).toEqual([
      0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1,
    ]);

    const fresh = lab();
    fresh.store.getState().loadStudyFile(file as StudyFile);
    const s = fresh.store.getState();
    expect(s.rounds).toHaveLength(2);
    expect(s.zooms).toEqual(zooms);
    expect(s.runTrials).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(s.notices).toEqual([]);
    fresh.port.dispose();
  });

  it('should load a file without curves (an Optuna study) into the leaderboard and the plots', async () => {
    const played = await exportedStudy();
    const optuna = studyFileOf({
      source: 'optuna',
      strategy: 'random',
      budget: 6,
      seed: 3,
      steps: 100,
      optimizer: 'adam',
      space: played.space as never,
      rounds: played.rounds as never,
      trials: played.trials.map(({ curve: _, ...t }) => ({
        ...t,
        strategy: 'random' as const,
        values: t.values as never,
        trainCost: t.trainCost ?? Number.NaN,
        devCost: t.devCost ?? Number.NaN,
        devAccuracy: t.devAccuracy ?? Number.NaN,
      })),
    });
    const parsed = parseStudyFile(JSON.stringify(optuna));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { store, worker, port } = lab();
    store.getState().loadStudyFile(parsed.file);
    const s = store.getState();
    expect(worker.sentOf('start')).toHaveLength(0);
    expect(s.trials).toHaveLength(6);
    expect(s.series).toBeNull();
    expect(s.runTrials).toEqual([]);
    expect(s.status).toBe('finished');
    expect(bestTrial(s.trials)?.devCost).toBeCloseTo(0.1, 5);
    // Exported again, it still has no curves.
    expect(
      store
        .getState()
        .exportStudyFile()
        ?.trials.every((t) => t.curve === undefined),
    ).toBe(true);
    port.dispose();
  });

  it('should read trials a file caught training as stopped', async () => {
    const file = await exportedStudy();
    const partial = {
      ...file,
      trials: file.trials.map((t, i) => (i < 2 ? { ...t, status: 'training' as const } : t)),
    };
    const { store, port } = lab();
    store.getState().loadStudyFile(partial);
    expect(
      store
        .getState()
        .trials.slice(0, 3)
        .map((t) => t.status),
    ).toEqual(['stopped', 'stopped', 'finished']);
    expect(store.getState().status).toBe('stopped');
    port.dispose();
  });
});
