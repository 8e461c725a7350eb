// The panda lab's store and the conductor of its runs in the lab's own training worker:
// - the panda: one model trained day by day in slices (the run's step limit is raised one slice at a
//   time, so the worker stops exactly at each slice end, every cost already reported; changes made
//   while it trains are applied between slices, at a known step), a snapshot at each day's end, roll
//   backs and returns through the branch tree;
// - the caviar, population-based training and successive halving: populations started beside the
//   panda (`alongside`), so the babysat model survives while they train.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Hyperparameters, ModelSpec } from '../../core/config';
import { dataConfigOf, type Experiment, hyperparametersOf, modelSpecOf } from '../../core/experiment';
import { BranchTree } from '../../core/panda/branchTree';
import { equalComputeSplit, lowest } from '../../core/panda/caviar';
import { changedFields, describeChange, momentumKey } from '../../core/panda/changes';
import { type HalvingRound, halvingSchedule, survivors } from '../../core/panda/halving';
import {
  applyExploit,
  currentHypers,
  DEFAULT_PBT_OPTIONS,
  exploitExplore,
  type Lineage,
  type PbtHyper,
  startLineage,
} from '../../core/panda/pbt';
import { type Scenario, scenarioByName } from '../../core/panda/teacher';
import { createRng, deriveSeed } from '../../core/rng';
import { defaultSpace, type SearchSpace } from '../../core/search/space';
import { sampleStudy } from '../../core/search/strategies';
import { RunSeries } from '../../state/runSeries';
import { type AnyRequestBody, createTrainingClient } from '../../worker/client';
import type { ReplyTo, WorkerEvent } from '../../worker/protocol';
import { defaultPandaLink, type PandaLink } from './pandaHash';

/** The part of the training client the lab uses (a fake one in tests). */
export interface PandaPort {
  request<B extends AnyRequestBody>(body: B): Promise<ReplyTo[B['type']]>;
  subscribe(listener: (event: WorkerEvent) => void): () => void;
  terminate?(): void;
}

export type PandaPhase = 'idle' | 'starting' | 'training' | 'paused' | 'diverged' | 'error';
export type PopulationKind = 'caviar' | 'pbt' | 'halving';
export type PopulationPhase = 'starting' | 'training' | 'done' | 'stopped' | 'error';
export type CaviarBudget = 'compute' | 'machines';

export interface MemberInfo {
  /** α and β (or β1) it trains with now. */
  hyper: PbtHyper;
  status: 'training' | 'diverged' | 'finished' | 'retired';
}

export interface PopulationRun {
  kind: PopulationKind;
  runId: number;
  phase: PopulationPhase;
  members: MemberInfo[];
  series: RunSeries;
  /** Model-steps it is to spend. */
  budget: number;
  /** Steps each member trains (caviar), or the schedule's end (the others). */
  steps: number;
  /** What it is doing now, in words. */
  note: string;
  /** PBT: who copied whom. */
  lineage?: Lineage;
  /** PBT: exploit rounds done; successive halving: rounds done. */
  rounds: number;
  /** Successive halving: the schedule. */
  schedule?: HalvingRound[];
  /** The model the run ended up recommending (lowest dev cost). */
  best: number | null;
}

export interface PandaState {
  link: PandaLink;
  notices: string[];
  /** Bumped when a link replaces the setup. */
  revision: number;
  phase: PandaPhase;
  /** The babysat model's hyperparameters now (or from its next step, while a change waits). */
  hyper: Hyperparameters;
  /** What the worker's model trains with now. */
  applied: Hyperparameters;
  /** Changes that wait for the next slice boundary (made while the day trains). */
  pending: Partial<Hyperparameters> | null;
  autoContinue: boolean;
  /** Steps the model has taken. */
  step: number;
  /** Where the current day ends. */
  dayEnd: number;
  tree: BranchTree;
  /** Bumped (≤ 10 times a second) when the tree or a population's curves grew. */
  version: number;
  /** The day a roll back goes to (a key of tree.days). */
  selectedDay: number | null;
  backend: string | null;
  error: string | null;
  // the teacher
  scenario: Scenario | null;
  beat: number;
  narration: string;
  teacherPlaying: boolean;
  // the populations
  caviarSize: number;
  caviarBudget: CaviarBudget;
  populations: Partial<Record<PopulationKind, PopulationRun>>;
  /** Which bridge the learner looks at. */
  bridge: 'pbt' | 'halving';
}

export interface PandaActions {
  loadLink(link: PandaLink, notices: string[]): void;
  dismissNotices(): void;
  dismissError(): void;
  setDayLength(steps: number): void;
  setSeed(seed: number): void;
  setAutoContinue(on: boolean): void;
  /** Nudges hyperparameters: at once when paused, between slices while training, as the start before the first day. */
  nudge(change: Partial<Hyperparameters>): void;
  nextDay(): Promise<void>;
  pause(): void;
  selectDay(key: number): void;
  rollBack(): Promise<void>;
  resetPanda(): Promise<void>;
  playBeat(): Promise<void>;
  playAll(): Promise<void>;
  stopTeacher(): void;
  setCaviarSize(n: number): void;
  setCaviarBudget(b: CaviarBudget): void;
  runCaviar(): Promise<void>;
  runPbt(): Promise<void>;
  runHalving(): Promise<void>;
  setBridge(b: 'pbt' | 'halving'): void;
  /** Stops every run and the worker (leaving the lab). */
  shutdown(): void;
}

export type PandaStore = StoreApi<PandaState & PandaActions>;

export const EVAL_EVERY = 25;
/** A day trains in this many slices: changes made while it trains apply at the next slice boundary. */
export const SLICES_PER_DAY = 5;
export const PBT_MEMBERS = 10;
export const PBT_DAYS = 8;
/** Exploit and explore every this many days. */
export const PBT_EVERY_DAYS = 2;
export const HALVING_MODELS = 27;
export const LR_RANGE: [number, number] = [1e-4, 1];
const PROGRESS_THROTTLE_MS = 100;
const BEAT_PAUSE_MS = 900;

export interface PandaStoreOptions {
  link?: PandaLink;
  notices?: string[];
  makeClient?: () => PandaPort;
}

/** The search space the caviar and the bridges sample: α on a log scale and the momentum term. */
export function populationSpace(e: Experiment): SearchSpace {
  const space = defaultSpace();
  space.epsilon = { scale: 'fixed', value: e.epsilon };
  space.learningRate = { scale: 'log', low: LR_RANGE[0], high: LR_RANGE[1] };
  const key = momentumKey(e.optimizer);
  if (key === 'momentum') space.momentum = { scale: 'oneMinusLog', low: 0.8, high: 0.99 };
  if (key === 'adamBeta1') space.adamBeta1 = { scale: 'oneMinusLog', low: 0.8, high: 0.99 };
  return space;
}

/** α and the momentum term of `count` models drawn at random from the space. */
export function samplePopulation(e: Experiment, count: number, stream: string): PbtHyper[] {
  const key = momentumKey(e.optimizer);
  const { trials } = sampleStudy(populationSpace(e), 'random', count, deriveSeed(e.seed, stream));
  return trials.map((t) => ({
    learningRate: t.learningRate,
    momentum: key === 'adamBeta1' ? t.adamBeta1 : key === 'momentum' ? t.momentum : 0,
  }));
}

function specWith(e: Experiment, h: PbtHyper): ModelSpec {
  const spec = modelSpecOf(e, h.learningRate);
  const key = momentumKey(e.optimizer);
  if (key) spec.hyper[key] = h.momentum;
  return spec;
}

function hyperPatch(e: Experiment, h: PbtHyper): Partial<Hyperparameters> {
  const key = momentumKey(e.optimizer);
  return key ? { learningRate: h.learningRate, [key]: h.momentum } : { learningRate: h.learningRate };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPandaStore(options: PandaStoreOptions = {}): PandaStore {
  const makeClient = options.makeClient ?? (createTrainingClient as () => PandaPort);
  let client: PandaPort | null = null;
  let nextRunId = 1;
  let pandaRun: number | null = null;
  /** Pause at the next slice boundary. */
  let pauseRequested = false;
  /** Resolved when the current day stops (its end, a pause, or a divergence). */
  let dayWaiters: (() => void)[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let teacherStop = false;
  /** Bumped by a reset, so a slow reply of an old panda run is ignored. */
  let generation = 0;
  /** What the worker's model has now (the store's `hyper` runs ahead while a change waits). */
  let appliedHyper: Hyperparameters = hyperparametersOf((options.link ?? defaultPandaLink()).experiment);

  const store = createStore<PandaState & PandaActions>()((set, get) => {
    const link = options.link ?? defaultPandaLink();

    const bump = (): void => {
      if (flushTimer !== null) return;
      flushTimer = setTimeout(() => {
        flushTimer = null;
        set((s) => ({ version: s.version + 1 }));
      }, PROGRESS_THROTTLE_MS);
    };
    const bumpNow = (): void => {
      if (flushTimer !== null) clearTimeout(flushTimer);
      flushTimer = null;
      set((s) => ({ version: s.version + 1 }));
    };

    const port = (): PandaPort => {
      if (!client) {
        client = makeClient();
        client.subscribe(onEvent);
      }
      return client;
    };
    const request = <B extends AnyRequestBody>(body: B): Promise<ReplyTo[B['type']]> => port().request(body);

    const fail = (what: string, error: unknown): void => {
      set({ error: `${what}: ${message(error)}` });
    };

    const releaseDay = (): void => {
      const waiters = dayWaiters;
      dayWaiters = [];
      for (const w of waiters) w();
    };

    // ---------- the panda ----------

    const startPanda = async (): Promise<boolean> => {
      const e = get().link.experiment;
      const runId = nextRunId++;
      const gen = generation;
      pandaRun = runId;
      const hyper = get().hyper;
      set({ phase: 'starting', error: null });
      try {
        const started = await request({
          type: 'start',
          runId,
          data: dataConfigOf(e),
          models: [{ ...modelSpecOf(e), hyper: { ...hyper } }],
          backend: e.backend,
          maxSteps: 0,
          evalEvery: EVAL_EVERY,
          paused: true,
          alongside: true,
        });
        if (gen !== generation) return false;
        const snap = await request({ type: 'snapshot', runId, model: 0 });
        if (gen !== generation) return false;
        get().tree.recordDay(snap.step, snap.snapshotId, hyper);
        set({
          backend: `${started.backend.name} (${started.backend.reason})`,
          phase: 'paused',
          step: 0,
          dayEnd: 0,
        });
        bumpNow();
        return true;
      } catch (error) {
        pandaRun = null;
        set({ phase: 'error' });
        fail('Could not start the panda', error);
        return false;
      }
    };

    /**
     * Sends the waiting changes just before the model trains on (they apply from its next step) and
     * marks them on the chart at the step they start after. A slider dragged while paused is one change.
     */
    const applyPending = async (runId: number): Promise<void> => {
      const { pending, tree, step } = get();
      if (!pending) return;
      const before = appliedHyper;
      set({ pending: null });
      const changes = changedFields(before, pending);
      if (Object.keys(changes).length === 0) return;
      await request({ type: 'setHyperparameters', runId, model: 0, hyper: changes });
      tree.markChange(step, describeChange(before, changes));
      appliedHyper = { ...before, ...changes };
      set({ applied: appliedHyper });
      bumpNow();
    };

    const runSlice = async (): Promise<void> => {
      const runId = pandaRun;
      if (runId === null) return;
      const { step, dayEnd, link: l } = get();
      const slice = Math.max(1, Math.round(l.dayLength / SLICES_PER_DAY));
      const until = Math.min(dayEnd, step + slice);
      try {
        await applyPending(runId);
        await request({ type: 'extend', runId, maxSteps: until });
        await request({ type: 'resume', runId });
      } catch (error) {
        set({ phase: 'error' });
        fail('Could not train the panda', error);
        releaseDay();
      }
    };

    /** A slice ended (every cost of it has arrived): the day goes on, ends, or pauses. */
    const sliceEnded = async (): Promise<void> => {
      const runId = pandaRun;
      if (runId === null) return;
      const s = get();
      if (s.tree.activeBranch.diverged) {
        set({ phase: 'diverged', pending: null, hyper: { ...appliedHyper } });
        pauseRequested = false;
        bumpNow();
        releaseDay();
        return;
      }
      if (s.step >= s.dayEnd) {
        try {
          const snap = await request({ type: 'snapshot', runId, model: 0 });
          if (runId !== pandaRun) return;
          const day = s.tree.recordDay(snap.step, snap.snapshotId, appliedHyper);
          set({ selectedDay: s.tree.yesterday()?.key ?? day.key });
          bumpNow();
        } catch (error) {
          fail('Could not take the day’s snapshot', error);
        }
        if (get().autoContinue && !pauseRequested) {
          set({ dayEnd: get().step + get().link.dayLength });
          await runSlice();
          return;
        }
        pauseRequested = false;
        set({ phase: 'paused' });
        releaseDay();
        return;
      }
      if (pauseRequested) {
        pauseRequested = false;
        set({ phase: 'paused' });
        releaseDay();
        return;
      }
      await runSlice();
    };

    const restoreDay = async (key: number): Promise<void> => {
      const runId = pandaRun;
      const { tree } = get();
      if (runId === null) return;
      const result = tree.continueFrom(key);
      try {
        await request({ type: 'restore', runId, model: 0, snapshotId: result.day.snapshotId });
      } catch (error) {
        fail('Could not roll back', error);
      }
      appliedHyper = { ...result.day.hyper };
      set({ applied: appliedHyper });
      // Changes the learner made before rolling back are the new hyperparameters to continue with.
      const pending = get().pending;
      set({
        phase: 'paused',
        step: result.day.step,
        dayEnd: result.day.step,
        hyper: { ...result.day.hyper, ...(pending ?? {}) },
        selectedDay: tree.yesterday()?.key ?? key,
      });
      bumpNow();
    };

    // ---------- populations ----------

    const stopPopulations = (): void => {
      for (const run of Object.values(get().populations)) {
        if (run && (run.phase === 'training' || run.phase === 'starting')) {
          request({ type: 'stop', runId: run.runId }).catch(() => undefined);
          updatePopulation(run.kind, { phase: 'stopped', note: 'stopped' });
        }
      }
    };

    const updatePopulation = (kind: PopulationKind, patch: Partial<PopulationRun>): void => {
      set((s) => {
        const run = s.populations[kind];
        if (!run) return {};
        return { populations: { ...s.populations, [kind]: { ...run, ...patch } } };
      });
    };

    const populationOf = (runId: number): PopulationRun | undefined =>
      Object.values(get().populations).find((r) => r?.runId === runId);

    const startPopulation = async (
      kind: PopulationKind,
      hypers: PbtHyper[],
      maxSteps: number,
      extra: Partial<PopulationRun>,
    ): Promise<number | null> => {
      stopPopulations();
      const e = get().link.experiment;
      const runId = nextRunId++;
      const run: PopulationRun = {
        kind,
        runId,
        phase: 'starting',
        members: hypers.map((hyper) => ({ hyper, status: 'training' })),
        series: new RunSeries(hypers.length),
        budget: 0,
        steps: maxSteps,
        note: 'starting…',
        rounds: 0,
        best: null,
        ...extra,
      };
      set((s) => ({ populations: { ...s.populations, [kind]: run }, error: null }));
      try {
        await request({
          type: 'start',
          runId,
          data: dataConfigOf(e),
          models: hypers.map((h) => specWith(e, h)),
          backend: e.backend,
          maxSteps,
          evalEvery: EVAL_EVERY,
          paused: false,
          alongside: true,
        });
        updatePopulation(kind, { phase: 'training', note: 'training' });
        return runId;
      } catch (error) {
        updatePopulation(kind, { phase: 'error', note: message(error) });
        fail(
          `Could not start the ${kind === 'caviar' ? 'caviar' : kind === 'pbt' ? 'population' : 'halving run'}`,
          error,
        );
        return null;
      }
    };

    /** Latest dev cost of each member (NaN for a diverged one). */
    const latestDev = (run: PopulationRun): number[] =>
      run.series.models.map((m, i) => (run.members[i].status === 'diverged' ? Number.NaN : m.devCost.last()));

    const bestMember = (run: PopulationRun): number | null => {
      let best: number | null = null;
      let value = Number.POSITIVE_INFINITY;
      run.series.models.forEach((m, i) => {
        const v = lowest(m.devCost.view());
        if (Number.isFinite(v) && v < value) {
          value = v;
          best = i;
        }
      });
      return best;
    };

    const finishPopulation = (run: PopulationRun, note: string): void => {
      updatePopulation(run.kind, { phase: 'done', note, best: bestMember(run) });
      request({ type: 'stop', runId: run.runId }).catch(() => undefined);
      bumpNow();
    };

    /** PBT: a generation ended. Exploit and explore, then train the next one. */
    const pbtGenerationEnded = async (run: PopulationRun): Promise<void> => {
      const e = get().link.experiment;
      const interval = PBT_EVERY_DAYS * get().link.dayLength;
      const generations = PBT_DAYS / PBT_EVERY_DAYS;
      const done = run.rounds + 1;
      if (done >= generations) {
        finishPopulation(run, `done: ${run.rounds} exploit rounds`);
        return;
      }
      const lineage = run.lineage ?? startLineage(run.members.map((m) => m.hyper));
      const rng = createRng(deriveSeed(e.seed, `pbt-round-${done}`));
      const decisions = exploitExplore(latestDev(run), currentHypers(lineage), rng, DEFAULT_PBT_OPTIONS);
      const step = done * interval;
      try {
        const snapshots = new Map<number, number>();
        for (const d of decisions) {
          if (!snapshots.has(d.source)) {
            const snap = await request({ type: 'snapshot', runId: run.runId, model: d.source });
            snapshots.set(d.source, snap.snapshotId);
          }
        }
        for (const d of decisions) {
          await request({
            type: 'restore',
            runId: run.runId,
            model: d.target,
            snapshotId: snapshots.get(d.source) ?? 0,
          });
          await request({
            type: 'setHyperparameters',
            runId: run.runId,
            model: d.target,
            hyper: hyperPatch(e, d.hyper),
          });
        }
        const next = applyExploit(lineage, decisions, step);
        const members = run.members.map((m, i) =>
          decisions.some((d) => d.target === i)
            ? { hyper: currentHypers(next)[i], status: 'training' as const }
            : m,
        );
        const note = `round ${done}: ${decisions.map((d) => `#${d.target + 1} ← #${d.source + 1}`).join(', ')}`;
        updatePopulation('pbt', { lineage: next, members, rounds: done, note });
        if (members.every((m) => m.status === 'diverged')) {
          finishPopulation(run, 'every member diverged');
          return;
        }
        await request({ type: 'extend', runId: run.runId, maxSteps: step + interval });
        await request({ type: 'resume', runId: run.runId });
        bumpNow();
      } catch (error) {
        updatePopulation('pbt', { phase: 'error', note: message(error) });
      }
    };

    /** Successive halving: a round ended. Keep the best third, give them three times the steps. */
    const halvingRoundEnded = async (run: PopulationRun): Promise<void> => {
      const schedule = run.schedule ?? [];
      const nextRound = schedule[run.rounds + 1];
      const alive = run.members.flatMap((m, i) => (m.status === 'retired' ? [] : [i]));
      const scores = latestDev(run);
      if (!nextRound) {
        const [winner] = survivors(alive, scores, 1);
        updatePopulation('halving', { rounds: run.rounds + 1 });
        finishPopulation(run, `done: #${(winner ?? 0) + 1} is the winner`);
        return;
      }
      const keep = new Set(survivors(alive, scores, nextRound.alive));
      if ([...keep].every((i) => run.members[i].status === 'diverged')) {
        finishPopulation(run, 'every survivor diverged');
        return;
      }
      try {
        const members = run.members.map((m, i) =>
          keep.has(i) || m.status === 'retired' ? m : { ...m, status: 'retired' as const },
        );
        for (const i of alive)
          if (!keep.has(i))
            await request({ type: 'setModelActive', runId: run.runId, model: i, active: false });
        updatePopulation('halving', {
          members,
          rounds: run.rounds + 1,
          note: `round ${nextRound.index + 1}: ${nextRound.alive} models, ${nextRound.steps} more steps each`,
        });
        await request({ type: 'extend', runId: run.runId, maxSteps: nextRound.untilStep });
        await request({ type: 'resume', runId: run.runId });
      } catch (error) {
        updatePopulation('halving', { phase: 'error', note: message(error) });
      }
    };

    // ---------- events ----------

    const onEvent = (event: WorkerEvent): void => {
      if (event.runId === pandaRun) {
        onPandaEvent(event);
        return;
      }
      const run = populationOf(event.runId);
      if (!run) return;
      switch (event.type) {
        case 'progress':
          run.series.append(event);
          bump();
          break;
        case 'modelStatus':
          if (event.status === 'diverged') {
            const members = run.members.map((m, i) =>
              i === event.model ? { ...m, status: 'diverged' as const } : m,
            );
            updatePopulation(run.kind, { members });
          } else if (event.status === 'training') {
            const members = run.members.map((m, i) =>
              i === event.model && m.status !== 'retired' ? { ...m, status: 'training' as const } : m,
            );
            updatePopulation(run.kind, { members });
          }
          break;
        case 'status':
          if (event.status !== 'finished' || run.phase !== 'training') break;
          bumpNow();
          if (run.kind === 'caviar') finishPopulation(run, 'done');
          else if (run.kind === 'pbt') void pbtGenerationEnded(run);
          else void halvingRoundEnded(run);
          break;
        case 'runError':
          updatePopulation(run.kind, { phase: 'error', note: event.message });
          set({ error: `Training failed: ${event.message}` });
          break;
      }
    };

    const onPandaEvent = (event: WorkerEvent): void => {
      const { tree } = get();
      switch (event.type) {
        case 'progress': {
          for (let i = 0; i < event.train.step.length; i++)
            tree.appendTrain(event.train.step[i], event.train.cost[i]);
          for (let i = 0; i < event.dev.step.length; i++)
            tree.appendDev(event.dev.step[i], event.dev.cost[i]);
          if (event.steps.length > 0) set({ step: event.steps[0] });
          bump();
          break;
        }
        case 'modelStatus':
          if (event.status === 'diverged') {
            tree.markDiverged(event.step, `diverged: ${event.reason ?? 'cost blew up'}`);
            set({ step: event.step });
          }
          break;
        case 'status':
          if (event.status === 'finished' && get().phase === 'training') void sliceEnded();
          break;
        case 'runError':
          set({ phase: 'error', error: `Training failed: ${event.message}` });
          releaseDay();
          break;
      }
    };

    // ---------- the teacher ----------

    const findDay = (day: number): number | null => {
      const { tree } = get();
      const found = tree.lineageDays().filter((d) => d.day === day);
      return found.length > 0 ? found[found.length - 1].key : null;
    };

    const runBeat = async (): Promise<void> => {
      const { scenario, beat } = get();
      if (!scenario || beat >= scenario.beats.length) return;
      const b = scenario.beats[beat];
      set({ narration: b.say, beat: beat + 1 });
      for (const action of b.actions) {
        if (action.kind === 'set') get().nudge(action.hyper);
        else if (action.kind === 'nextDay') await get().nextDay();
        else {
          const key = findDay(action.toDay);
          if (key !== null) {
            set({ selectedDay: key });
            await get().rollBack();
          }
        }
      }
    };

    const startScenario = async (): Promise<void> => {
      const name = get().link.teacher ?? 'alpha';
      const scenario = scenarioByName(name) ?? null;
      if (!scenario) return;
      await get().resetPanda();
      const hyper = { ...get().hyper, ...scenario.start };
      appliedHyper = hyper;
      set({ applied: appliedHyper });
      set({
        scenario,
        beat: 0,
        hyper,
        autoContinue: false,
        narration: `${scenario.title}: press “Next beat” or “Play automatically”.`,
      });
    };

    return {
      link,
      notices: options.notices ?? [],
      revision: 0,
      phase: 'idle',
      hyper: hyperparametersOf(link.experiment),
      applied: hyperparametersOf(link.experiment),
      pending: null,
      autoContinue: false,
      step: 0,
      dayEnd: 0,
      tree: new BranchTree(),
      version: 0,
      selectedDay: null,
      backend: null,
      error: null,
      scenario: null,
      beat: 0,
      narration: '',
      teacherPlaying: false,
      caviarSize: 8,
      caviarBudget: 'compute',
      populations: {},
      bridge: 'pbt',

      loadLink: (next, notices) => {
        set((s) => ({ link: next, notices, revision: s.revision + 1 }));
        void get().resetPanda();
      },
      dismissNotices: () => set({ notices: [] }),
      dismissError: () => set({ error: null }),
      setDayLength: (steps) => set((s) => ({ link: { ...s.link, dayLength: steps } })),
      setSeed: (seed) => {
        if (get().phase !== 'idle') return;
        set((s) => ({ link: { ...s.link, experiment: { ...s.link.experiment, seed } } }));
      },
      setAutoContinue: (on) => set({ autoContinue: on }),

      nudge: (change) => {
        const s = get();
        if (s.phase === 'idle') {
          // Before the first day: the starting hyperparameters (and the link's).
          const hyper = { ...s.hyper, ...change };
          appliedHyper = hyper;
          set({ applied: appliedHyper });
          const e = s.link.experiment;
          set({
            hyper,
            link: {
              ...s.link,
              experiment: {
                ...e,
                learningRate: hyper.learningRate,
                momentum: hyper.momentum,
                adamBeta1: hyper.adamBeta1,
                miniBatchSize: hyper.miniBatchSize,
                learningRateDecay: hyper.learningRateDecay,
                decayRate: hyper.decayRate,
              },
            },
          });
          return;
        }
        // Applied when the model next trains: at the next slice boundary, or when the next day starts.
        set({ hyper: { ...s.hyper, ...change }, pending: { ...(s.pending ?? {}), ...change } });
      },

      nextDay: async () => {
        const s = get();
        if (s.phase === 'training' || s.phase === 'starting' || s.phase === 'diverged') return;
        if (s.phase === 'idle' || s.phase === 'error' || pandaRun === null) {
          if (!(await startPanda())) return;
        }
        const after = get();
        // Paused mid-day: finish this day. Otherwise a whole new day.
        const dayEnd = after.step < after.dayEnd ? after.dayEnd : after.step + after.link.dayLength;
        pauseRequested = false;
        const stopped = new Promise<void>((resolve) => dayWaiters.push(resolve));
        set({ phase: 'training', dayEnd });
        await runSlice();
        await stopped;
      },

      pause: () => {
        if (get().phase === 'training') pauseRequested = true;
        set({ autoContinue: false });
      },

      selectDay: (key) => set({ selectedDay: key }),

      rollBack: async () => {
        const s = get();
        const key = s.selectedDay ?? s.tree.yesterday()?.key ?? null;
        if (key === null || pandaRun === null) return;
        if (s.phase === 'training') {
          const stopped = new Promise<void>((resolve) => dayWaiters.push(resolve));
          pauseRequested = true;
          set({ autoContinue: false });
          await stopped;
        }
        await restoreDay(key);
      },

      resetPanda: async () => {
        generation += 1;
        const runId = pandaRun;
        pandaRun = null;
        pauseRequested = false;
        releaseDay();
        if (runId !== null) request({ type: 'stop', runId }).catch(() => undefined);
        appliedHyper = hyperparametersOf(get().link.experiment);
        set({ applied: appliedHyper });
        set({
          phase: 'idle',
          tree: new BranchTree(),
          step: 0,
          dayEnd: 0,
          pending: null,
          selectedDay: null,
          hyper: { ...appliedHyper },
          scenario: null,
          beat: 0,
          narration: '',
          teacherPlaying: false,
        });
        bumpNow();
      },

      playBeat: async () => {
        if (get().teacherPlaying) return;
        if (!get().scenario) await startScenario();
        set({ teacherPlaying: true });
        try {
          await runBeat();
        } finally {
          set({ teacherPlaying: false });
        }
      },

      playAll: async () => {
        if (get().teacherPlaying) return;
        if (!get().scenario || get().beat >= (get().scenario?.beats.length ?? 0)) await startScenario();
        teacherStop = false;
        set({ teacherPlaying: true });
        try {
          while (!teacherStop) {
            const { scenario, beat } = get();
            if (!scenario || beat >= scenario.beats.length) break;
            await runBeat();
            await sleep(BEAT_PAUSE_MS);
          }
        } finally {
          set({ teacherPlaying: false });
        }
      },

      stopTeacher: () => {
        teacherStop = true;
      },

      setCaviarSize: (n) => set({ caviarSize: n }),
      setCaviarBudget: (b) => set({ caviarBudget: b }),

      runCaviar: async () => {
        const s = get();
        const e = s.link.experiment;
        const pandaSteps = s.tree.modelSteps();
        const reference = pandaSteps > 0 ? pandaSteps : 5 * s.link.dayLength;
        let models: number;
        let steps: number;
        if (s.caviarBudget === 'compute') {
          const split = equalComputeSplit(reference, s.caviarSize, 10);
          models = split.models;
          steps = split.stepsPerModel;
        } else {
          models = s.caviarSize;
          steps = Math.max(10, s.tree.lastStep(s.tree.active) || 5 * s.link.dayLength);
        }
        const hypers = samplePopulation(e, models, 'caviar');
        await startPopulation('caviar', hypers, steps, { budget: models * steps });
      },

      runPbt: async () => {
        const e = get().link.experiment;
        const interval = PBT_EVERY_DAYS * get().link.dayLength;
        const hypers = samplePopulation(e, PBT_MEMBERS, 'pbt');
        set({ bridge: 'pbt' });
        await startPopulation('pbt', hypers, interval, {
          budget: PBT_MEMBERS * PBT_DAYS * get().link.dayLength,
          steps: PBT_DAYS * get().link.dayLength,
          lineage: startLineage(hypers),
        });
      },

      runHalving: async () => {
        const e = get().link.experiment;
        const base = Math.max(10, Math.round(get().link.dayLength / 5));
        const schedule = halvingSchedule(HALVING_MODELS, base);
        const hypers = samplePopulation(e, HALVING_MODELS, 'halving');
        set({ bridge: 'halving' });
        await startPopulation('halving', hypers, schedule[0].untilStep, {
          schedule,
          budget: schedule.reduce((sum, r) => sum + r.alive * r.steps, 0),
          steps: schedule[schedule.length - 1].untilStep,
          note: `round 1: ${schedule[0].alive} models, ${schedule[0].steps} steps each`,
        });
      },

      setBridge: (b) => set({ bridge: b }),

      shutdown: () => {
        teacherStop = true;
        generation += 1;
        releaseDay();
        if (flushTimer !== null) clearTimeout(flushTimer);
        flushTimer = null;
        client?.terminate?.();
        client = null;
        pandaRun = null;
      },
    };
  });
  return store;
}
