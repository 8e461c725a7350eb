// The lab's populations, each started beside the babysat model: the caviar (many models on the
// panda's compute, keep the best), population-based training (every two days the worst copy the best
// and perturb α and β) and successive halving (keep the best third, give them three times the steps).
// Each kind holds its own run in the worker; starting one stops the others.
import { dataConfigOf } from '../../core/experiment';
import { equalComputeSplit, lowest } from '../../core/panda/caviar';
import { halvingSchedule, survivors } from '../../core/panda/halving';
import {
  applyExploit,
  currentHypers,
  DEFAULT_PBT_OPTIONS,
  exploitExplore,
  type PbtHyper,
  startLineage,
} from '../../core/panda/pbt';
import { memberPatch, memberSpec, samplePopulation } from '../../core/panda/populationSpace';
import { createRng, deriveSeed } from '../../core/rng';
import { failureText } from '../../state/runChannel';
import { RunSeries } from '../../state/runSeries';
import { createRunSlot, type RunSlot } from '../../state/runSlot';
import { message, type PandaKit } from './pandaKit';
import {
  EVAL_EVERY,
  HALVING_MODELS,
  PBT_DAYS,
  PBT_EVERY_DAYS,
  PBT_MEMBERS,
  type PopulationKind,
  type PopulationRun,
} from './pandaTypes';

export interface PopulationRuns {
  runCaviar(): Promise<void>;
  runPbt(): Promise<void>;
  runHalving(): Promise<void>;
  /** Pauses every population that trains (leaving the lab); returns the kinds it paused. */
  pauseAll(): PopulationKind[];
  /** Resumes the populations `pauseAll` paused. */
  resume(kinds: PopulationKind[]): Promise<void>;
  stopAll(): void;
}

const TITLES: Record<PopulationKind, string> = {
  caviar: 'the caviar',
  pbt: 'the population',
  halving: 'the halving run',
};

export function createPopulationRuns(kit: PandaKit): PopulationRuns {
  const { get, set } = kit;
  const slots = new Map<PopulationKind, RunSlot>();
  const slotOf = (kind: PopulationKind): RunSlot => {
    let slot = slots.get(kind);
    if (!slot) {
      slot = createRunSlot(kit.port());
      slots.set(kind, slot);
    }
    return slot;
  };

  const updatePopulation = (kind: PopulationKind, patch: Partial<PopulationRun>): void => {
    set((s) => {
      const run = s.populations[kind];
      if (!run) return {};
      return { populations: { ...s.populations, [kind]: { ...run, ...patch } } };
    });
  };

  const current = (kind: PopulationKind): PopulationRun | undefined => get().populations[kind];

  const stopAll = (): void => {
    for (const run of Object.values(get().populations)) {
      if (run && (run.phase === 'training' || run.phase === 'starting')) {
        slotOf(run.kind).end();
        updatePopulation(run.kind, { phase: 'stopped', note: 'stopped' });
      }
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
    slotOf(run.kind).end();
    kit.bump();
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
          const snap = await kit.port().request({ type: 'snapshot', runId: run.runId, model: d.source });
          snapshots.set(d.source, snap.snapshotId);
        }
      }
      for (const d of decisions) {
        await kit.port().request({
          type: 'restore',
          runId: run.runId,
          model: d.target,
          snapshotId: snapshots.get(d.source) ?? 0,
        });
        await kit.port().request({
          type: 'setHyperparameters',
          runId: run.runId,
          model: d.target,
          hyper: memberPatch(e, d.hyper),
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
      await kit.port().request({ type: 'extend', runId: run.runId, maxSteps: step + interval });
      // Left the lab while the round was being set up: it trains on when the learner is back.
      if (!get().awayNote) await kit.port().request({ type: 'resume', runId: run.runId });
      kit.bump();
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
          await kit.port().request({ type: 'setModelActive', runId: run.runId, model: i, active: false });
      updatePopulation('halving', {
        members,
        rounds: run.rounds + 1,
        note: `round ${nextRound.index + 1}: ${nextRound.alive} models, ${nextRound.steps} more steps each`,
      });
      await kit.port().request({ type: 'extend', runId: run.runId, maxSteps: nextRound.untilStep });
      // Left the lab while the round was being set up: it trains on when the learner is back.
      if (!get().awayNote) await kit.port().request({ type: 'resume', runId: run.runId });
    } catch (error) {
      updatePopulation('halving', { phase: 'error', note: message(error) });
    }
  };

  const setMemberStatus = (kind: PopulationKind, model: number, status: 'training' | 'diverged'): void => {
    const run = current(kind);
    if (!run) return;
    const members = run.members.map((m, i) =>
      i === model && (status === 'diverged' || m.status !== 'retired') ? { ...m, status } : m,
    );
    updatePopulation(kind, { members });
  };

  const startPopulation = async (
    kind: PopulationKind,
    hypers: PbtHyper[],
    maxSteps: number,
    extra: Partial<PopulationRun>,
  ): Promise<number | null> => {
    stopAll();
    const e = get().link.experiment;
    const series = new RunSeries(hypers.length);
    const runId = slotOf(kind).begin({
      progress: (event) => series.append(event),
      flush: kit.bump,
      modelStatus: (event) => {
        if (event.status === 'diverged' || event.status === 'training')
          setMemberStatus(kind, event.model, event.status);
      },
      status: (status) => {
        const run = current(kind);
        if (!run || status !== 'finished' || run.phase !== 'training') return;
        kit.bump();
        if (kind === 'caviar') finishPopulation(run, 'done');
        else if (kind === 'pbt') void pbtGenerationEnded(run);
        else void halvingRoundEnded(run);
      },
      failed: (text, workerLost) => {
        updatePopulation(
          kind,
          workerLost ? { phase: 'stopped', note: 'stopped' } : { phase: 'error', note: text },
        );
        if (!workerLost) set({ error: failureText(text) });
      },
    });
    const run: PopulationRun = {
      kind,
      runId,
      phase: 'starting',
      members: hypers.map((hyper) => ({ hyper, status: 'training' })),
      series,
      budget: 0,
      steps: maxSteps,
      note: 'starting…',
      rounds: 0,
      best: null,
      ...extra,
    };
    set((s) => ({ populations: { ...s.populations, [kind]: run }, error: null }));
    try {
      await kit.port().request({
        type: 'start',
        runId,
        data: dataConfigOf(e),
        models: hypers.map((h) => memberSpec(e, h)),
        backend: e.backend,
        maxSteps,
        evalEvery: EVAL_EVERY,
        paused: false,
      });
      if (current(kind)?.runId === runId) updatePopulation(kind, { phase: 'training', note: 'training' });
      return runId;
    } catch (error) {
      // Stopped on purpose meanwhile (another population started, the worker was lost): not a failure.
      const now = current(kind);
      if (now?.runId !== runId || now.phase === 'stopped') return null;
      updatePopulation(kind, { phase: 'error', note: message(error) });
      kit.fail(`Could not start ${TITLES[kind]}`, error);
      return null;
    }
  };

  return {
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

    pauseAll: () => {
      const paused: PopulationKind[] = [];
      for (const run of Object.values(get().populations)) {
        if (run?.phase !== 'training') continue;
        paused.push(run.kind);
        kit
          .port()
          .request({ type: 'pause', runId: run.runId })
          .catch(() => undefined);
      }
      return paused;
    },

    resume: async (kinds) => {
      for (const kind of kinds) {
        const run = current(kind);
        if (run?.phase === 'training')
          await kit
            .port()
            .request({ type: 'resume', runId: run.runId })
            .catch(() => undefined);
      }
    },

    stopAll,
  };
}
