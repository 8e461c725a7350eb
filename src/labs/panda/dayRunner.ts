// The panda: one model trained day by day. A day trains in slices (the run's step limit is raised one
// slice at a time, so the worker stops exactly at each slice end with every cost reported); changes
// made while it trains are applied between slices, at a known step, and marked there. Each day ends
// with a snapshot; a roll back restores one and grows a new branch in the tree.
import type { Hyperparameters } from '../../core/config';
import { dataConfigOf, hyperparametersOf, modelSpecOf } from '../../core/experiment';
import { BranchTree } from '../../core/panda/branchTree';
import { changedFields, describeChange } from '../../core/panda/changes';
import { failureText, type RunHandlers } from '../../state/runChannel';
import { createRunSlot, type RunSlot } from '../../state/runSlot';
import type { PandaLink } from './pandaHash';
import type { PandaKit } from './pandaKit';
import { EVAL_EVERY, SLICES_PER_DAY } from './pandaTypes';

export interface DayRunner {
  nudge(change: Partial<Hyperparameters>): void;
  nextDay(): Promise<void>;
  /** Pause at the next slice boundary. */
  pause(): void;
  rollBack(): Promise<void>;
  reset(): Promise<void>;
  /** Resolves when the day that trains now has stopped (at once when none does). */
  stopped(): Promise<void>;
  /** What the worker's model has now (the store's `hyper` runs ahead while a change waits). */
  applied(): Hyperparameters;
  /** Sets what the model starts with (the teacher's story, before the first day). */
  setApplied(hyper: Hyperparameters): void;
  stop(): void;
}

/** `link` is the lab's link when the store is made (the store's state is not readable yet then). */
export function createDayRunner(kit: PandaKit, link: PandaLink): DayRunner {
  const { get, set } = kit;
  let slot: RunSlot | null = null;
  const run = () => {
    slot ??= createRunSlot(kit.port());
    return slot;
  };
  let pandaRun: number | null = null;
  let pauseRequested = false;
  /** Resolved when the current day stops (its end, a pause, or a divergence). */
  let dayWaiters: (() => void)[] = [];
  /** Bumped by a reset, so a slow reply of an old panda run is ignored. */
  let generation = 0;
  let appliedHyper: Hyperparameters = hyperparametersOf(link.experiment);

  const setApplied = (hyper: Hyperparameters): void => {
    appliedHyper = { ...hyper };
    set({ applied: appliedHyper });
  };

  const releaseDay = (): void => {
    const waiters = dayWaiters;
    dayWaiters = [];
    for (const w of waiters) w();
  };

  const handlers = (): RunHandlers => ({
    progress: (event) => {
      const { tree } = get();
      for (let i = 0; i < event.train.step.length; i++)
        tree.appendTrain(event.train.step[i], event.train.cost[i]);
      for (let i = 0; i < event.dev.step.length; i++) tree.appendDev(event.dev.step[i], event.dev.cost[i]);
      if (event.steps.length > 0) set({ step: event.steps[0] });
    },
    flush: kit.bump,
    modelStatus: (event) => {
      if (event.status !== 'diverged') return;
      get().tree.markDiverged(event.step, `diverged: ${event.reason ?? 'cost blew up'}`);
      set({ step: event.step });
    },
    status: (status) => {
      if (status === 'finished' && get().phase === 'training') void sliceEnded();
    },
    failed: (text, workerLost) => {
      pandaRun = null;
      // A lost worker is said by every screen's banner; the day just ends.
      set({ phase: 'error', ...(workerLost ? {} : { error: failureText(text) }) });
      releaseDay();
    },
  });

  const startPanda = async (): Promise<boolean> => {
    const e = get().link.experiment;
    const gen = generation;
    const runId = run().begin(handlers());
    pandaRun = runId;
    const hyper = get().hyper;
    set({ phase: 'starting', error: null });
    try {
      const started = await kit.port().request({
        type: 'start',
        runId,
        data: dataConfigOf(e),
        models: [{ ...modelSpecOf(e), hyper: { ...hyper } }],
        backend: e.backend,
        maxSteps: 0,
        evalEvery: EVAL_EVERY,
        paused: true,
      });
      if (gen !== generation) return false;
      const snap = await kit.port().request({ type: 'snapshot', runId, model: 0 });
      if (gen !== generation) return false;
      get().tree.recordDay(snap.step, snap.snapshotId, hyper);
      set({
        backend: `${started.backend.name} (${started.backend.reason})`,
        phase: 'paused',
        step: 0,
        dayEnd: 0,
      });
      kit.bump();
      return true;
    } catch (error) {
      // Started over (or reopened) meanwhile: the start it gave up is not a failure.
      if (gen !== generation) return false;
      pandaRun = null;
      set({ phase: 'error' });
      kit.fail('Could not start the panda', error);
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
    await kit.port().request({ type: 'setHyperparameters', runId, model: 0, hyper: changes });
    tree.markChange(step, describeChange(before, changes));
    setApplied({ ...before, ...changes });
    kit.bump();
  };

  const runSlice = async (): Promise<void> => {
    const runId = pandaRun;
    if (runId === null) return;
    const { step, dayEnd, link } = get();
    const slice = Math.max(1, Math.round(link.dayLength / SLICES_PER_DAY));
    const until = Math.min(dayEnd, step + slice);
    try {
      await applyPending(runId);
      await kit.port().request({ type: 'extend', runId, maxSteps: until });
      await kit.port().request({ type: 'resume', runId });
    } catch (error) {
      if (runId !== pandaRun) return; // started over meanwhile
      set({ phase: 'error' });
      kit.fail('Could not train the panda', error);
      releaseDay();
    }
  };

  const pauseNow = (): void => {
    pauseRequested = false;
    set({ phase: 'paused' });
    releaseDay();
  };

  /** A slice ended (every cost of it has arrived): the day goes on, ends, or pauses. */
  const sliceEnded = async (): Promise<void> => {
    const runId = pandaRun;
    if (runId === null) return;
    const s = get();
    if (s.tree.activeBranch.diverged) {
      set({ phase: 'diverged', pending: null, hyper: { ...appliedHyper } });
      pauseRequested = false;
      kit.bump();
      releaseDay();
      return;
    }
    if (s.step < s.dayEnd) {
      if (pauseRequested) pauseNow();
      else await runSlice();
      return;
    }
    try {
      const snap = await kit.port().request({ type: 'snapshot', runId, model: 0 });
      if (runId !== pandaRun) return;
      const day = s.tree.recordDay(snap.step, snap.snapshotId, appliedHyper);
      set({ selectedDay: s.tree.yesterday()?.key ?? day.key });
      kit.bump();
    } catch (error) {
      kit.fail('Could not take the day’s snapshot', error);
    }
    if (get().autoContinue && !pauseRequested) {
      set({ dayEnd: get().step + get().link.dayLength });
      await runSlice();
      return;
    }
    pauseNow();
  };

  const restoreDay = async (key: number): Promise<void> => {
    const runId = pandaRun;
    const { tree } = get();
    if (runId === null) return;
    const result = tree.continueFrom(key);
    try {
      await kit.port().request({ type: 'restore', runId, model: 0, snapshotId: result.day.snapshotId });
    } catch (error) {
      kit.fail('Could not roll back', error);
    }
    setApplied(result.day.hyper);
    // Changes the learner made before rolling back are the new hyperparameters to continue with.
    const pending = get().pending;
    set({
      phase: 'paused',
      step: result.day.step,
      dayEnd: result.day.step,
      hyper: { ...result.day.hyper, ...(pending ?? {}) },
      selectedDay: tree.yesterday()?.key ?? key,
    });
    kit.bump();
  };

  const stopped = (): Promise<void> =>
    get().phase === 'training' ? new Promise<void>((resolve) => dayWaiters.push(resolve)) : Promise.resolve();

  return {
    applied: () => appliedHyper,
    setApplied,
    stopped,

    nudge: (change) => {
      const s = get();
      if (s.phase === 'idle') {
        // Before the first day: the starting hyperparameters (and the link's).
        const hyper = { ...s.hyper, ...change };
        setApplied(hyper);
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
      // A reopened tree has no snapshots in this worker: its next day starts the model again from the link.
      if (s.phase === 'reopened') await get().resetPanda();
      if (s.phase === 'idle' || s.phase === 'error' || pandaRun === null) {
        if (!(await startPanda())) return;
      }
      const after = get();
      // Paused mid-day: finish this day. Otherwise a whole new day.
      const dayEnd = after.step < after.dayEnd ? after.dayEnd : after.step + after.link.dayLength;
      pauseRequested = false;
      set({ phase: 'training', dayEnd, awayNote: null });
      const done = stopped();
      await runSlice();
      await done;
    },

    pause: () => {
      if (get().phase === 'training') pauseRequested = true;
      set({ autoContinue: false });
    },

    rollBack: async () => {
      const s = get();
      const key = s.selectedDay ?? s.tree.yesterday()?.key ?? null;
      if (key === null || pandaRun === null) return;
      if (s.phase === 'training') {
        const done = stopped();
        pauseRequested = true;
        set({ autoContinue: false });
        await done;
      }
      await restoreDay(key);
    },

    reset: async () => {
      generation += 1;
      pandaRun = null;
      pauseRequested = false;
      releaseDay();
      run().end();
      setApplied(hyperparametersOf(get().link.experiment));
      set({
        phase: 'idle',
        tree: new BranchTree(),
        step: 0,
        dayEnd: 0,
        pending: null,
        selectedDay: null,
        hyper: { ...appliedHyper },
      });
      kit.bump();
    },

    stop: () => {
      generation += 1;
      pandaRun = null;
      releaseDay();
      run().end();
    },
  };
}
