// What the panda lab holds (its state, its actions, its populations) and the few numbers that set its
// schedules. The store (pandaStore.ts) joins the pieces that conduct its runs: the day runner (the
// babysat model), the population runs (caviar, PBT, successive halving) and the teacher player.
import type { StoreApi } from 'zustand/vanilla';
import type { Hyperparameters } from '../../core/config';
import type { BranchTree } from '../../core/panda/branchTree';
import type { HalvingRound } from '../../core/panda/halving';
import type { Lineage, PbtHyper } from '../../core/panda/pbt';
import type { Scenario } from '../../core/panda/teacher';
import type { SavedRecord } from '../../core/saved/record';
import type { RunSeries } from '../../state/runSeries';
import type { PandaLink } from './pandaHash';

/** 'reopened': a saved tree shown as it was (its snapshots are gone: Next day starts over). */
export type PandaPhase = 'idle' | 'starting' | 'training' | 'paused' | 'diverged' | 'error' | 'reopened';
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
  /** Seconds between two beats when the story plays by itself (beats advance by hand by default). */
  teacherPace: number;
  // the populations
  caviarSize: number;
  caviarBudget: CaviarBudget;
  populations: Partial<Record<PopulationKind, PopulationRun>>;
  /** Which bridge the learner looks at. */
  bridge: 'pbt' | 'halving';
  /** Why the lab is paused though nobody pressed Pause ("Paused while you were in the Playground"). */
  awayNote: string | null;
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
  setTeacherPace(seconds: number): void;
  setCaviarSize(n: number): void;
  setCaviarBudget(b: CaviarBudget): void;
  runCaviar(): Promise<void>;
  runPbt(): Promise<void>;
  runHalving(): Promise<void>;
  setBridge(b: 'pbt' | 'halving'): void;
  /** Leaving the lab for `where`: the day, the teacher and the populations pause and say so. */
  leave(where: string): void;
  /** Picks up where leaving the lab paused: the day and the populations train on. */
  resumeAfterAway(): Promise<void>;
  /** Shows a saved tree as it was, without training. */
  restoreSaved(record: SavedRecord): boolean;
  /** Stops every run of the lab (tests). */
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
export { LR_RANGE } from '../../core/panda/populationSpace';
