// The scripted "teacher": the classic babysitting story, one beat at a time. α starts too small, is
// raised, the cost falls faster, it is raised too far and the cost blows up, so the teacher rolls
// back to yesterday and lowers it. Each beat says what the teacher does and why, then does it.
import type { Hyperparameters } from '../config';

export type TeacherAction =
  | { kind: 'set'; hyper: Partial<Hyperparameters> }
  | { kind: 'nextDay' }
  /** Back to the snapshot at the end of this day (on the lineage being trained). */
  | { kind: 'rollBack'; toDay: number };

export interface Beat {
  /** What the teacher says before acting. */
  say: string;
  actions: TeacherAction[];
}

export interface Scenario {
  name: string;
  title: string;
  /** The α the story starts with. */
  start: Partial<Hyperparameters>;
  beats: Beat[];
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'alpha',
    title: 'α too small, then too big',
    start: { learningRate: 0.0003 },
    beats: [
      {
        say: 'Day 1. A cautious start: α = 0.0003. Watch how slowly the cost comes down.',
        actions: [{ kind: 'nextDay' }],
      },
      {
        say: 'The cost barely moved all day: α is too small. Raise it ten times, to 0.003, and train another day.',
        actions: [{ kind: 'set', hyper: { learningRate: 0.003 } }, { kind: 'nextDay' }],
      },
      {
        say: 'Better, but still slow. Ten times again: α = 0.03.',
        actions: [{ kind: 'set', hyper: { learningRate: 0.03 } }, { kind: 'nextDay' }],
      },
      {
        say: 'Now the cost falls fast. Greedy for more, raise α to 1 for day 4…',
        actions: [{ kind: 'set', hyper: { learningRate: 1 } }, { kind: 'nextDay' }],
      },
      {
        say: 'The cost blew up: α = 1 is far too big. Roll back to yesterday (day 3) and continue with α = 0.01, a little below what worked.',
        actions: [
          { kind: 'rollBack', toDay: 3 },
          { kind: 'set', hyper: { learningRate: 0.01 } },
          { kind: 'nextDay' },
        ],
      },
      {
        say: 'The new branch keeps falling from where day 3 left off; the faded branch is the future we threw away. One more day.',
        actions: [{ kind: 'nextDay' }],
      },
    ],
  },
];

export function scenarioByName(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
