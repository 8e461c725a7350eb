// A study as plain data: its trials (each a point of the search space with its latest numbers), its
// rounds (coarse to fine), what is wrong with it as typed, and the pure steps the search lab's store
// takes on it. No React, no tfjs, no worker: the store wires these to the run channel.
import {
  HYPERPARAMETERS,
  type HyperKey,
  parseBudget,
  parseRow,
  type RowDraft,
  type SearchSpace,
  searchedKeys,
  type TrialValues,
} from './space';
import type { Strategy } from './strategies';
import type { Region } from './zoom';

export type TrialStatus = 'waiting' | 'training' | 'diverged' | 'finished' | 'stopped';

export interface Trial {
  /** Its number in the study (1, 2, …), across rounds. */
  id: number;
  /** 0 for the first round. */
  round: number;
  /** The strategy that drew it. */
  strategy: Strategy;
  values: TrialValues;
  /**
   * The seed its model trains from when it is not the study's (a comparison repeated over seeds:
   * each seed's samples train from that seed's initial weights and mini-batch order).
   */
  seed?: number;
  status: TrialStatus;
  trainCost: number;
  /**
   * Its score, the one number every ranking of the study uses (leaderboard, best trial, importance,
   * colours, "Best dev cost"): the mean dev cost of its last evaluations (core/search/score.ts).
   */
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
  /** A comparison repeated over seeds: the seeds, in order (the study's seed first). */
  seeds?: number[];
}

export interface StudyProblems {
  rows: Partial<Record<HyperKey, string>>;
  budget: string | null;
  /** Problems of the study as a whole ("search at least one hyperparameter"). */
  general: string[];
  /** The parsed space and budget when nothing is wrong. */
  space: SearchSpace | null;
  budgetValue: number | null;
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

/** Fresh trials for sampled points, numbered after the `existing` ones. */
export function makeTrials(
  values: TrialValues[],
  round: number,
  strategy: Strategy,
  existing: number,
  seed?: number,
): Trial[] {
  return values.map((v, i) => ({
    id: existing + 1 + i,
    round,
    strategy,
    values: v,
    ...(seed === undefined ? {} : { seed }),
    status: 'waiting',
    trainCost: Number.NaN,
    devCost: Number.NaN,
    devAccuracy: Number.NaN,
    steps: 0,
  }));
}

/** The trials with `update` applied to those a run trains (`runTrials[model]` is a trial id). */
export function updateRunTrials(
  trials: readonly Trial[],
  runTrials: readonly number[],
  update: (t: Trial, model: number) => Trial,
): Trial[] {
  const byId = new Map(runTrials.map((id, model) => [id, model]));
  return trials.map((t) => {
    const model = byId.get(t.id);
    return model === undefined ? t : update(t, model);
  });
}

/** The run ended: its trials still training are finished (or stopped, if it was stopped). */
export function endRunTrials(
  trials: readonly Trial[],
  runTrials: readonly number[],
  how: 'finished' | 'stopped',
): Trial[] {
  return updateRunTrials(trials, runTrials, (t) => (t.status === 'training' ? { ...t, status: how } : t));
}
