// The panda's tree of attempts. One model trains day after day on the active branch; every day ends
// with a snapshot (a "day"). Rolling back to an earlier day grows a new branch from it, and the old
// future stays in the tree as a branch of its own that the learner can return to. This file only
// keeps the books: which branch the incoming costs belong to, which snapshot belongs where, and
// what a roll back or a return means. Nothing here talks to the worker.
import type { Hyperparameters } from '../config';

export interface Branch {
  id: number;
  /** The branch it grew from (null for the first one). */
  parent: number | null;
  /** The step it left its parent at: its own points start after it. */
  forkStep: number;
  /** The day number at the fork (0 for the first branch). */
  forkDay: number;
  trainStep: number[];
  trainCost: number[];
  devStep: number[];
  devCost: number[];
  /** Its model diverged (it can only be left by a roll back). */
  diverged: boolean;
}

/** One snapshot: the end of a day (or the start, day 0). */
export interface DayEntry {
  /** Position in the days list (stable). */
  key: number;
  branch: number;
  day: number;
  step: number;
  /** The worker's id of the snapshot. */
  snapshotId: number;
  /** The hyperparameters the model had when the snapshot was taken (a restore brings them back). */
  hyper: Hyperparameters;
  /** The dev cost at that step, when one was measured. */
  devCost: number;
}

export type MarkerKind = 'change' | 'rollback' | 'return' | 'diverged';

/** Something the chart marks at a step of a branch. */
export interface Marker {
  branch: number;
  step: number;
  kind: MarkerKind;
  text: string;
}

export interface ContinueResult {
  /** The branch that trains from now on. */
  branch: number;
  /** A new branch grew (a roll back); false when the learner returned to a branch's tip. */
  created: boolean;
  /** The day whose snapshot the model must be restored from. */
  day: DayEntry;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function emptyBranch(id: number, parent: number | null, forkStep: number, forkDay: number): Branch {
  return {
    id,
    parent,
    forkStep,
    forkDay,
    trainStep: [],
    trainCost: [],
    devStep: [],
    devCost: [],
    diverged: false,
  };
}

/** A tree as plain data, for saved work (IndexedDB keeps NaN costs as they are). */
export interface BranchTreeData {
  branches: Branch[];
  days: DayEntry[];
  markers: Marker[];
  active: number;
  interventions: number;
  nextId: number;
}

export class BranchTree {
  readonly branches: Branch[] = [];
  readonly days: DayEntry[] = [];
  readonly markers: Marker[] = [];
  /** The branch that receives the costs the worker reports. */
  active = 0;
  /** Hyperparameter changes, roll backs and returns the learner made. */
  interventions = 0;
  private nextId = 0;

  constructor() {
    this.branches.push(emptyBranch(this.nextId++, null, 0, 0));
  }

  /** The whole tree as plain data: branches, days, markers and where the learner stands. */
  toData(): BranchTreeData {
    return structuredClone({
      branches: this.branches,
      days: this.days,
      markers: this.markers,
      active: this.active,
      interventions: this.interventions,
      nextId: this.nextId,
    });
  }

  /** A tree from toData's output (its snapshot ids name snapshots of a worker that may be gone). */
  static fromData(data: BranchTreeData): BranchTree {
    const tree = new BranchTree();
    tree.branches.length = 0;
    tree.branches.push(...structuredClone(data.branches));
    tree.days.push(...structuredClone(data.days));
    tree.markers.push(...structuredClone(data.markers));
    tree.active = data.active;
    tree.interventions = data.interventions;
    tree.nextId = data.nextId;
    return tree;
  }

  branch(id: number): Branch {
    const b = this.branches.find((x) => x.id === id);
    if (!b) throw new Error(`There is no branch ${id}.`);
    return b;
  }

  get activeBranch(): Branch {
    return this.branch(this.active);
  }

  /** "A", "B", … in the order the branches grew. */
  label(id: number): string {
    const i = this.branches.findIndex((b) => b.id === id);
    return i < 0 ? '?' : (LETTERS[i % 26] ?? '?') + (i >= 26 ? String(Math.floor(i / 26)) : '');
  }

  /** The last step trained on a branch (its fork step when it has no points yet). */
  lastStep(id: number): number {
    const b = this.branch(id);
    const own = b.trainStep.length > 0 ? b.trainStep[b.trainStep.length - 1] : b.forkStep;
    const days = this.days.filter((d) => d.branch === id).map((d) => d.step);
    return Math.max(own, ...days);
  }

  /** The day number the active branch is in (days completed on its lineage). */
  daysDone(id = this.active): number {
    const own = this.days.filter((d) => d.branch === id);
    return own.length > 0 ? own[own.length - 1].day : this.branch(id).forkDay;
  }

  /** Root first. */
  lineage(id: number): Branch[] {
    const out: Branch[] = [];
    let b: Branch | null = this.branch(id);
    while (b) {
      out.unshift(b);
      b = b.parent === null ? null : this.branch(b.parent);
    }
    return out;
  }

  appendTrain(step: number, cost: number): void {
    const b = this.activeBranch;
    b.trainStep.push(step);
    b.trainCost.push(cost);
  }

  appendDev(step: number, cost: number): void {
    const b = this.activeBranch;
    b.devStep.push(step);
    b.devCost.push(cost);
  }

  /** The latest dev cost measured on the active lineage at or before `step`. */
  devCostAt(step: number, id = this.active): number {
    const chain = this.lineage(id);
    for (let k = chain.length - 1; k >= 0; k--) {
      const b = chain[k];
      const limit = k === chain.length - 1 ? step : Math.min(step, chain[k + 1].forkStep);
      for (let i = b.devStep.length - 1; i >= 0; i--) if (b.devStep[i] <= limit) return b.devCost[i];
    }
    return Number.NaN;
  }

  /** Records a snapshot of the active branch's model at `step`: the end of a day (day 0 at the start). */
  recordDay(step: number, snapshotId: number, hyper: Hyperparameters): DayEntry {
    const own = this.days.filter((d) => d.branch === this.active);
    const isStart = own.length === 0 && this.activeBranch.parent === null && step === 0;
    const day: DayEntry = {
      key: this.days.length,
      branch: this.active,
      day: isStart ? 0 : this.daysDone() + 1,
      step,
      snapshotId,
      hyper: { ...hyper },
      devCost: this.devCostAt(step),
    };
    this.days.push(day);
    return day;
  }

  /** The days on a branch's own lineage, in order (the snapshots its model went through). */
  lineageDays(id = this.active): DayEntry[] {
    const chain = this.lineage(id);
    return this.days.filter((d) => {
      const k = chain.findIndex((b) => b.id === d.branch);
      if (k < 0) return false;
      return k === chain.length - 1 || d.step <= chain[k + 1].forkStep;
    });
  }

  /**
   * The day a roll back starts from unless the learner picks another: yesterday, i.e. the latest day of
   * the active lineage before its tip (the one before today's snapshot when the day has just ended).
   */
  yesterday(): DayEntry | null {
    const days = this.lineageDays();
    const tip = this.lastStep(this.active);
    for (let i = days.length - 1; i >= 0; i--) if (days[i].step < tip) return days[i];
    return days[days.length - 1] ?? null;
  }

  /**
   * Continues from a day's snapshot. At the tip of its branch (nothing trained after it there) the
   * branch itself goes on: a return. Anywhere else a new branch grows from it: a roll back, and the
   * old future stays as it was. An empty branch the learner leaves (rolled back, never trained) is dropped.
   */
  continueFrom(dayKey: number): ContinueResult {
    const day = this.days[dayKey];
    if (!day) throw new Error(`There is no day ${dayKey}.`);
    const from = this.branch(day.branch);
    const leaving = this.activeBranch;
    const atTip = !from.diverged && this.lastStep(from.id) === day.step;
    let result: ContinueResult;
    if (atTip) {
      result = { branch: from.id, created: false, day };
      if (from.id !== this.active)
        this.markers.push({
          branch: from.id,
          step: day.step,
          kind: 'return',
          text: `back to branch ${this.label(from.id)}`,
        });
    } else {
      const b = emptyBranch(this.nextId++, from.id, day.step, day.day);
      this.branches.push(b);
      result = { branch: b.id, created: true, day };
    }
    if (leaving.id !== result.branch) this.pruneIfEmpty(leaving);
    this.active = result.branch;
    if (result.created)
      this.markers.push({
        branch: result.branch,
        step: day.step,
        kind: 'rollback',
        text: `rolled back to day ${day.day}`,
      });
    this.interventions += 1;
    return result;
  }

  private pruneIfEmpty(b: Branch): void {
    const empty =
      b.parent !== null &&
      b.trainStep.length === 0 &&
      !this.days.some((d) => d.branch === b.id) &&
      !this.branches.some((c) => c.parent === b.id);
    if (!empty) return;
    this.branches.splice(this.branches.indexOf(b), 1);
    for (let i = this.markers.length - 1; i >= 0; i--)
      if (this.markers[i].branch === b.id) this.markers.splice(i, 1);
  }

  /** Marks a change of hyperparameters that takes effect after `step` on the active branch. */
  markChange(step: number, text: string): void {
    this.markers.push({ branch: this.active, step, kind: 'change', text });
    this.interventions += 1;
  }

  markDiverged(step: number, reason: string): void {
    this.activeBranch.diverged = true;
    this.markers.push({ branch: this.active, step, kind: 'diverged', text: reason });
  }

  /** Every step trained, on every branch: the panda's compute. */
  modelSteps(): number {
    return this.branches.reduce((sum, b) => sum + Math.max(0, this.lastStep(b.id) - b.forkStep), 0);
  }

  /** The lowest dev cost measured on any branch (the learner can go back to any snapshot near it). */
  bestDevCost(): number {
    let best = Number.POSITIVE_INFINITY;
    for (const b of this.branches) for (const c of b.devCost) if (Number.isFinite(c) && c < best) best = c;
    return Number.isFinite(best) ? best : Number.NaN;
  }

  /**
   * A branch's own curve, starting at its parent's point at the fork so the tree is drawn connected.
   * `kind` picks the train or dev costs.
   */
  ownPoints(id: number, kind: 'train' | 'dev'): { steps: number[]; values: number[] } {
    const b = this.branch(id);
    const steps = kind === 'train' ? b.trainStep : b.devStep;
    const values = kind === 'train' ? b.trainCost : b.devCost;
    if (b.parent === null) return { steps: [...steps], values: [...values] };
    const p = this.branch(b.parent);
    const ps = kind === 'train' ? p.trainStep : p.devStep;
    const pv = kind === 'train' ? p.trainCost : p.devCost;
    let k = -1;
    for (let i = 0; i < ps.length; i++) if (ps[i] <= b.forkStep) k = i;
    return k >= 0
      ? { steps: [ps[k], ...steps], values: [pv[k], ...values] }
      : { steps: [...steps], values: [...values] };
  }

  /** The whole path of a branch: its ancestors up to each fork, then its own points. */
  pathPoints(id: number, kind: 'train' | 'dev'): { steps: number[]; values: number[] } {
    const chain = this.lineage(id);
    const steps: number[] = [];
    const values: number[] = [];
    chain.forEach((b, k) => {
      const limit = k < chain.length - 1 ? chain[k + 1].forkStep : Number.POSITIVE_INFINITY;
      const s = kind === 'train' ? b.trainStep : b.devStep;
      const v = kind === 'train' ? b.trainCost : b.devCost;
      for (let i = 0; i < s.length && s[i] <= limit; i++) {
        steps.push(s[i]);
        values.push(v[i]);
      }
    });
    return { steps, values };
  }
}
