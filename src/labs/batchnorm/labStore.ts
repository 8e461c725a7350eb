// The batch-norm lab's own store and worker. The lab trains with the foundation's engine through its
// own training client (one worker, one run at a time: a new run stops the previous one). Three kinds
// of run: the live network (probed for distributions), the comparison (with vs without batch norm,
// one population, same seed) and the learning-rate sweep (2 × count models, one population).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ModelSpec } from '../../core/config';
import { dataConfigOf, type Experiment, modelSpecOf } from '../../core/experiment';
import type { ProbeFrame } from '../../core/inspection';
import { RunSeries } from '../../state/runSeries';
import { type AnyRequestBody, createTrainingClient } from '../../worker/client';
import type { BackendInfo, ReplyTo, RunStatus, WorkerEvent } from '../../worker/protocol';
import { DEFAULT_SWEEP, type LabLink, SCENARIOS, type ScenarioId, type SweepSettings } from './labHash';

export type LabRunKind = 'live' | 'compare' | 'sweep';
export type LabPhase = 'idle' | 'starting' | RunStatus | 'error';

/** One model of the current run, as the charts label it. */
export interface LabModel {
  label: string;
  batchNorm: boolean;
  learningRate: number;
  status: 'training' | 'diverged' | 'finished';
}

/** The probe frames of the live run, oldest first (thinned to at most MAX_FRAMES). */
export const MAX_FRAMES = 400;
export const EVAL_EVERY = 25;
export const PROBE_SIZE = 256;

export interface TrainingPortLike {
  request<B extends AnyRequestBody>(body: B): Promise<ReplyTo[B['type']]>;
  subscribe(listener: (event: WorkerEvent) => void): () => void;
  terminate(): void;
}

export interface LabState {
  experiment: Experiment;
  scenario: ScenarioId;
  sweep: SweepSettings;
  keepBias: boolean;
  bnMomentum: number;
  notices: string[];
  runId: number | null;
  kind: LabRunKind;
  status: LabPhase;
  backend: BackendInfo | null;
  models: LabModel[];
  series: RunSeries | null;
  seriesVersion: number;
  frames: ProbeFrame[];
  error: string | null;
  /** Bumped when the live network is rebuilt (new weights): inspections re-read. */
  networkVersion: number;
  setExperiment(patch: Partial<Experiment>): void;
  setBatchNormAll(on: boolean): void;
  setBatchNormLayer(layer: number, on: boolean): void;
  setKeepBias(on: boolean): void;
  setBnMomentum(value: number): void;
  setSweep(patch: Partial<SweepSettings>): void;
  loadScenario(id: ScenarioId): void;
  startLive(paused: boolean): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  stepLive(steps: number): Promise<void>;
  runComparison(): Promise<void>;
  runSweep(): Promise<void>;
  request<B extends AnyRequestBody>(body: B): Promise<ReplyTo[B['type']]>;
  dismissError(): void;
  dismissNotices(): void;
  /** A pasted link: its experiment, scenario and sweep, and what could not be used. */
  loadLink(link: LabLink & { notices: string[] }): void;
  dispose(): void;
}

export type LabStore = StoreApi<LabState>;

/** Log-spaced values from lo to hi inclusive. */
export function logSpaced(lo: number, hi: number, count: number): number[] {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Array.from({ length: count }, (_, i) =>
    Number((10 ** (a + ((b - a) * i) / (count - 1))).toPrecision(3)),
  );
}

/** The batch-norm layout the comparison and sweep use "with batch norm": the chosen layers, or all if none. */
export function withBatchNormLayout(e: Experiment): boolean[] {
  const chosen = e.hidden.map((_, i) => e.batchNorm[i] ?? false);
  return chosen.some(Boolean) ? chosen : e.hidden.map(() => true);
}

export function createLabStore(
  link: LabLink & { notices: string[] },
  makeClient: () => TrainingPortLike = createTrainingClient,
): LabStore {
  let client: TrainingPortLike | null = null;
  let nextRunId = 1;

  const store = createStore<LabState>()((set, get) => {
    const onEvent = (event: WorkerEvent): void => {
      const s = get();
      if (event.runId !== s.runId) return;
      switch (event.type) {
        case 'progress': {
          s.series?.append(event);
          const frame = event.probe?.frame;
          let frames = s.frames;
          if (frame) {
            frames = [...frames, frame];
            // Thin the older half so that a long run keeps its whole history in a bounded list.
            if (frames.length > MAX_FRAMES)
              frames = frames.filter((_, i) => i % 2 === 0 || i > MAX_FRAMES / 2);
          }
          set({ seriesVersion: s.seriesVersion + 1, frames });
          break;
        }
        case 'status':
          set({ status: event.status });
          break;
        case 'modelStatus':
          set({
            models: s.models.map((m, i) => (i === event.model ? { ...m, status: event.status } : m)),
          });
          break;
        case 'runError':
          set({ status: 'error', error: `Training failed: ${event.message}` });
          break;
      }
    };

    const port = (): TrainingPortLike => {
      if (!client) {
        client = makeClient();
        client.subscribe(onEvent);
      }
      return client;
    };

    const specOf = (
      e: Experiment,
      over: Partial<ModelSpec> = {},
      learningRate = e.learningRate,
    ): ModelSpec => ({
      ...modelSpecOf(e, learningRate),
      bnMomentum: get().bnMomentum,
      ...(get().keepBias ? { keepBias: true } : {}),
      ...over,
    });

    const start = async (
      kind: LabRunKind,
      models: ModelSpec[],
      labels: LabModel[],
      maxSteps: number,
      paused: boolean,
    ): Promise<void> => {
      const e = get().experiment;
      const previous = get().runId;
      const runId = nextRunId++;
      set((s) => ({
        runId,
        kind,
        status: 'starting',
        models: labels,
        series: new RunSeries(models.length),
        seriesVersion: s.seriesVersion + 1,
        frames: [],
        error: null,
        networkVersion: kind === 'live' ? s.networkVersion + 1 : s.networkVersion,
      }));
      try {
        if (previous !== null) await port().request({ type: 'stop', runId: previous });
        const started = await port().request({
          type: 'start',
          runId,
          data: dataConfigOf(e),
          models,
          backend: e.backend,
          maxSteps,
          evalEvery: EVAL_EVERY,
          paused,
          probe: kind === 'live' ? { model: 0, size: PROBE_SIZE, everyMs: 200 } : undefined,
        });
        if (get().runId !== runId) return;
        set((s) => ({
          backend: started.backend,
          status: s.status === 'starting' ? (paused ? 'paused' : 'running') : s.status,
        }));
      } catch (error) {
        if (get().runId === runId)
          set({
            status: 'error',
            error: `Could not start: ${error instanceof Error ? error.message : error}`,
          });
      }
    };

    const control = async (body: { type: 'pause' | 'resume' } | { type: 'step'; steps: number }) => {
      const { runId } = get();
      if (runId === null) return;
      try {
        if (body.type === 'step') await port().request({ type: 'step', runId, steps: body.steps });
        else await port().request({ type: body.type, runId });
        if (get().runId === runId && body.type !== 'step')
          set({ status: body.type === 'pause' ? 'paused' : 'running' });
      } catch (error) {
        set({ error: `Could not ${body.type}: ${error instanceof Error ? error.message : error}` });
      }
    };

    /** A setup change makes the live network stale: rebuild it (paused) so every panel shows the new one. */
    const changed = (patch: Partial<LabState>) => {
      const wasRunning = get().status === 'running';
      set(patch);
      const s = get();
      if (s.kind === 'live' && s.runId !== null) void s.startLive(!wasRunning);
    };

    return {
      experiment: link.experiment,
      scenario: link.scenario,
      sweep: link.sweep ?? DEFAULT_SWEEP,
      keepBias: false,
      bnMomentum: 0.99,
      notices: link.notices,
      runId: null,
      kind: 'live',
      status: 'idle',
      backend: null,
      models: [],
      series: null,
      seriesVersion: 0,
      frames: [],
      error: null,
      networkVersion: 0,
      setExperiment: (patch) =>
        changed({ experiment: { ...get().experiment, ...patch }, scenario: 'custom' }),
      setBatchNormAll: (on) => {
        const e = get().experiment;
        changed({ experiment: { ...e, batchNorm: e.hidden.map(() => on) }, scenario: 'custom' });
      },
      setBatchNormLayer: (layer, on) => {
        const e = get().experiment;
        changed({
          experiment: {
            ...e,
            batchNorm: e.hidden.map((_, i) => (i === layer ? on : (e.batchNorm[i] ?? false))),
          },
          scenario: 'custom',
        });
      },
      setKeepBias: (on) => changed({ keepBias: on }),
      setBnMomentum: (value) => changed({ bnMomentum: value }),
      setSweep: (patch) => set({ sweep: { ...get().sweep, ...patch } }),
      loadScenario: (id) => {
        const preset = SCENARIOS[id].experiment;
        if (preset) changed({ experiment: structuredClone(preset), scenario: id });
      },
      startLive: async (paused) => {
        const e = get().experiment;
        const bn = e.hidden.map((_, i) => e.batchNorm[i] ?? false);
        await start(
          'live',
          [specOf(e)],
          [
            {
              label: 'this network',
              batchNorm: bn.some(Boolean),
              learningRate: e.learningRate,
              status: 'training',
            },
          ],
          e.steps,
          paused,
        );
      },
      pause: () => control({ type: 'pause' }),
      resume: async () => {
        const s = get();
        if (s.kind !== 'live' || s.runId === null || s.status === 'finished' || s.status === 'stopped') {
          await s.startLive(false);
          return;
        }
        await control({ type: 'resume' });
      },
      stepLive: async (steps) => {
        const s = get();
        if (s.kind !== 'live' || s.runId === null) await s.startLive(true);
        await control({ type: 'step', steps });
      },
      runComparison: async () => {
        const e = get().experiment;
        const off = e.hidden.map(() => false);
        const on = withBatchNormLayout(e);
        await start(
          'compare',
          [specOf(e, { batchNorm: off }), specOf(e, { batchNorm: on })],
          [
            {
              label: 'without batch norm',
              batchNorm: false,
              learningRate: e.learningRate,
              status: 'training',
            },
            { label: 'with batch norm', batchNorm: true, learningRate: e.learningRate, status: 'training' },
          ],
          e.steps,
          false,
        );
      },
      runSweep: async () => {
        const { experiment: e, sweep } = get();
        const rates = logSpaced(sweep.lrMin, sweep.lrMax, sweep.count);
        const off = e.hidden.map(() => false);
        const on = withBatchNormLayout(e);
        const specs = [
          ...rates.map((lr) => specOf(e, { batchNorm: off }, lr)),
          ...rates.map((lr) => specOf(e, { batchNorm: on }, lr)),
        ];
        const labels = [
          ...rates.map((lr) => ({
            label: 'without batch norm',
            batchNorm: false,
            learningRate: lr,
            status: 'training' as const,
          })),
          ...rates.map((lr) => ({
            label: 'with batch norm',
            batchNorm: true,
            learningRate: lr,
            status: 'training' as const,
          })),
        ];
        await start('sweep', specs, labels, sweep.steps, false);
      },
      request: (body) => port().request(body),
      dismissError: () => set({ error: null }),
      dismissNotices: () => set({ notices: [] }),
      loadLink: (next) =>
        changed({
          experiment: next.experiment,
          scenario: next.scenario,
          sweep: next.sweep,
          notices: next.notices,
        }),
      dispose: () => {
        const { runId } = get();
        if (client && runId !== null) client.request({ type: 'stop', runId }).catch(() => undefined);
        client?.terminate();
        client = null;
      },
    };
  });
  return store;
}
