import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../../core/config';
import { curvesCsv } from '../../core/export/curvesCsv';
import { BranchTree } from '../../core/panda/branchTree';
import { treeCsvCurves } from './pandaCsv';

const at = (learningRate: number) => ({ ...DEFAULT_HYPERPARAMETERS, learningRate });

function train(tree: BranchTree, to: number): void {
  for (let s = tree.lastStep(tree.active) + 1; s <= to; s++) tree.appendTrain(s, s / 10);
}

describe('the panda tree as CSV', () => {
  it('should give each day of a branch the α its snapshot recorded, and the day in progress α now', () => {
    const tree = new BranchTree();
    tree.recordDay(0, 1, at(0.01));
    train(tree, 2);
    tree.appendDev(2, 0.5);
    tree.recordDay(2, 2, at(0.01));
    train(tree, 4);
    tree.recordDay(4, 3, at(0.1)); // nudged to 0.1 before day 2
    train(tree, 5);
    const rows = curvesCsv(treeCsvCurves(tree, at(0.2)))
      .trimEnd()
      .split('\n');
    expect(rows).toEqual([
      'step,model,branch,learning_rate,train_cost,dev_cost,dev_accuracy',
      '1,panda,A,0.01,0.1,,',
      '2,panda,A,0.01,0.2,0.5,',
      '3,panda,A,0.1,0.3,,',
      '4,panda,A,0.1,0.4,,',
      '5,panda,A,0.2,0.5,,',
    ]);
  });

  it('should write a rolled-back branch from its own points only, and the old future with its days', () => {
    const tree = new BranchTree();
    tree.recordDay(0, 1, at(0.01));
    train(tree, 2);
    tree.recordDay(2, 2, at(0.01));
    train(tree, 4);
    tree.recordDay(4, 3, at(1));
    tree.continueFrom(1); // back to the end of day 1: branch B
    train(tree, 3);
    const rows = curvesCsv(treeCsvCurves(tree, at(0.05)))
      .trimEnd()
      .split('\n')
      .slice(1);
    expect(rows).toEqual([
      '1,panda,A,0.01,0.1,,',
      '2,panda,A,0.01,0.2,,',
      '3,panda,A,1,0.3,,',
      '4,panda,A,1,0.4,,',
      '3,panda,B,0.05,0.3,,',
    ]);
  });
});
