// A lesson scene: one link that sets a lab's experiment, says in two lines what to look at, and may ask
// the class to predict before anything trains. Plain data: the shell shows it, the lab trains it.

export type SceneLab = 'playground' | 'search' | 'batchnorm' | 'panda';

export interface SceneChoice {
  id: string;
  label: string;
}

export interface SceneQuestion {
  /** Asked before the run ("Which strategy finds the lower dev cost?"). */
  prompt: string;
  choices: readonly SceneChoice[];
  /** How the run's numbers pick a choice, in words shown after the reveal. */
  rule: string;
}

export interface Scene {
  /** Its key in links (`scene=<id>`). */
  id: string;
  lab: SceneLab;
  title: string;
  /** Two lines shown above the lab: what is set up and what to watch. */
  caption: readonly [string, string];
  /** The lab's own link parameters for the experiment (without `lab=` and `scene=`). */
  params: string;
  /** Null for a scene that only shows (no prediction asked). */
  question: SceneQuestion | null;
  /** The lab's panels this scene shows (by the lab's own panel ids); null: all of them. */
  panels: readonly string[] | null;
}

/** What a lab measured for a scene's question: the choice its numbers support (null: none) and the numbers. */
export interface SceneOutcome {
  choice: string | null;
  detail: string;
}
