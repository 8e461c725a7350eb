// The app's one store, built from typed slices: the experiment the learner sets up, the run that
// trains it, and what the page must tell the learner (URL notices, errors). Data and actions live
// together; components read it only through the module-level selectors in selectors.ts.
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { ModelSpec, SamplingScale } from '../core/config';
import type { SavedRecord } from '../core/saved/record';
import { DEFAULT_EXPERIMENT, dataConfigOf, type Experiment, modelSpecOf } from '../core/experiment';
import { type PopulationSummary, summarizePopulation } from '../core/linearLogLesson';
import { sampleLearningRates } from '../core/sampling';
import type {
  BackendInfo,
  DataInfo,
  ModelStatus,
  ModelStatusEvent,
  ProgressEvent,
  RunStatus,
} from '../worker/protocol';
import { appRunChannel } from './appChannel';
import {
  BOUNDARY_RESOLUTION,
  experimentProblems,
  isTwoDimensional,
  runSizeProblems,
  skipRunEstimate,
} from './problems';

export { BOUNDARY_RESOLUTION, isTwoDimensional } from './problems';

import { failureText, type RunPort } from './runChannel';
import { type Readouts, RunSeries, readoutsOf } from './runSeries';
import { createRunSlot } from './runSlot';
import { autosave } from './autosave';
import { rememberBackend, rememberedBackend } from './backendMemory';
import { seriesOfCurves } from './savedCurves';
import { playgroundPayload, playgroundRecord } from './savedPlayground';
import { playgroundWork, trackWork } from './unsavedWork';

/** The decision-boundary heatmap of one model, as the worker last sent it. */
export type BoundaryFrame = NonNullable<ProgressEvent['boundary']>;

/** 'reopened': a saved run shown as it was (nothing in the worker). */
export type RunPhase = 'idle' | 'starting' | RunStatus | 'error' | 'reopened';

/** A finished "Train all" population kept for the linear-vs-log comparison: its numbers and its curves. */
export interface KeptPopulation extends PopulationSummary {
  series: RunSeries;
  models: ModelInfo[];
  lrRange: [number, number];
}

/** The run before the current one, kept as it ended so the cost chart can draw it faded underneath. */
export interface PreviousRun {
  kind: RunKind;
  series: RunSeries;
  models: ModelInfo[];
  lrRange: [number, number];
  experiment: Experiment;
}

/** A single model, or a "Train all" population sampled over α. */
export type RunKind = 'single' | 'population';

export interface ModelInfo {
  /** The initial α this model was given. */
  learningRate: number;
  status: ModelStatus;
  /** For a diverged model: when and why. */
  divergedAtStep?: number;
  reason?: string;
}

export interface ExperimentSlice {
  experiment: Experiment;
  /** Bumped when the whole experiment is replaced (a pasted link), so edited fields reset. */
  experimentRevision: number;
  /** What decoding the URL changed or ignored, each naming its field. */
  notices: string[];
  /** Text-level problems of controls (what was typed is not a valid value), by field key. */
  fieldErrors: Record<string, string>;
  setField<K extends keyof Experiment>(key: K, value: Experiment[K]): void;
  setHiddenLayerCount(count: number): void;
  setUnits(layer: number, units: number): void;
  setBatchNormAll(on: boolean): void;
  setBatchNormLayer(layer: number, on: boolean): void;
  setFieldError(key: string, message: string | null): void;
  loadExperiment(experiment: Experiment, notices: string[]): void;
  dismissNotices(): void;
}

export interface RunSlice {
  runId: number | null;
  status: RunPhase;
  kind: RunKind;
  models: ModelInfo[];
  /** The bounds used to colour a population's curves (the sampled α range). */
  lrRange: [number, number];
  /** The experiment as the current run started (the controls may have moved since): what Save records. */
  runExperiment: Experiment | null;
  backend: BackendInfo | null;
  data: DataInfo | null;
  /** Growable buffers of every curve; mutated in place, so read it together with seriesVersion. */
  series: RunSeries | null;
  seriesVersion: number;
  readouts: Readouts | null;
  boundary: BoundaryFrame | null;
  /** The last failed request or run error, shown in a banner until dismissed. */
  error: string | null;
  /** Why the run is paused though nobody pressed Pause ("Paused while you were in the Search lab"). */
  awayNote: string | null;
  /** The last finished population of each sampling scale; a scale's entry is replaced when it trains again. */
  lastPopulationByScale: Partial<Record<SamplingScale, KeptPopulation>>;
  /** The run the current one replaced (null before a second run and after Reset). */
  previousRun: PreviousRun | null;
  train(): Promise<void>;
  trainAll(): Promise<void>;
  /** Sets the experiment's speed cap and applies it to the run now training or paused, if any. */
  setSpeed(speed: number | null): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  step(): Promise<void>;
  reset(): Promise<void>;
  /** Shows a saved run as it was, without training (its link trains it again). */
  restoreSaved(record: SavedRecord): boolean;
  /** Leaving the playground for `where`: a training run pauses and says so. */
  leave(where: string): void;
  resumeAfterAway(): Promise<void>;
  dismissError(): void;
  receiveProgress(boundary: BoundaryFrame | null): void;
  receiveStatus(status: RunStatus): void;
  receiveModelStatus(event: ModelStatusEvent): void;
  receiveRunError(message: string): void;
}

export type AppState = ExperimentSlice & RunSlice;
export type AppStore = StoreApi<AppState>;

export interface AppStoreOptions {
  experiment?: Experiment;
  notices?: string[];
  /** The run channel (the app's one by default; tests pass one over a fake worker). */
  port?: RunPort;
}

export const EVAL_EVERY = 25;

function resize<T>(values: readonly T[], length: number, fill: T): T[] {
  return Array.from({ length }, (_, i) => (i < values.length ? values[i] : fill));
}

const experimentSlice =
  (initial: Experiment, notices: string[]): StateCreator<AppState, [], [], ExperimentSlice> =>
  (set) => ({
    experiment: initial,
    experimentRevision: 0,
    notices,
    fieldErrors: {},
    setField: (key, value) => set((s) => ({ experiment: { ...s.experiment, [key]: value } })),
    setHiddenLayerCount: (count) =>
      set((s) => {
        const e = s.experiment;
        const last = e.hidden[e.hidden.length - 1] ?? 16;
        const lastBn = e.batchNorm[e.batchNorm.length - 1] ?? false;
        return {
          experiment: {
            ...e,
            hidden: resize(e.hidden, count, last),
            batchNorm: resize(e.batchNorm, count, lastBn),
          },
        };
      }),
    setUnits: (layer, units) =>
      set((s) => ({
        experiment: { ...s.experiment, hidden: s.experiment.hidden.map((u, i) => (i === layer ? units : u)) },
      })),
    setBatchNormAll: (on) =>
      set((s) => ({ experiment: { ...s.experiment, batchNorm: s.experiment.hidden.map(() => on) } })),
    setBatchNormLayer: (layer, on) =>
      set((s) => ({
        experiment: {
          ...s.experiment,
          batchNorm: s.experiment.hidden.map((_, i) =>
            i === layer ? on : (s.experiment.batchNorm[i] ?? false),
          ),
        },
      })),
    setFieldError: (key, message) =>
      set((s) => {
        if ((s.fieldErrors[key] ?? null) === message) return {};
        const next = { ...s.fieldErrors };
        if (message === null) delete next[key];
        else next[key] = message;
        return { fieldErrors: next };
      }),
    loadExperiment: (experiment, loadNotices) =>
      set((s) => ({
        experiment,
        notices: loadNotices,
        fieldErrors: {},
        experimentRevision: s.experimentRevision + 1,
      })),
    dismissNotices: () => set({ notices: [] }),
  });

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const ACTIVE: ReadonlySet<RunPhase> = new Set(['starting', 'running', 'paused']);

/** What a new run and a reset both clear: the last run's curves (a new version), numbers and messages. */
function emptyRun(s: Pick<RunSlice, 'seriesVersion'>) {
  return {
    seriesVersion: s.seriesVersion + 1,
    readouts: null,
    boundary: null,
    data: null,
    error: null,
    awayNote: null,
  };
}

/** The run now on the chart, as a ghost for the next one: only one that drew at least one point. */
function previousOf(s: RunSlice): PreviousRun | null {
  const { series, runExperiment } = s;
  if (!series || !runExperiment || series.maxStep() <= 0) return null;
  return { kind: s.kind, series, models: s.models, lrRange: s.lrRange, experiment: runExperiment };
}

const runSlice =
  (port: () => RunPort): StateCreator<AppState, [], [], RunSlice> =>
  (set, get) => {
    let slot: ReturnType<typeof createRunSlot> | null = null;
    const run = () => {
      slot ??= createRunSlot(port());
      return slot;
    };
    const request: RunPort['request'] = (body) => port().request(body);

    /** Fields valid, values that fit together, and a run that fits in the page's memory. */
    const canStart = (kind: RunKind): boolean => {
      const s = get();
      if (Object.keys(s.fieldErrors).length > 0 || Object.keys(experimentProblems(s.experiment)).length > 0)
        return false;
      const size = runSizeProblems(s.experiment);
      return (kind === 'single' ? size.train : size.trainAll) === null;
    };

    const startRun = async (
      kind: RunKind,
      models: ModelSpec[],
      lrRange: [number, number],
      paused: boolean,
    ): Promise<boolean> => {
      const e = get().experiment;
      const series = new RunSeries(models.length);
      let boundary: BoundaryFrame | null = null;
      const runId = run().begin({
        progress: (event) => {
          series.append(event);
          if (event.boundary) boundary = event.boundary;
        },
        flush: () => {
          const frame = boundary;
          boundary = null;
          get().receiveProgress(frame);
        },
        status: (status) => get().receiveStatus(status),
        modelStatus: (event) => get().receiveModelStatus(event),
        // A lost worker is said by every screen's banner: the run itself just ends, stopped.
        failed: (text, workerLost) => (workerLost ? set({ status: 'stopped' }) : get().receiveRunError(text)),
      });
      set((s) => ({
        previousRun: previousOf(s) ?? s.previousRun,
        runId,
        kind,
        status: 'starting',
        models: models.map((m) => ({ learningRate: m.hyper.learningRate, status: 'training' as const })),
        lrRange,
        runExperiment: e,
        series,
        ...emptyRun(s),
      }));
      const data = dataConfigOf(e);
      // 'auto''s verdict for this workload shape from an earlier page load: no timing before the first point.
      const knownBackend = e.backend === 'auto' ? rememberedBackend(data, models) : undefined;
      try {
        const started = await request({
          type: 'start',
          runId,
          data,
          models,
          backend: e.backend,
          maxSteps: e.steps,
          evalEvery: EVAL_EVERY,
          paused,
          // A run saved before the playground had a speed (no field) reopens as fast as it went.
          stepsPerSecond: e.speed ?? null,
          ...(knownBackend ? { knownBackend } : {}),
          ...(skipRunEstimate() ? { skipEstimate: true } : {}),
          boundary:
            kind === 'single' && isTwoDimensional(e)
              ? { model: 0, resolution: BOUNDARY_RESOLUTION }
              : undefined,
        });
        if (started.autoVerdict) rememberBackend(data, models, started.autoVerdict);
        if (get().runId !== runId) return false;
        set((s) => ({
          backend: started.backend,
          data: started.data,
          status: s.status === 'starting' ? (paused ? 'paused' : 'running') : s.status,
        }));
        // The speed changed while the run was starting: its start carried the old cap.
        const speed = get().experiment.speed;
        if (speed !== e.speed && get().runId === runId)
          // A run that failed meanwhile says so itself; a cap it missed is no error of its own.
          await request({ type: 'setSpeed', runId, stepsPerSecond: speed }).catch(() => undefined);
        // Left the playground while the run was starting: pause it now that it can be paused.
        if (get().awayNote && get().status === 'running') await control({ type: 'pause' }, 'paused');
        return true;
      } catch (error) {
        // Stopped meanwhile (Reset, a lost worker, whose banner says so): not a failure of its own.
        if (get().runId === runId && get().status !== 'stopped')
          set({ status: 'error', error: `Could not start training: ${message(error)}` });
        return false;
      }
    };

    /** Sends a pause/resume/step to the current run; a failure shows in the banner. */
    const control = async (
      body: { type: 'pause' } | { type: 'resume' } | { type: 'step'; steps: number },
      after: RunPhase,
    ): Promise<void> => {
      const { runId } = get();
      if (runId === null) return;
      try {
        if (body.type === 'step') await request({ type: 'step', runId, steps: body.steps });
        else if (body.type === 'pause') await request({ type: 'pause', runId });
        else await request({ type: 'resume', runId });
        if (get().runId === runId && ACTIVE.has(get().status)) set({ status: after });
      } catch (error) {
        if (get().runId === runId) set({ error: `Could not ${body.type}: ${message(error)}` });
      }
    };

    /** A finished population stays for the linear-vs-log comparison (its series is not written again). */
    const keepPopulation = () => {
      const { kind, series, models, lrRange, runExperiment } = get();
      if (kind !== 'population' || !series || !runExperiment) return;
      const devCosts = series.models.map((m, i) =>
        models[i]?.status === 'diverged' ? Number.POSITIVE_INFINITY : m.devCost.last(),
      );
      const rates = models.map((m) => m.learningRate);
      const kept: KeptPopulation = {
        ...summarizePopulation(runExperiment.scale, rates, devCosts),
        series,
        models,
        lrRange,
      };
      set((s) => ({ lastPopulationByScale: { ...s.lastPopulationByScale, [runExperiment.scale]: kept } }));
    };

    return {
      runId: null,
      status: 'idle',
      kind: 'single',
      models: [],
      lrRange: [1e-4, 1],
      runExperiment: null,
      backend: null,
      data: null,
      series: null,
      seriesVersion: 0,
      readouts: null,
      boundary: null,
      error: null,
      awayNote: null,
      lastPopulationByScale: {},
      previousRun: null,
      train: async () => {
        if (!canStart('single')) return;
        const e = get().experiment;
        await startRun('single', [modelSpecOf(e)], [e.learningRate, e.learningRate], false);
      },
      trainAll: async () => {
        if (!canStart('population')) return;
        const e = get().experiment;
        const rates = sampleLearningRates(e.scale, e.lrMin, e.lrMax, e.samples, e.seed);
        await startRun(
          'population',
          rates.map((lr) => modelSpecOf(e, lr)),
          [e.lrMin, e.lrMax],
          false,
        );
      },
      setSpeed: async (speed) => {
        set((s) => ({ experiment: { ...s.experiment, speed } }));
        const { runId, status } = get();
        // A run still starting is not known to the worker yet: startRun sends it the new cap once started.
        if (runId === null || (status !== 'running' && status !== 'paused')) return;
        try {
          await request({ type: 'setSpeed', runId, stepsPerSecond: speed });
        } catch (error) {
          if (get().runId === runId) set({ error: `Could not change the speed: ${message(error)}` });
        }
      },
      pause: async () => {
        // Pause while a run starts (auto may be timing backends) calls the start off: nothing ran yet.
        if (get().status === 'starting') {
          // Not a Reset: the ghost of the run before stays.
          const { previousRun } = get();
          await get().reset();
          set({ previousRun });
          return;
        }
        if (get().status !== 'running') return;
        await control({ type: 'pause' }, 'paused');
      },
      resume: async () => {
        if (get().status !== 'paused') return;
        set({ awayNote: null });
        await control({ type: 'resume' }, 'running');
      },
      step: async () => {
        const { status } = get();
        if (status === 'running' || status === 'starting') return;
        if (status !== 'paused') {
          if (!canStart('single')) return;
          const e = get().experiment;
          const ok = await startRun('single', [modelSpecOf(e)], [e.learningRate, e.learningRate], true);
          if (!ok) return;
        }
        await control({ type: 'step', steps: 1 }, 'paused');
      },
      reset: async () => {
        run().end();
        set((s) => ({
          runId: null,
          status: 'idle',
          kind: 'single',
          models: [],
          series: null,
          previousRun: null,
          ...emptyRun(s),
        }));
      },
      restoreSaved: (record) => {
        const payload = playgroundPayload(record);
        if (!payload) return false;
        run().end();
        const series = seriesOfCurves(record.curves);
        const diverged = payload.models.map((m) => m.status === 'diverged');
        set((s) => ({
          ...emptyRun(s),
          experiment: payload.experiment,
          experimentRevision: s.experimentRevision + 1,
          notices: [],
          fieldErrors: {},
          runId: null,
          previousRun: null,
          status: 'reopened',
          kind: payload.kind,
          models: payload.models,
          lrRange: payload.lrRange,
          runExperiment: payload.experiment,
          series,
          readouts: readoutsOf(series, diverged),
          backend: null,
        }));
        return true;
      },
      leave: (where) => {
        const { status } = get();
        if (status !== 'running' && status !== 'starting') return;
        set({ awayNote: `Paused while you were in the ${where}.` });
        // A pause now would cancel a start: a starting run pauses once it has started.
        if (status === 'running') void control({ type: 'pause' }, 'paused');
      },
      resumeAfterAway: async () => {
        set({ awayNote: null });
        if (get().status === 'paused') await control({ type: 'resume' }, 'running');
      },
      dismissError: () => set({ error: null }),
      receiveProgress: (boundary) =>
        set((s) => {
          if (!s.series) return {};
          const diverged = s.models.map((m) => m.status === 'diverged');
          return {
            seriesVersion: s.seriesVersion + 1,
            readouts: readoutsOf(s.series, diverged),
            ...(boundary ? { boundary } : {}),
          };
        }),
      receiveStatus: (status) => {
        set({ status, ...(status === 'finished' || status === 'stopped' ? { awayNote: null } : {}) });
        if (status === 'finished') keepPopulation();
        if (status === 'finished')
          void autosave(playgroundRecord(get())).then((failed) => failed && set({ error: failed }));
      },
      receiveModelStatus: (event) =>
        set((s) => ({
          models: s.models.map((m, i) =>
            i === event.model
              ? {
                  ...m,
                  status: event.status,
                  ...(event.status === 'diverged'
                    ? { divergedAtStep: event.step, reason: event.reason }
                    : {}),
                }
              : m,
          ),
        })),
      receiveRunError: (text) => set({ status: 'error', error: failureText(text) }),
    };
  };

/** A fresh store (one per app; one per test). */
export function createAppStore(options: AppStoreOptions = {}): AppStore {
  const port = () => options.port ?? appRunChannel();
  const store = createStore<AppState>()((...a) => ({
    ...experimentSlice(options.experiment ?? DEFAULT_EXPERIMENT, options.notices ?? [])(...a),
    ...runSlice(port)(...a),
  }));
  // What a reload would lose, for the page's leave guard (unsavedWork.ts).
  trackWork(store, 'playground', (s) =>
    playgroundWork({ status: s.status, kind: s.kind, runId: s.runId, steps: s.series?.maxStep() ?? 0 }),
  );
  return store;
}
