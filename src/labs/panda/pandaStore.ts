// The panda lab's store: its state and actions (pandaTypes.ts), joined to the three pieces that
// conduct its runs through the app's run channel: the day runner (the babysat model), the population
// runs (caviar, PBT, successive halving, started beside it) and the teacher player. It lives as long
// as the page, so leaving the lab keeps every day, branch and population.
import { createStore } from 'zustand/vanilla';
import { hyperparametersOf } from '../../core/experiment';
import { BranchTree } from '../../core/panda/branchTree';
import { appRunChannel } from '../../state/appChannel';
import type { RunPort } from '../../state/runChannel';
import { pandaWork, trackWork } from '../../state/unsavedWork';
import { createDayRunner, type DayRunner } from './dayRunner';
import { defaultPandaLink, type PandaLink } from './pandaHash';
import { message, type PandaKit } from './pandaKit';
import type { PandaActions, PandaState, PandaStore, PopulationKind } from './pandaTypes';
import { createPopulationRuns, type PopulationRuns } from './populationRuns';
import { treePayload } from './savedTree';
import { createTeacherPlayer, type TeacherPlayer } from './teacherPlayer';

export type {
  CaviarBudget,
  MemberInfo,
  PandaActions,
  PandaPhase,
  PandaState,
  PandaStore,
  PopulationKind,
  PopulationPhase,
  PopulationRun,
} from './pandaTypes';
export {
  EVAL_EVERY,
  HALVING_MODELS,
  LR_RANGE,
  PBT_DAYS,
  PBT_EVERY_DAYS,
  PBT_MEMBERS,
  SLICES_PER_DAY,
} from './pandaTypes';

export interface PandaStoreOptions {
  link?: PandaLink;
  notices?: string[];
  /** The run channel (the app's one by default; tests pass one over a fake worker). */
  port?: RunPort;
}

export function createPandaStore(options: PandaStoreOptions = {}): PandaStore {
  const link = options.link ?? defaultPandaLink();
  let days: DayRunner;
  let populations: PopulationRuns;
  let teacher: TeacherPlayer;
  /** What leaving the lab paused, to pick up on return. */
  let away: { day: boolean; autoContinue: boolean; populations: PopulationKind[] } | null = null;

  const store = createStore<PandaState & PandaActions>()((set, get) => {
    const kit: PandaKit = {
      get,
      set,
      port: () => options.port ?? appRunChannel(),
      bump: () => set((s) => ({ version: s.version + 1 })),
      fail: (what, error) => set({ error: `${what}: ${message(error)}` }),
    };
    days = createDayRunner(kit, link);
    populations = createPopulationRuns(kit);
    teacher = createTeacherPlayer(kit, days);

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
      teacherPace: 4,
      caviarSize: 8,
      caviarBudget: 'compute',
      populations: {},
      bridge: 'pbt',
      awayNote: null,

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
      nudge: (change) => days.nudge(change),
      nextDay: () => days.nextDay(),
      pause: () => days.pause(),
      selectDay: (key) => set({ selectedDay: key }),
      rollBack: () => days.rollBack(),
      resetPanda: async () => {
        teacher.stop();
        away = null;
        set({ scenario: null, beat: 0, narration: '', teacherPlaying: false, awayNote: null });
        await days.reset();
      },
      playBeat: () => teacher.playBeat(),
      playAll: () => teacher.playAll(),
      stopTeacher: () => teacher.stop(),
      setTeacherPace: (seconds) => set({ teacherPace: seconds }),
      setCaviarSize: (n) => set({ caviarSize: n }),
      setCaviarBudget: (b) => set({ caviarBudget: b }),
      runCaviar: () => populations.runCaviar(),
      runPbt: () => populations.runPbt(),
      runHalving: () => populations.runHalving(),
      setBridge: (b) => set({ bridge: b }),

      leave: (where) => {
        const day = get().phase === 'training' || get().teacherPlaying;
        // Pausing the day switches auto-continue off; coming back switches it on again.
        const autoContinue = get().autoContinue;
        if (day) {
          teacher.stop();
          days.pause();
        }
        const paused = populations.pauseAll();
        if (!day && paused.length === 0) return;
        away = { day, autoContinue, populations: paused };
        set({ awayNote: `Paused while you were in the ${where}.` });
      },

      resumeAfterAway: async () => {
        const picked = away;
        away = null;
        set({ awayNote: null });
        if (!picked) return;
        await populations.resume(picked.populations);
        if (picked.autoContinue) set({ autoContinue: true });
        if (picked.day) {
          await days.stopped();
          await get().nextDay();
        }
      },

      restoreSaved: (record) => {
        const payload = treePayload(record);
        if (!payload) return false;
        teacher.stop();
        days.stop();
        populations.stopAll();
        away = null;
        set((s) => ({
          link: payload.link,
          notices: [],
          revision: s.revision + 1,
          phase: 'reopened',
          tree: BranchTree.fromData(payload.tree),
          step: payload.step,
          dayEnd: payload.step,
          hyper: { ...payload.hyper },
          applied: { ...payload.hyper },
          pending: null,
          selectedDay: null,
          populations: {},
          scenario: null,
          beat: 0,
          narration: '',
          teacherPlaying: false,
          awayNote: null,
          error: null,
        }));
        kit.bump();
        return true;
      },

      shutdown: () => {
        teacher.stop();
        days.stop();
        populations.stopAll();
      },
    };
  });
  // What a reload would lose, for the page's leave guard (unsavedWork.ts).
  trackWork(store, 'panda', (s) =>
    pandaWork({
      phase: s.phase,
      teacherPlaying: s.teacherPlaying,
      modelSteps: s.tree.modelSteps(),
      branches: s.tree.branches.length,
      populationsTraining: Object.values(s.populations).some(
        (p) => p?.phase === 'starting' || p?.phase === 'training',
      ),
    }),
  );
  return store;
}
