// The teacher's story: a scripted panda, beat by beat (set a hyperparameter, train a day, roll back),
// each beat narrated. Beats play one at a time, or one after another with a pause between them.
import { type Scenario, scenarioByName } from '../../core/panda/teacher';
import type { DayRunner } from './dayRunner';
import type { PandaKit } from './pandaKit';

export interface TeacherPlayer {
  playBeat(): Promise<void>;
  playAll(): Promise<void>;
  stop(): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createTeacherPlayer(kit: PandaKit, days: DayRunner): TeacherPlayer {
  const { get, set } = kit;
  let stopRequested = false;

  /** The newest snapshot of that day number on the active lineage. */
  const findDay = (day: number): number | null => {
    const found = get()
      .tree.lineageDays()
      .filter((d) => d.day === day);
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

  const startScenario = async (): Promise<Scenario | null> => {
    const scenario = scenarioByName(get().link.teacher ?? 'alpha') ?? null;
    if (!scenario) return null;
    await get().resetPanda();
    const hyper = { ...get().hyper, ...scenario.start };
    days.setApplied(hyper);
    set({
      scenario,
      beat: 0,
      hyper,
      autoContinue: false,
      narration: `${scenario.title}: press “Next beat” or “Play automatically”.`,
    });
    return scenario;
  };

  const finished = (): boolean => {
    const { scenario, beat } = get();
    return !scenario || beat >= scenario.beats.length;
  };

  return {
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
      if (finished()) await startScenario();
      stopRequested = false;
      set({ teacherPlaying: true });
      try {
        while (!stopRequested && !finished()) {
          await runBeat();
          // A pause the learner chose, long enough to read the beat and see what it did.
          if (!finished()) await sleep(get().teacherPace * 1000);
        }
      } finally {
        set({ teacherPlaying: false });
      }
    },

    stop: () => {
      stopRequested = true;
    },
  };
}
