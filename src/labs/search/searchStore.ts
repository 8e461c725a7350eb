// The search lab's store: the study as the learner sets it up (rows as typed, strategy, budget, seed),
// the rounds that ran (coarse to fine), every trial with its latest numbers, and the run that trains a
// round's trials together as one population in the lab's own training worker.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OptimizerName } from '../../core/config';
import { DEFAULT_EXPERIMENT, dataConfigOf } from '../../core/experiment';
import { COMPARE_STEPS, parseCompareSteps } from '../../core/gridRandomLesson';
import { type StudyFile, studyFileOf, type TrialCurve, trialsOfFile } from '../../core/export/studyFile';
import { MAX_SEED } from '../../core/hyperparameters';
import { dataShapeOf, overBudgetMessage } from '../../core/runEstimate';
import { thinCurve } from '../../core/saved/record';
import { type ParallelBrush, regionOfBrush } from '../../core/search/parallel';
import {
  type Dimension,
  defaultSpace,
  HYPER_KEYS,
  type HyperKey,
  parseBudget,
  type RowDraft,
  type SearchSpace,
} from '../../core/search/space';
import {
  COMPARE_BUDGET,
  comparisonPopulation,
  DEFAULT_REPEAT_SEEDS,
  parseRepeatSeeds,
  repeatSeeds,
} from '../../core/search/repeat';
import { evalEveryOf, STUDY_EVAL_EVERY, trialScore } from '../../core/search/score';
import { type Strategy, sampleStudy } from '../../core/search/strategies';
import {
  endRunTrials,
  makeTrials,
  type Round,
  studyProblems,
  type Trial,
  updateRunTrials,
} from '../../core/search/study';
import { experimentOfTrial, modelSpecOfTrial, type StudySettings } from '../../core/search/trial';
import { applyZoom, type Region, regionOfZoom, type Zoom, zoomOf, zoomProblem } from '../../core/search/zoom';
import { appRunChannel } from '../../state/appChannel';
import { autosave } from '../../state/autosave';
import { skipRunEstimate } from '../../state/problems';
import { searchWork, trackWork } from '../../state/unsavedWork';
import { failureText, type RunPort } from '../../state/runChannel';
import { type ModelSeries, RunSeries } from '../../state/runSeries';
import { createRunSlot } from '../../state/runSlot';
import { encodeExperiment } from '../../state/urlHash';
import type { BackendInfo, ModelStatusEvent, RunStatus } from '../../worker/protocol';
import { studyRecord } from './savedStudy';
import { DEFAULT_STEPS, draftsOf, MAX_STEPS, MIN_STEPS, type StudyLink } from './searchHash';

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
  /** The comparison's trials per strategy, as typed (9 by default: a 3 × 3 grid against 9 draws). */
  compareBudget: string;
  /** How many seeds "Repeat over seeds" runs, as typed. */
  repeatCount: string;
  /** The comparison's steps per trial, as typed (its own tight budget: core/gridRandomLesson.ts). */
  compareSteps: string;
  /** The seed whose comparison the three panels show (null: the study's seed). */
  shownSeed: number | null;
  // the run
  runId: number | null;
  /**
   * The run that trained the study on screen: unlike runId it outlives Stop (a stopped study can still
   * be saved), and a study loaded from a file or saved work has none. The leave guard reads it.
   */
  studyRun: number | null;
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
  /** The comparison on `repeatCount` seeds (the study's and the next ones), all as one population. */
  runRepeat(): Promise<void>;
  setCompareBudget(text: string): void;
  setRepeatCount(text: string): void;
  setCompareSteps(text: string): void;
  showSeed(seed: number): void;
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
  /**
   * The study as a file (settings, the first round's space, every round, every trial with its latest
   * numbers and its curve thinned to ≤ 300 points per column); null when no study has been sampled.
   */
  exportStudyFile(): StudyFile | null;
  /**
   * Shows a study file as it was, without training: stops any run, takes its settings, rounds and
   * trials, and rebuilds the run's curves from the trials' curves (a file without curves, as the
   * exported Optuna script writes, fills the leaderboard and the plots of final numbers only).
   * "Run study" then trains it again from its settings.
   */
  loadStudyFile(file: StudyFile, notices?: string[]): void;
  dismissNotices(): void;
}

export type SearchStore = StoreApi<SearchState>;

export const DEFAULT_BUDGET = 25;
export const EVAL_EVERY = STUDY_EVAL_EVERY;

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

/** The comparison's steps per trial, checked against the study's range of steps. */
export function compareStepsOf(text: string): ReturnType<typeof parseCompareSteps> {
  return parseCompareSteps(text, MIN_STEPS, MAX_STEPS);
}

/**
 * Steps per trial of the trials shown: a comparison trains its own number of steps, a study the
 * study's. (A comparison's steps field is checked before it trains, so a bad one is never shown.)
 */
export function shownSteps(s: Pick<SearchState, 'rounds' | 'steps' | 'compareSteps'>): number {
  if (s.rounds[0]?.strategy !== 'compare') return s.steps;
  const c = compareStepsOf(s.compareSteps);
  return c.ok ? c.value : s.steps;
}

export { evalEveryOf } from '../../core/search/score';

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
    shownSeed: null,
    runId: null,
    studyRun: null,
    status: 'idle',
    runTrials: [],
    series: null,
    error: null,
    awayNote: null,
  } satisfies Partial<SearchState>;
}

/** One model's curves for a study file: ≤ 300 points per column, NaN as null (JSON has no NaN). */
function fileCurve(m: ModelSeries): TrialCurve {
  const c = thinCurve('', {
    trainStep: m.trainStep.view(),
    trainCost: m.trainCost.view(),
    devStep: m.devStep.view(),
    devCost: m.devCost.view(),
    devAccuracy: m.devAccuracy.view(),
  });
  // The series are float32: 7 significant digits keep what they hold and halve the file.
  const cost = (v: number): number | null => (Number.isFinite(v) ? Number(v.toPrecision(7)) : null);
  return {
    trainStep: c.trainStep,
    trainCost: c.trainCost.map(cost),
    devStep: c.devStep,
    devCost: c.devCost.map(cost),
    devAccuracy: c.devAccuracy.map(cost),
  };
}

/** A file's curves as a run's series (model i is trials[i]); null costs back to NaN. */
function seriesOfCurves(trials: readonly { steps: number; curve: TrialCurve }[]): RunSeries {
  const series = new RunSeries(trials.length);
  const num = (v: number | null): number => (v === null ? Number.NaN : v);
  trials.forEach(({ steps, curve }, i) => {
    const m = series.models[i];
    curve.trainStep.forEach((step, k) => {
      m.trainStep.push(step);
      m.trainCost.push(num(curve.trainCost[k] ?? null));
    });
    curve.devStep.forEach((step, k) => {
      m.devStep.push(step);
      m.devCost.push(num(curve.devCost[k] ?? null));
      m.devAccuracy.push(num(curve.devAccuracy[k] ?? null));
    });
    series.steps[i] = steps;
  });
  return series;
}

const sameDimension = (a: Dimension, b: Dimension): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The zoomed rounds of a loaded study as the link keeps them, so that "Run study" re-creates them; a
 * round that is not a zoom of the one before (a file edited by hand) ends the list, with a notice.
 */
function zoomsOfRounds(rounds: readonly Round[]): { zooms: Zoom[]; notice: string | null } {
  const zooms: Zoom[] = [];
  if (rounds[0]?.strategy === 'compare') return { zooms, notice: null };
  for (let i = 1; i < rounds.length; i++) {
    const prev = rounds[i - 1].space;
    const next = rounds[i].space;
    const zoom: Zoom = {};
    for (const key of HYPER_KEYS) if (!sameDimension(prev[key], next[key])) zoom[key] = next[key];
    const applied = applyZoom(prev, zoom);
    if (
      Object.keys(zoom).length === 0 ||
      zoomProblem(prev, zoom) !== null ||
      !HYPER_KEYS.every((k) => sameDimension(applied[k], next[k]))
    )
      return {
        zooms,
        notice: `Round ${i + 1} of the file is not a zoom into round ${i}: it shows as it was, but "Run study" re-creates only the rounds before it.`,
      };
    zooms.push(zoom);
  }
  return { zooms, notice: null };
}

export function createSearchStore(options: SearchStoreOptions = {}): SearchStore {
  const port = (): RunPort => options.port ?? appRunChannel();
  let slot: ReturnType<typeof createRunSlot> | null = null;
  const run = () => {
    slot ??= createRunSlot(port());
    return slot;
  };
  const initial = options.link ?? defaultStudyLink();
  /** Curves of trials trained by an earlier run of this study (the rounds before a zoom), by trial id. */
  const earlierCurves = new Map<number, TrialCurve>();

  const store = createStore<SearchState>()((set, get) => {
    /** The study definition changed: its rounds and results no longer describe it. */
    const clearStudy = (): Partial<SearchState> => {
      run().end();
      earlierCurves.clear();
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
            // The score, not the last evaluation: see core/search/score.ts.
            devCost: m.devCost.length > 0 ? trialScore(m.devCost.view()) : t.devCost,
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
      if (status === 'finished')
        void autosave(studyRecord(get(), get().exportStudyFile())).then(
          (failed) => failed && set({ error: failed }),
        );
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
    const train = async (ids: number[], steps?: number): Promise<void> => {
      const s = get();
      const settings = { ...settingsOf(s), ...(steps ? { steps } : {}) };
      const trials = ids.map((id) => s.trials.find((t) => t.id === id)).filter((t): t is Trial => !!t);
      const data = dataConfigOf({ ...DEFAULT_EXPERIMENT, dataset: 'spiral', seed: settings.seed });
      const models = trials.map((t) =>
        modelSpecOfTrial(t.values, { ...settings, seed: t.seed ?? settings.seed }),
      );
      // Refused here, in words, rather than by the worker running out of memory.
      const tooBig = skipRunEstimate() ? null : overBudgetMessage(dataShapeOf(data), models);
      if (tooBig) {
        set({ status: 'idle', error: `This study is too big to train in the page: ${tooBig}` });
        return;
      }
      // The run about to start replaces the series: keep the curves of the trials it held.
      const previous = get();
      previous.runTrials.forEach((id, model) => {
        const m = previous.series?.models[model];
        if (m && (m.trainStep.length > 0 || m.devStep.length > 0)) earlierCurves.set(id, fileCurve(m));
      });
      const series = new RunSeries(trials.length);
      const runId = run().begin({
        progress: (event) => series.append(event),
        flush: () => receiveProgress(series),
        status: receiveStatus,
        modelStatus: receiveModelStatus,
        // A lost worker is said by every screen's banner: the study just ends, its trials stopped.
        failed: (text, workerLost) =>
          set((st) => ({
            status: workerLost ? 'stopped' : 'error',
            error: workerLost ? null : failureText(text),
            trials: endRunTrials(st.trials, st.runTrials, 'stopped'),
          })),
      });
      set((st) => ({
        runId,
        studyRun: runId,
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
          evalEvery: evalEveryOf(settings.steps),
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
        // Stopped meanwhile (Stop, a lost worker, whose banner says so): not a failure of its own.
        if (get().runId === runId && get().status !== 'stopped')
          set({ status: 'error', error: `Could not start the study: ${message(error)}` });
      }
    };

    const newTrials = (
      values: Parameters<typeof makeTrials>[0],
      round: number,
      strategy: Strategy,
      offset = 0,
      seed?: number,
    ) =>
      // Numbered after the highest id (a loaded file's ids need not run 1, 2, …).
      makeTrials(values, round, strategy, Math.max(0, ...get().trials.map((t) => t.id)) + offset, seed);

    /**
     * The three strategies' samples of the comparison budget on `m` seeds (the study's first),
     * trained as one population: every seed's trials stack with the others of their shape.
     */
    const compare = async (m: number): Promise<void> => {
      const s = get();
      // The comparison's own budget, not the study's: checked together with the rows.
      const p = studyProblems(s.drafts, s.compareBudget);
      const steps = compareStepsOf(s.compareSteps);
      if (!p.space || p.budgetValue === null || !steps.ok) return;
      set(clearStudy());
      const seeds = repeatSeeds(s.seed, m, MAX_SEED);
      const created: Trial[] = [];
      for (const t of comparisonPopulation(p.space, p.budgetValue, seeds))
        created.push(
          ...newTrials([t.values], 0, t.strategy, created.length, t.seed === s.seed ? undefined : t.seed),
        );
      set({
        rounds: [
          {
            index: 0,
            space: p.space,
            strategy: 'compare',
            region: null,
            trialIds: created.map((t) => t.id),
            ...(m > 1 ? { seeds } : {}),
          },
        ],
        trials: created,
      });
      await train(
        created.map((t) => t.id),
        steps.value,
      );
    };

    return {
      ...initial,
      compareBudget: String(COMPARE_BUDGET),
      repeatCount: String(DEFAULT_REPEAT_SEEDS),
      compareSteps: String(COMPARE_STEPS),
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

      runComparison: () => compare(1),
      runRepeat: () => {
        const m = parseRepeatSeeds(get().repeatCount);
        return m.ok ? compare(m.value) : Promise.resolve();
      },
      setCompareBudget: (compareBudget) => set({ ...clearStudy(), compareBudget }),
      setRepeatCount: (repeatCount) => set({ repeatCount }),
      setCompareSteps: (compareSteps) => set({ ...clearStudy(), compareSteps }),
      showSeed: (shownSeed) => set({ shownSeed }),

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
        // Forgotten, so that a start it cancels is not reported as a failure.
        set({ runId: null });
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

      exportStudyFile: () => {
        const s = get();
        const first = s.rounds[0];
        if (!first || s.trials.length === 0) return null;
        const budget = parseBudget(s.budget);
        const modelOf = new Map(s.runTrials.map((id, model) => [id, model]));
        return studyFileOf({
          strategy: s.strategy,
          budget: budget.ok ? budget.value : Math.max(1, first.trialIds.length),
          seed: s.seed,
          steps: shownSteps(s),
          optimizer: s.optimizer,
          space: first.space,
          rounds: s.rounds,
          trials: s.trials.map((t) => {
            const model = modelOf.get(t.id);
            const m = model === undefined ? undefined : s.series?.models[model];
            if (m && (m.trainStep.length > 0 || m.devStep.length > 0)) return { ...t, curve: fileCurve(m) };
            // Trials of an earlier run (the rounds before a zoom) keep the curve they ended with.
            const kept = earlierCurves.get(t.id);
            return kept ? { ...t, curve: kept } : t;
          }),
        });
      },

      loadStudyFile: (file, notices = []) => {
        earlierCurves.clear();
        const trials: Trial[] = [];
        const curves: { id: number; steps: number; curve: TrialCurve }[] = [];
        for (const { curve, ...t } of trialsOfFile(file)) {
          // Nothing trains now: a trial the file caught waiting or training reads as stopped.
          const status = t.status === 'waiting' || t.status === 'training' ? 'stopped' : t.status;
          trials.push({ ...t, status });
          if (curve && (curve.trainStep.length > 0 || curve.devStep.length > 0))
            curves.push({ id: t.id, steps: t.steps, curve });
        }
        const rounds: Round[] = file.rounds.map((r) => ({
          index: r.index,
          space: r.space as SearchSpace,
          strategy: r.strategy as Round['strategy'],
          region: r.region as Region | null,
          trialIds: [...r.trialIds],
        }));
        const { zooms, notice } = zoomsOfRounds(rounds);
        run().end();
        set((s) => ({
          ...noStudy(),
          strategy: file.strategy as Strategy,
          budget: String(file.budget),
          seed: file.seed,
          // A comparison's steps are its own; the study's stay as they were.
          ...(rounds[0]?.strategy === 'compare'
            ? { compareSteps: String(file.steps) }
            : { steps: file.steps }),
          optimizer: file.optimizer as OptimizerName,
          drafts: draftsOf(file.space as SearchSpace),
          zooms,
          rounds,
          trials,
          runTrials: curves.map((c) => c.id),
          series: curves.length > 0 ? seriesOfCurves(curves) : null,
          seriesVersion: s.seriesVersion + 1,
          // A finished study (nothing training); "Run study" trains it again from these settings.
          status:
            trials.length === 0
              ? 'idle'
              : trials.some((t) => t.status === 'stopped')
                ? 'stopped'
                : 'finished',
          backend: null,
          notices: notice ? [...notices, notice] : notices,
          revision: s.revision + 1,
        }));
      },
      dismissNotices: () => set({ notices: [] }),
    };
  });
  // What a reload would lose, for the page's leave guard (unsavedWork.ts).
  trackWork(store, 'search', (s) =>
    searchWork({
      status: s.status,
      studyRun: s.studyRun,
      trainedTrials: s.trials.reduce((n, t) => (t.steps > 0 ? n + 1 : n), 0),
    }),
  );
  return store;
}
