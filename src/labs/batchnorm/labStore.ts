// The batch-norm lab's store. The lab trains through the app's run channel, one run of its own at a
// time (a new run stops its previous one). Three kinds of run: the live network (probed for
// distributions; it trains beside its twin, the same network with batch norm flipped, so that the
// distributions with and without can be drawn side by side and test time always has a network with
// batch norm), the comparison (with vs without batch norm, one population, same seed) and the
// learning-rate sweep (2 × count models, one population). One clock reads the live network: the
// probe frames it sends while it trains. Each frame (at most once a second), a rebuilt network, a step
// and a newly watched unit re-read every inspection a panel watches; nothing else polls.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ModelSpec } from '../../core/config';
import { dataConfigOf, type Experiment, modelSpecOf } from '../../core/experiment';
import type { InspectResult, ProbeFrame } from '../../core/inspection';
import type { SavedRecord } from '../../core/saved/record';
import { dataShapeOf, overBudgetMessage } from '../../core/runEstimate';
import { appRunChannel } from '../../state/appChannel';
import { skipRunEstimate } from '../../state/problems';
import { failureText, type RunPort } from '../../state/runChannel';
import { RunSeries } from '../../state/runSeries';
import { createRunSlot } from '../../state/runSlot';
import { autosave } from '../../state/autosave';
import { seriesOfCurves } from '../../state/savedCurves';
import { batchNormWork, trackWork } from '../../state/unsavedWork';
import { comparisonPayload, comparisonRecord } from './savedComparison';
import type { AnyRequestBody } from '../../worker/client';
import type { BackendInfo, ProgressEvent, ReplyTo, RunStatus } from '../../worker/protocol';
import { logSpaced } from '../../core/batchNormLesson';
import { DEFAULT_SWEEP, type LabLink, SCENARIOS, type ScenarioId, type SweepSettings } from './labHash';

export { logSpaced };

export type LabRunKind = 'live' | 'compare' | 'sweep';
/** 'reopened': a saved comparison or sweep shown as it was (nothing in the worker). */
export type LabPhase = 'idle' | 'starting' | RunStatus | 'error' | 'reopened';

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

/** At most this often (ms) a training network's watched inspections are re-read. */
export const INSPECT_EVERY_MS = 1000;

/** One unit of one layer on a mini-batch, as a panel asks to read it (see the 'inspect' request). */
export interface InspectionQuery {
  /** The live network (0, the default) or its twin (1). */
  model?: number;
  layer: number;
  unit: number;
  batchSeed: number | null;
  biasShift?: number;
}

export interface InspectionEntry {
  result: InspectResult | null;
  error: string | null;
}

export function inspectionKey(q: InspectionQuery): string {
  return `${q.model ?? 0}:${q.layer}:${q.unit}:${q.batchSeed}:${q.biasShift ?? ''}`;
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
  /** The probe frames of the live network's twin (model 1: batch norm flipped), read after each of its frames. */
  twinFrames: ProbeFrame[];
  error: string | null;
  /** Bumped when the live network is rebuilt (new weights). */
  networkVersion: number;
  /** The latest reading of each watched inspection, by inspectionKey. */
  inspections: Record<string, InspectionEntry>;
  /** Why the run is paused though nobody pressed Pause ("Paused while you were in the Playground"). */
  awayNote: string | null;
  /** The experiment and sweep as the current run started (the setup may have moved since): what Save records. */
  runSetup: { experiment: Experiment; sweep: SweepSettings } | null;
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
  /** A panel reads this unit while it is shown: now, and again whenever the network changes. */
  watchInspection(query: InspectionQuery): () => void;
  /** Shows a saved comparison or sweep as it was, without training. */
  restoreSaved(record: SavedRecord): boolean;
  /** Leaving the lab for `where`: a training run pauses and says so. */
  leave(where: string): void;
  resumeAfterAway(): Promise<void>;
  dismissError(): void;
  dismissNotices(): void;
  /** A pasted link: its experiment, scenario and sweep, and what could not be used. */
  loadLink(link: LabLink & { notices: string[] }): void;
}

export type LabStore = StoreApi<LabState>;

/**
 * The live network's twin: the same network and seed with batch norm flipped: none where the network
 * has some, every layer where it has none.
 */
export function twinBatchNorm(e: Experiment): boolean[] {
  const any = e.hidden.some((_, i) => e.batchNorm[i]);
  return e.hidden.map(() => !any);
}

/** Keeps a long run's whole history in a bounded list: the older half is thinned. */
function withFrame(frames: ProbeFrame[], frame: ProbeFrame): ProbeFrame[] {
  const next = [...frames, frame];
  return next.length > MAX_FRAMES ? next.filter((_, i) => i % 2 === 0 || i > MAX_FRAMES / 2) : next;
}

/** The batch-norm layout the comparison and sweep use "with batch norm": the chosen layers, or all if none. */
export function withBatchNormLayout(e: Experiment): boolean[] {
  const chosen = e.hidden.map((_, i) => e.batchNorm[i] ?? false);
  return chosen.some(Boolean) ? chosen : e.hidden.map(() => true);
}

export function createLabStore(
  link: LabLink & { notices: string[] },
  options: { port?: RunPort } = {},
): LabStore {
  const port = (): RunPort => options.port ?? appRunChannel();
  let slot: ReturnType<typeof createRunSlot> | null = null;
  const run = () => {
    slot ??= createRunSlot(port());
    return slot;
  };
  /** Watchers per inspection key (several panels may watch the same unit). */
  const watched = new Map<string, { query: InspectionQuery; count: number }>();
  let lastInspect = Number.NEGATIVE_INFINITY;
  /** The run whose twin frame is being read (one read at a time; a frame meanwhile waits for the next). */
  let twinReading: number | null = null;

  const store = createStore<LabState>()((set, get) => {
    const inspectOne = (runId: number, key: string, query: InspectionQuery): void => {
      port()
        .request({ type: 'inspect', runId, ...query, model: query.model ?? 0 })
        .then(
          (result) => ({ result, error: null }),
          (error: unknown) => ({
            result: null,
            error: error instanceof Error ? error.message : String(error),
          }),
        )
        .then((entry) => {
          if (get().runId !== runId || !watched.has(key)) return;
          const previous = get().inspections[key];
          // A failed re-read keeps the last good numbers on screen, with the reason.
          const next = entry.result ? entry : { result: previous?.result ?? null, error: entry.error };
          set((s) => ({ inspections: { ...s.inspections, [key]: next } }));
        });
    };

    /** Re-reads every watched inspection of the live network. */
    const refresh = (): void => {
      const { runId, kind, status } = get();
      if (runId === null || kind !== 'live' || status === 'starting' || status === 'idle') return;
      lastInspect = Date.now();
      for (const [key, w] of watched) inspectOne(runId, key, w.query);
    };

    /** The twin's frame now, on the same probe rows: the run sends only model 0's. */
    const readTwin = (runId: number): void => {
      if (twinReading === runId) return;
      twinReading = runId;
      port()
        .request({ type: 'probe', runId, model: 1, size: PROBE_SIZE })
        .then(
          (reply) => {
            if (get().runId === runId) set((s) => ({ twinFrames: withFrame(s.twinFrames, reply.frame) }));
          },
          // The run ended meanwhile: its frames go with it.
          () => undefined,
        )
        .finally(() => {
          if (twinReading === runId) twinReading = null;
        });
    };

    const onProgress = (series: RunSeries, event: ProgressEvent): void => {
      series.append(event);
      const frame = event.probe?.frame;
      if (!frame) return;
      set((s) => ({ frames: withFrame(s.frames, frame) }));
      const { runId, kind } = get();
      if (runId !== null && kind === 'live') readTwin(runId);
      if (Date.now() - lastInspect >= INSPECT_EVERY_MS || get().status !== 'running') refresh();
    };

    const handlersFor = (series: RunSeries) => ({
      progress: (event: ProgressEvent) => onProgress(series, event),
      flush: () => set((s) => ({ seriesVersion: s.seriesVersion + 1 })),
      status: (status: RunStatus) => {
        set({ status, ...(status === 'finished' || status === 'stopped' ? { awayNote: null } : {}) });
        if (status === 'finished')
          void autosave(comparisonRecord(get())).then((failed) => failed && set({ error: failed }));
        if (status === 'paused') refresh();
      },
      modelStatus: (event: { model: number; status: LabModel['status'] }) =>
        set((s) => ({
          models: s.models.map((m, i) => (i === event.model ? { ...m, status: event.status } : m)),
        })),
      // A lost worker is said by every screen's banner: the run itself just ends, stopped.
      failed: (text: string, workerLost: boolean) =>
        set(workerLost ? { status: 'stopped' } : { status: 'error', error: failureText(text) }),
    });

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
      // Refused here, in words, rather than by the worker running out of memory.
      const tooBig = skipRunEstimate() ? null : overBudgetMessage(dataShapeOf(dataConfigOf(e)), models);
      if (tooBig) {
        set({ error: `This run is too big to train in the page: ${tooBig}` });
        return;
      }
      const series = new RunSeries(models.length);
      const runId = run().begin(handlersFor(series));
      set((s) => ({
        runId,
        kind,
        status: 'starting',
        models: labels,
        series,
        seriesVersion: s.seriesVersion + 1,
        frames: [],
        twinFrames: [],
        error: null,
        awayNote: null,
        inspections: {},
        runSetup: { experiment: e, sweep: s.sweep },
        networkVersion: kind === 'live' ? s.networkVersion + 1 : s.networkVersion,
      }));
      try {
        const started = await port().request({
          type: 'start',
          runId,
          data: dataConfigOf(e),
          models,
          backend: e.backend,
          maxSteps,
          evalEvery: EVAL_EVERY,
          paused,
          ...(skipRunEstimate() ? { skipEstimate: true } : {}),
          probe: kind === 'live' ? { model: 0, size: PROBE_SIZE, everyMs: 200 } : undefined,
        });
        if (get().runId !== runId) return;
        set((s) => ({
          backend: started.backend,
          status: s.status === 'starting' ? (paused ? 'paused' : 'running') : s.status,
        }));
        if (get().status === 'paused') refresh();
        // Left the lab while it was starting: pause it now that it can be paused.
        else if (get().awayNote) void control({ type: 'pause' });
      } catch (error) {
        // Stopped meanwhile (a lost worker, whose banner says so): not a failure of its own.
        if (get().runId === runId && get().status !== 'stopped')
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
        // The run may have ended while the request was on its way: a finished run stays finished.
        const live = get().runId === runId && ['running', 'paused'].includes(get().status);
        if (live && body.type !== 'step') set({ status: body.type === 'pause' ? 'paused' : 'running' });
        if (live && body.type === 'pause') refresh();
      } catch (error) {
        if (get().runId === runId)
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
      twinFrames: [],
      error: null,
      networkVersion: 0,
      inspections: {},
      awayNote: null,
      runSetup: null,
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
        const twin = twinBatchNorm(e);
        await start(
          'live',
          [specOf(e), specOf(e, { batchNorm: twin })],
          [
            {
              label: 'this network',
              batchNorm: bn.some(Boolean),
              learningRate: e.learningRate,
              status: 'training',
            },
            {
              label: twin[0] ? 'its twin with batch norm' : 'its twin without batch norm',
              batchNorm: twin[0],
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
        set({ awayNote: null });
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
      watchInspection: (query) => {
        const key = inspectionKey(query);
        const w = watched.get(key);
        if (w) w.count++;
        else {
          watched.set(key, { query, count: 1 });
          const { runId, kind, status } = get();
          if (runId !== null && kind === 'live' && status !== 'starting' && status !== 'idle')
            inspectOne(runId, key, query);
        }
        return () => {
          const current = watched.get(key);
          if (!current) return;
          current.count--;
          if (current.count > 0) return;
          watched.delete(key);
          set((s) => {
            const { [key]: _gone, ...rest } = s.inspections;
            return { inspections: rest };
          });
        };
      },
      restoreSaved: (record) => {
        const payload = comparisonPayload(record);
        if (!payload) return false;
        run().end();
        set((s) => ({
          experiment: payload.experiment,
          scenario: payload.scenario,
          sweep: payload.sweep,
          runId: null,
          kind: payload.kind,
          status: 'reopened',
          models: payload.models,
          series: seriesOfCurves(record.curves),
          seriesVersion: s.seriesVersion + 1,
          frames: [],
          twinFrames: [],
          inspections: {},
          error: null,
          awayNote: null,
          notices: [],
          runSetup: { experiment: payload.experiment, sweep: payload.sweep },
        }));
        return true;
      },
      leave: (where) => {
        const { runId, status } = get();
        if (runId === null || (status !== 'running' && status !== 'starting')) return;
        set({ awayNote: `Paused while you were in the ${where}.` });
        // A pause now would cancel a start: a starting run pauses once it has started.
        if (status === 'running') void control({ type: 'pause' });
      },
      resumeAfterAway: async () => {
        const { status } = get();
        set({ awayNote: null });
        if (status === 'paused') await control({ type: 'resume' });
      },
      dismissError: () => set({ error: null }),
      dismissNotices: () => set({ notices: [] }),
      loadLink: (next) =>
        changed({
          experiment: next.experiment,
          scenario: next.scenario,
          sweep: next.sweep,
          notices: next.notices,
        }),
    };
  });
  // What a reload would lose, for the page's leave guard (unsavedWork.ts).
  trackWork(store, 'batchnorm', (s) =>
    batchNormWork({ status: s.status, kind: s.kind, runId: s.runId, steps: s.series?.maxStep() ?? 0 }),
  );
  return store;
}
