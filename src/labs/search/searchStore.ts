// The search lab's store: the study as the learner sets it up (rows as typed, strategy, budget, seed),
// the rounds that ran (coarse to fine), every trial with its latest numbers, and the run that trains a
// round's trials together as one population in the lab's own training worker.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OptimizerName } from '../../core/config';
import { DEFAULT_EXPERIMENT, dataConfigOf } from '../../core/experiment';
import { type ParallelBrush, regionOfBrush } from '../../core/search/parallel';
import {
  defaultSpace,
  HYPERPARAMETERS,
  type HyperKey,
  parseBudget,
  parseRow,
  type RowDraft,
  type SearchSpace,
  searchedKeys,
  type TrialValues,
} from '../../core/search/space';
import { STRATEGIES, type Strategy, sampleStudy } from '../../core/search/strategies';
import { experimentOfTrial, modelSpecOfTrial, type StudySettings } from '../../core/search/trial';
import { applyZoom, type Region, regionOfZoom, zoomOf } from '../../core/search/zoom';
import { type Bridge, type BridgeTarget, createBridge, type TrainingPort } from '../../state/bridge';
import { RunSeries } from '../../state/runSeries';
import { encodeExperiment } from '../../state/urlHash';
import type { BackendInfo, ModelStatusEvent, RunStatus } from '../../worker/protocol';
import { DEFAULT_STEPS, draftsOf, type StudyLink } from './searchHash';

export type TrialStatus = 'waiting' | 'training' | 'diverged' | 'finished' | 'stopped';

export interface Trial {
  /** Its number in the study (1, 2, …), across rounds. */
  id: number;
  /** 0 for the first round. */
  round: number;
  /** The strategy that drew it. */
  strategy: Strategy;
  values: TrialValues;
  status: TrialStatus;
  trainCost: number;
  devCost: number;
  devAccuracy: number;
  /** Steps it trained. */
  steps: number;
  reason?: string;
}

export interface Round {
  index: number;
  space: SearchSpace;
  /** 'compare': the three strategies' samples of the same budget, trained together. */
  strategy: Strategy | 'compare';
  /** The region of the previous round it zooms into (null for the first). */
  region: Region | null;
  /** Ids of its trials. */
  trialIds: number[];
}

export type StudyPhase = 'idle' | 'starting' | RunStatus | 'error';

export interface StudyProblems {
  rows: Partial<Record<HyperKey, string>>;
  budget: string | null;
  /** Problems of the study as a whole ("search at least one hyperparameter"). */
  general: string[];
  /** The parsed space and budget when nothing is wrong. */
  space: SearchSpace | null;
  budgetValue: number | null;
}

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

/** Every reason the study cannot be sampled or run, row by row. */
export function studyProblems(drafts: Record<HyperKey, RowDraft>, budgetText: string): StudyProblems {
  const rows: Partial<Record<HyperKey, string>> = {};
  const space = {} as SearchSpace;
  for (const h of HYPERPARAMETERS) {
    const r = parseRow(h, drafts[h.key]);
    if (r.ok) space[h.key] = r.dim;
    else rows[h.key] = r.reason;
  }
  const b = parseBudget(budgetText);
  const general: string[] = [];
  const rowsOk = Object.keys(rows).length === 0;
  if (rowsOk && searchedKeys(space).length === 0) general.push('Search at least one hyperparameter.');
  const ok = rowsOk && b.ok && general.length === 0;
  return {
    rows,
    budget: b.ok ? null : b.reason,
    general,
    space: ok ? space : null,
    budgetValue: b.ok ? b.value : null,
  };
}

/** Each problem as one line that names its row ("learning rate α: Low … must be below high …"). */
export function problemLines(p: StudyProblems): string[] {
  const lines: string[] = [];
  for (const h of HYPERPARAMETERS) {
    const reason = p.rows[h.key];
    if (reason) lines.push(`${h.label}: ${reason}`);
  }
  if (p.budget) lines.push(p.budget);
  return [...lines, ...p.general];
}

export function settingsOf(s: Pick<SearchState, 'optimizer' | 'seed' | 'steps'>): StudySettings {
  return { optimizer: s.optimizer, seed: s.seed, steps: s.steps };
}

/** The trial with the lowest final dev cost among those that finished (not diverged). */
export function bestTrial(trials: readonly Trial[], round?: number): Trial | null {
  let best: Trial | null = null;
  for (const t of trials) {
    if (round !== undefined && t.round !== round) continue;
    if (t.status === 'diverged' || !Number.isFinite(t.devCost)) continue;
    if (!best || t.devCost < best.devCost) best = t;
  }
  return best;
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
  makeClient?: () => TrainingPort;
  throttleMs?: number;
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
  } satisfies Partial<SearchState>;
}

export function createSearchStore(options: SearchStoreOptions = {}): SearchStore {
  let bridge: Bridge | null = null;
  let nextRunId = 1;
  const initial = options.link ?? defaultStudyLink();

  const store = createStore<SearchState>()((set, get) => {
    const getBridge = (): Bridge => {
      bridge ??= createBridge(
        (): BridgeTarget => {
          const s = get();
          return {
            runId: s.runId,
            series: s.series,
            receiveProgress: () => receiveProgress(),
            receiveStatus: (status) => receiveStatus(status),
            receiveModelStatus: (event) => receiveModelStatus(event),
            receiveRunError: (text) => set({ status: 'error', error: `Training failed: ${text}` }),
          };
        },
        options.makeClient,
        options.throttleMs,
      );
      return bridge;
    };

    const stopCurrent = (): void => {
      const { runId, status } = get();
      if (runId === null || !isActive(status)) return;
      getBridge()
        .request({ type: 'stop', runId })
        .catch(() => undefined);
    };

    /** The study definition changed: its rounds and results no longer describe it. */
    const clearStudy = (): Partial<SearchState> => {
      stopCurrent();
      bridge?.discard();
      return { ...noStudy(), zooms: [] };
    };

    const updateTrials = (ids: readonly number[], update: (t: Trial, model: number) => Trial): Trial[] => {
      const byId = new Map(ids.map((id, model) => [id, model]));
      return get().trials.map((t) => {
        const model = byId.get(t.id);
        return model === undefined ? t : update(t, model);
      });
    };

    const receiveProgress = (): void => {
      const { series, runTrials } = get();
      if (!series) return;
      set((s) => ({
        seriesVersion: s.seriesVersion + 1,
        trials: updateTrials(runTrials, (t, model) => {
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
      set({
        status,
        ...(done
          ? {
              trials: updateTrials(get().runTrials, (t) =>
                t.status === 'training'
                  ? { ...t, status: status === 'finished' ? 'finished' : 'stopped' }
                  : t,
              ),
            }
          : {}),
      });
    };

    /** Trains the given trials as one population (models of one shape stacked by the engine). */
    const train = async (ids: number[]): Promise<void> => {
      const s = get();
      const settings = settingsOf(s);
      const trials = ids.map((id) => s.trials.find((t) => t.id === id)).filter((t): t is Trial => !!t);
      stopCurrent();
      getBridge().discard();
      const runId = nextRunId++;
      set((st) => ({
        runId,
        status: 'starting',
        runTrials: trials.map((t) => t.id),
        series: new RunSeries(trials.length),
        seriesVersion: st.seriesVersion + 1,
        error: null,
        trials: st.trials.map((t) => (ids.includes(t.id) ? { ...t, status: 'training' } : t)),
      }));
      try {
        const started = await getBridge().request({
          type: 'start',
          runId,
          data: dataConfigOf({ ...DEFAULT_EXPERIMENT, dataset: 'spiral', seed: settings.seed }),
          models: trials.map((t) => modelSpecOfTrial(t.values, settings)),
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
      } catch (error) {
        if (get().runId === runId)
          set({ status: 'error', error: `Could not start the study: ${message(error)}` });
      }
    };

    const newTrials = (values: TrialValues[], round: number, strategy: Strategy, offset = 0): Trial[] => {
      const first = get().trials.length + 1 + offset;
      return values.map((v, i) => ({
        id: first + i,
        round,
        strategy,
        values: v,
        status: 'waiting',
        trainCost: Number.NaN,
        devCost: Number.NaN,
        devAccuracy: Number.NaN,
        steps: 0,
      }));
    };

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
      resample: () => set((s) => ({ ...clearStudy(), seed: (s.seed + 1) % 2 ** 31 })),

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
        getBridge()
          .request({ type: 'stop', runId })
          .catch(() => undefined);
        receiveStatus('stopped');
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
