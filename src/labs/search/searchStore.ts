// The search lab's store: the study as the learner sets it up (rows as typed, strategy, budget, seed),
// the rounds that ran (coarse to fine), every trial with its latest numbers, and the run that trains a
// round's trials together as one population in the lab's own training worker.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OptimizerName } from '../../core/config';
import { DEFAULT_EXPERIMENT, dataConfigOf } from '../../core/experiment';
import { MAX_SEED } from '../../core/hyperparameters';
import { dataShapeOf, overBudgetMessage } from '../../core/runEstimate';
import { type ParallelBrush, regionOfBrush } from '../../core/search/parallel';
import { defaultSpace, type HyperKey, parseBudget, type RowDraft } from '../../core/search/space';
import { STRATEGIES, type Strategy, sampleStudy } from '../../core/search/strategies';
import {
  endRunTrials,
  makeTrials,
  type Round,
  studyProblems,
  type Trial,
  updateRunTrials,
} from '../../core/search/study';
import { experimentOfTrial, modelSpecOfTrial, type StudySettings } from '../../core/search/trial';
import { applyZoom, type Region, regionOfZoom, zoomOf } from '../../core/search/zoom';
import { appRunChannel } from '../../state/appChannel';
import { skipRunEstimate } from '../../state/problems';
import { failureText, type RunPort } from '../../state/runChannel';
import { RunSeries } from '../../state/runSeries';
import { createRunSlot } from '../../state/runSlot';
import { encodeExperiment } from '../../state/urlHash';
import type { BackendInfo, ModelStatusEvent, RunStatus } from '../../worker/protocol';
import { DEFAULT_STEPS, draftsOf, type StudyLink } from './searchHash';

export type { Round, StudyProblems, Trial, TrialStatus } from '../../core/search/study';
export { bestTrial, problemLines, studyProblems } from '../../core/search/study';

export type StudyPhase = 'idle' | 'starting' | RunStatus | 'error';

export interface SearchState extends StudyLink {
  /** Bumped when a link replaces the study, so typed-in fields reset. */
  revision: number;
  notices: string[];
  rounds: Round[];
  trials: Trial[];
  /**
   * The selected region: dragged on the scatter, or brushed on the parallel-coordinates axes of the
   * hyperparameters (axis coordinates of the first round's space). "Zoom in" samples inside it.
   */
  brush: Region | null;
  /** A dev-cost interval brushed on the parallel-coordinates plot (selects trials; zoom ignores it). */
  costBrush: [number, number] | null;
  /** The trial "Open in playground" opens (null: the best). */
  pickedTrial: number | null;
  // the run
  runId: number | null;
  status: StudyPhase;
  /** Trial id of each model of the run (model i trains trial runTrials[i]). */
  runTrials: number[];
  series: RunSeries | null;
  seriesVersion: number;
  backend: BackendInfo | null;
  error: string | null;
  /** Why the study is paused though nobody pressed Pause ("Paused while you were in the Playground"). */
  awayNote: string | null;
  // actions
  setRow(key: HyperKey, patch: Partial<RowDraft>): void;
  setStrategy(strategy: Strategy): void;
  setBudget(text: string): void;
  setSeed(seed: number): void;
  setSteps(steps: number): void;
  setOptimizer(optimizer: OptimizerName): void;
  /** A fresh draw: the next seed. */
  resample(): void;
  runStudy(): Promise<void>;
  /** Trains grid, random and quasi-random samples of the same budget as one population. */
  runComparison(): Promise<void>;
  zoomIn(): Promise<void>;
  stop(): void;
  /** Leaving the lab for `where`: a training study pauses and says so. */
  leave(where: string): void;
  /** Resumes a study paused by leaving the lab. */
  resumeAfterAway(): Promise<void>;
  /** The scatter's rectangle (null clears every selection). */
  setBrush(region: Region | null): void;
  /** The parallel-coordinates brush: its hyperparameter intervals become the region. */
  setParallelBrush(brush: ParallelBrush | null): void;
  /** Forgets the zoomed rounds a link brought (the next "Run study" runs one round). */
  dropZooms(): void;
  pickTrial(id: number | null): void;
  loadLink(link: StudyLink, notices: string[]): void;
  dismissNotices(): void;
}

export type SearchStore = StoreApi<SearchState>;

export const DEFAULT_BUDGET = 25;
export const EVAL_EVERY = 25;

export function defaultStudyLink(): StudyLink {
  return {
    strategy: 'random',
    budget: String(DEFAULT_BUDGET),
    seed: 1,
    steps: DEFAULT_STEPS,
    optimizer: 'adam',
    drafts: draftsOf(defaultSpace()),
    zooms: [],
  };
}

export function settingsOf(s: Pick<SearchState, 'optimizer' | 'seed' | 'steps'>): StudySettings {
  return { optimizer: s.optimizer, seed: s.seed, steps: s.steps };
}

/** The playground link (hash without '#') of a trial. */
export function playgroundHash(trial: Trial, settings: StudySettings): string {
  return encodeExperiment(experimentOfTrial(trial.values, settings), 'playground');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const ACTIVE: ReadonlySet<StudyPhase> = new Set(['starting', 'running', 'paused']);

export function isActive(status: StudyPhase): boolean {
  return ACTIVE.has(status);
}

export interface SearchStoreOptions {
  link?: StudyLink;
  notices?: string[];
  /** The run channel (the app's one by default; tests pass one over a fake worker). */
  port?: RunPort;
}

/** No rounds, no trials, no run: a study not sampled yet. */
function noStudy() {
  return {
    rounds: [],
    trials: [],
    brush: null,
    costBrush: null,
    pickedTrial: null,
    runId: null,
    status: 'idle',
    runTrials: [],
    series: null,
    error: null,
    awayNote: null,
  } satisfies Partial<SearchState>;
}

export function createSearchStore(options: SearchStoreOptions = {}): SearchStore {
  const port = (): RunPort => options.port ?? appRunChannel();
  let slot: ReturnType<typeof createRunSlot> | null = null;
  const run = () => {
    slot ??= createRunSlot(port());
    return slot;
  };
  const initial = options.link ?? defaultStudyLink();

  const store = createStore<SearchState>()((set, get) => {
    /** The study definition changed: its rounds and results no longer describe it. */
    const clearStudy = (): Partial<SearchState> => {
      run().end();
      return { ...noStudy(), zooms: [] };
    };

    const receiveProgress = (series: RunSeries): void => {
      set((s) => ({
        seriesVersion: s.seriesVersion + 1,
        trials: updateRunTrials(s.trials, s.runTrials, (t, model) => {
          const m = series.models[model];
          if (!m) return t;
          return {
            ...t,
            steps: series.steps[model] ?? t.steps,
            trainCost: m.trainCost.length > 0 ? m.trainCost.last() : t.trainCost,
            devCost: m.devCost.length > 0 ? m.devCost.last() : t.devCost,
            devAccuracy: m.devAccuracy.length > 0 ? m.devAccuracy.last() : t.devAccuracy,
          };
        }),
      }));
    };

    const receiveModelStatus = (event: ModelStatusEvent): void => {
      const id = get().runTrials[event.model];
      if (id === undefined) return;
      set({
        trials: get().trials.map((t) =>
          t.id === id
            ? {
                ...t,
                status: event.status,
                steps: event.step,
                ...(event.status === 'diverged' ? { reason: event.reason } : {}),
              }
            : t,
        ),
      });
    };

    const receiveStatus = (status: RunStatus): void => {
      const done = status === 'finished' || status === 'stopped';
      set((s) => ({
        status,
        ...(done ? { trials: endRunTrials(s.trials, s.runTrials, status), awayNote: null } : {}),
      }));
    };

    const pauseAway = (runId: number): void => {
      port()
        .request({ type: 'pause', runId })
        .then(
          () => {
            if (get().runId === runId && isActive(get().status)) set({ status: 'paused' });
          },
          () => undefined,
        );
    };

    /** Trains the given trials as one population (models of one shape stacked by the engine). */
    const train = async (ids: number[]): Promise<void> => {
      const s = get();
      const settings = settingsOf(s);
      const trials = ids.map((id) => s.trials.find((t) => t.id === id)).filter((t): t is Trial => !!t);
      const data = dataConfigOf({ ...DEFAULT_EXPERIMENT, dataset: 'spiral', seed: settings.seed });
      const models = trials.map((t) => modelSpecOfTrial(t.values, settings));
      // Refused here, in words, rather than by the worker running out of memory.
      const tooBig = skipRunEstimate() ? null : overBudgetMessage(dataShapeOf(data), models);
      if (tooBig) {
        set({ status: 'idle', error: `This study is too big to train in the page: ${tooBig}` });
        return;
      }
      const series = new RunSeries(trials.length);
      const runId = run().begin({
        progress: (event) => series.append(event),
        flush: () => receiveProgress(series),
        status: receiveStatus,
        modelStatus: receiveModelStatus,
        failed: (text) =>
          set((st) => ({
            status: 'error',
            error: failureText(text),
            trials: endRunTrials(st.trials, st.runTrials, 'stopped'),
          })),
      });
      set((st) => ({
        runId,
        status: 'starting',
        runTrials: trials.map((t) => t.id),
        series,
        awayNote: null,
        seriesVersion: st.seriesVersion + 1,
        error: null,
        trials: st.trials.map((t) => (ids.includes(t.id) ? { ...t, status: 'training' } : t)),
      }));
      try {
        const started = await port().request({
          type: 'start',
          runId,
          data,
          models,
          ...(skipRunEstimate() ? { skipEstimate: true } : {}),
          backend: 'auto',
          maxSteps: settings.steps,
          evalEvery: Math.max(5, Math.min(EVAL_EVERY, Math.floor(settings.steps / 8))),
          paused: false,
        });
        if (get().runId !== runId) return;
        set((st) => ({
          backend: started.backend,
          status: st.status === 'starting' ? 'running' : st.status,
        }));
        // Left the lab while the study was starting: pause it now that it can be paused.
        if (get().awayNote) pauseAway(runId);
      } catch (error) {
        if (get().runId === runId)
          set({ status: 'error', error: `Could not start the study: ${message(error)}` });
      }
    };

    const newTrials = (
      values: Parameters<typeof makeTrials>[0],
      round: number,
      strategy: Strategy,
      offset = 0,
    ) => makeTrials(values, round, strategy, get().trials.length + offset);

    return {
      ...initial,
      revision: 0,
      notices: options.notices ?? [],
      ...noStudy(),
      seriesVersion: 0,
      backend: null,

      setRow: (key, patch) =>
        set((s) => ({ ...clearStudy(), drafts: { ...s.drafts, [key]: { ...s.drafts[key], ...patch } } })),
      setStrategy: (strategy) => set({ ...clearStudy(), strategy }),
      setBudget: (budget) => set({ ...clearStudy(), budget }),
      setSeed: (seed) => set({ ...clearStudy(), seed }),
      setSteps: (steps) => set({ ...clearStudy(), steps }),
      setOptimizer: (optimizer) => set({ ...clearStudy(), optimizer }),
      resample: () => set((s) => ({ ...clearStudy(), seed: (s.seed + 1) % (MAX_SEED + 1) })),

      runStudy: async () => {
        const s = get();
        const p = studyProblems(s.drafts, s.budget);
        if (!p.space || p.budgetValue === null) return;
        // Zoomed rounds from a link (or from earlier zooms) are re-created: their regions do not
        // depend on the results, so every round's samples are drawn now and trained together.
        const zooms = s.zooms;
        set(clearStudy());
        const rounds: Round[] = [];
        const created: Trial[] = [];
        let space = p.space;
        for (let index = 0; index <= zooms.length; index++) {
          const zoom = index > 0 ? zooms[index - 1] : null;
          const prev = space;
          if (zoom) space = applyZoom(prev, zoom);
          const { trials } = sampleStudy(space, s.strategy, p.budgetValue, s.seed, index);
          const made = newTrials(trials, index, s.strategy, created.length);
          created.push(...made);
          rounds.push({
            index,
            space,
            strategy: s.strategy,
            region: zoom ? regionOfZoom(prev, zoom) : null,
            trialIds: made.map((t) => t.id),
          });
        }
        set({ rounds, trials: created, zooms });
        await train(created.map((t) => t.id));
      },

      runComparison: async () => {
        const s = get();
        const p = studyProblems(s.drafts, s.budget);
        if (!p.space || p.budgetValue === null) return;
        set(clearStudy());
        const created: Trial[] = [];
        for (const strategy of STRATEGIES) {
          const { trials } = sampleStudy(p.space, strategy, p.budgetValue, s.seed, 0);
          created.push(...newTrials(trials, 0, strategy, created.length));
        }
        set({
          rounds: [
            {
              index: 0,
              space: p.space,
              strategy: 'compare',
              region: null,
              trialIds: created.map((t) => t.id),
            },
          ],
          trials: created,
        });
        await train(created.map((t) => t.id));
      },

      zoomIn: async () => {
        const s = get();
        const last = s.rounds[s.rounds.length - 1];
        const budget = parseBudget(s.budget);
        if (!last || !s.brush || isActive(s.status) || !budget.ok) return;
        const zoom = zoomOf(last.space, s.brush);
        const space = applyZoom(last.space, zoom);
        const index = s.rounds.length;
        const { trials } = sampleStudy(space, s.strategy, budget.value, s.seed, index);
        const created = newTrials(trials, index, s.strategy);
        set({
          rounds: [
            ...s.rounds,
            { index, space, strategy: s.strategy, region: s.brush, trialIds: created.map((t) => t.id) },
          ],
          trials: [...s.trials, ...created],
          brush: null,
          costBrush: null,
          // The link keeps the round (a comparison's rounds are not re-created from a link).
          zooms: s.rounds[0]?.strategy === 'compare' ? s.zooms : [...s.zooms, zoom],
        });
        await train(created.map((t) => t.id));
      },

      stop: () => {
        const { runId, status } = get();
        if (runId === null || !isActive(status)) return;
        run().end();
        receiveStatus('stopped');
      },

      leave: (where) => {
        const { runId, status } = get();
        if (runId === null || (status !== 'running' && status !== 'starting')) return;
        set({ awayNote: `Paused while you were in the ${where}.` });
        // A pause now would cancel a start: a starting study pauses once it has started.
        if (status === 'running') pauseAway(runId);
      },

      resumeAfterAway: async () => {
        const { runId, status } = get();
        set({ awayNote: null });
        if (runId === null || status !== 'paused') return;
        try {
          await port().request({ type: 'resume', runId });
          if (get().runId === runId && get().status === 'paused') set({ status: 'running' });
        } catch (error) {
          set({ error: `Could not resume: ${message(error)}` });
        }
      },

      setBrush: (brush) => set(brush ? { brush } : { brush: null, costBrush: null }),
      setParallelBrush: (pc) => set({ brush: regionOfBrush(pc), costBrush: pc?.devCost ?? null }),
      dropZooms: () => set({ ...clearStudy(), zooms: [] }),
      pickTrial: (pickedTrial) => set({ pickedTrial }),
      loadLink: (link, notices) =>
        set((s) => ({ ...clearStudy(), ...link, notices, revision: s.revision + 1 })),
      dismissNotices: () => set({ notices: [] }),
    };
  });
  return store;
}
