import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../config';
import { BranchTree } from './branchTree';

const hyper = DEFAULT_HYPERPARAMETERS;

/** Trains the active branch from its last step to `to`, cost = step / 1000. */
function train(tree: BranchTree, to: number): void {
  for (let s = tree.lastStep(tree.active) + 1; s <= to; s++) {
    tree.appendTrain(s, s / 1000);
    if (s % 50 === 0) tree.appendDev(s, s / 500);
  }
}

/** Two days of 100 steps with snapshots 1 (start), 2, 3. */
function twoDays(): BranchTree {
  const tree = new BranchTree();
  tree.recordDay(0, 1, hyper);
  train(tree, 100);
  tree.recordDay(100, 2, hyper);
  train(tree, 200);
  tree.recordDay(200, 3, hyper);
  return tree;
}

describe('the branch tree', () => {
  it('should number days along the lineage, the start being day 0', () => {
    const tree = twoDays();
    expect(tree.days.map((d) => [d.day, d.step, d.snapshotId, d.branch])).toEqual([
      [0, 0, 1, 0],
      [1, 100, 2, 0],
      [2, 200, 3, 0],
    ]);
    expect(tree.days[2].devCost).toBeCloseTo(0.4);
  });

  it('should grow a new branch on a roll back and keep the old future as it was', () => {
    const tree = twoDays();
    const r = tree.continueFrom(1);
    expect(r.created).toBe(true);
    expect(r.day.snapshotId).toBe(2);
    expect(tree.active).toBe(r.branch);
    expect(tree.activeBranch.forkStep).toBe(100);
    train(tree, 150);
    expect(tree.branch(0).trainStep.length).toBe(200);
    expect(tree.activeBranch.trainStep[0]).toBe(101);
    // The new branch's next day is day 2 again (on its own lineage).
    const d = tree.recordDay(150, 4, hyper);
    expect([d.day, d.branch]).toEqual([2, r.branch]);
    expect(tree.interventions).toBe(1);
    expect(tree.markers.at(-1)).toMatchObject({ kind: 'rollback', step: 100 });
  });

  it('should return to a branch at its tip without growing one, and grow one from inside it', () => {
    const tree = twoDays();
    const b = tree.continueFrom(1).branch;
    train(tree, 130);
    const back = tree.continueFrom(2); // day 2 of branch A: the tip of A
    expect(back).toMatchObject({ branch: 0, created: false });
    expect(tree.branches.length).toBe(2);
    expect(tree.markers.at(-1)).toMatchObject({ kind: 'return', branch: 0 });
    // Branch B has trained past its fork: going back to its fork day grows a third branch.
    train(tree, 260);
    tree.recordDay(260, 5, hyper);
    expect(tree.days.at(-1)?.day).toBe(3);
    expect(tree.lineageDays(b).map((d) => d.day)).toEqual([0, 1]);
  });

  it('should drop a branch the learner left before it trained', () => {
    const tree = twoDays();
    tree.continueFrom(1);
    tree.continueFrom(0);
    expect(tree.branches.length).toBe(2);
    expect(tree.activeBranch.forkStep).toBe(0);
  });

  it('should say which day is yesterday: the last snapshot before the tip', () => {
    const tree = twoDays();
    expect(tree.yesterday()?.day).toBe(1);
    train(tree, 230);
    expect(tree.yesterday()?.day).toBe(2);
  });

  it('should never continue a diverged branch in place', () => {
    const tree = twoDays();
    tree.markDiverged(201, 'cost became NaN');
    expect(tree.continueFrom(2).created).toBe(true);
  });

  it('should draw a branch connected to its parent and count every step trained', () => {
    const tree = twoDays();
    tree.continueFrom(1);
    train(tree, 140);
    const own = tree.ownPoints(tree.active, 'train');
    expect(own.steps[0]).toBe(100);
    expect(own.steps.length).toBe(41);
    const path = tree.pathPoints(tree.active, 'train');
    expect(path.steps.length).toBe(140);
    expect(path.steps[99]).toBe(100);
    expect(tree.modelSteps()).toBe(240);
    expect(tree.bestDevCost()).toBeCloseTo(0.1);
  });

  it('should keep markers on the branch they were made on', () => {
    const tree = twoDays();
    tree.markChange(200, 'α 0.01 → 0.1');
    const b = tree.continueFrom(1).branch;
    tree.markChange(100, 'α 0.01 → 0.003');
    expect(tree.markers.filter((m) => m.kind === 'change').map((m) => m.branch)).toEqual([0, b]);
    expect(tree.interventions).toBe(3);
  });
});

describe('BranchTree as data', () => {
  it('should come back from toData as the same tree', () => {
    const tree = new BranchTree();
    const hyper = { ...DEFAULT_HYPERPARAMETERS };
    tree.recordDay(0, 1, hyper);
    tree.appendTrain(1, 0.7);
    tree.appendDev(1, Number.NaN);
    tree.appendTrain(100, 0.5);
    tree.recordDay(100, 2, hyper);
    tree.appendTrain(200, 0.4);
    tree.recordDay(200, 3, hyper);
    tree.continueFrom(tree.days[1].key);
    tree.appendTrain(150, 0.45);
    const copy = BranchTree.fromData(structuredClone(tree.toData()));
    expect(copy.branches).toEqual(tree.branches);
    expect(copy.days.map((d) => d.step)).toEqual(tree.days.map((d) => d.step));
    expect(copy.markers).toEqual(tree.markers);
    expect(copy.active).toBe(tree.active);
    expect(copy.modelSteps()).toBe(tree.modelSteps());
    expect(copy.label(copy.active)).toBe('B');
  });
});
