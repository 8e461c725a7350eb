// The panda lab's saved work: the tree of days and branches (every curve, marker and nudge) with the
// link it started from. Reopened, the tree shows as it was; its snapshots lived in a worker that is
// gone, so training goes on from the link, starting again at day 0.
import { z } from 'zod';
import type { Hyperparameters } from '../../core/config';
import type { BranchTreeData } from '../../core/panda/branchTree';
import { bestDevCostOf, SAVED_VERSION, type SavedRecord, thinCurve } from '../../core/saved/record';
import { newRecordId } from '../../state/savedWork';
import { encodePanda, type PandaLink } from './pandaHash';
import type { PandaState } from './pandaTypes';

export interface TreePayload {
  link: PandaLink;
  tree: BranchTreeData;
  step: number;
  hyper: Hyperparameters;
}

const payloadSchema = z.object({
  link: z.object({
    experiment: z.record(z.string(), z.unknown()),
    dayLength: z.number(),
    teacher: z.string().nullable(),
  }),
  tree: z.object({
    branches: z.array(z.unknown()).min(1),
    days: z.array(z.unknown()),
    markers: z.array(z.unknown()),
    active: z.number(),
  }),
  step: z.number(),
  hyper: z.record(z.string(), z.unknown()),
});

const fmt = (v: number) => String(Number(v.toPrecision(3)));

export function treeRecord(s: PandaState): SavedRecord | null {
  const { tree } = s;
  if (tree.modelSteps() === 0) return null;
  const train = tree.pathPoints(tree.active, 'train');
  const dev = tree.pathPoints(tree.active, 'dev');
  const curve = thinCurve(`panda, branch ${tree.label(tree.active)}`, {
    trainStep: train.steps,
    trainCost: train.values,
    devStep: dev.steps,
    devCost: dev.values,
    devAccuracy: dev.values.map(() => Number.NaN),
  });
  const days = tree.daysDone();
  const e = s.link.experiment;
  return {
    id: newRecordId(),
    version: SAVED_VERSION,
    lab: 'panda',
    name: `Panda: ${days} day${days === 1 ? '' : 's'}, ${tree.branches.length} branch${tree.branches.length === 1 ? '' : 'es'}, α now ${fmt(s.applied.learningRate)}`,
    createdAt: new Date().toISOString(),
    settings: [
      { key: 'days', label: 'days', value: String(days) },
      { key: 'branches', label: 'branches', value: String(tree.branches.length) },
      { key: 'interventions', label: 'interventions', value: String(tree.interventions) },
      { key: 'lr', label: 'α at the end', value: fmt(s.applied.learningRate) },
      { key: 'hidden', label: 'hidden layers', value: e.hidden.join('-') },
      { key: 'modelSteps', label: 'model-steps', value: String(tree.modelSteps()) },
      { key: 'seed', label: 'seed', value: String(e.seed) },
    ],
    bestDevCost: bestDevCostOf([curve]),
    link: encodePanda(s.link),
    curves: [curve],
    payload: {
      link: s.link,
      tree: tree.toData(),
      step: s.step,
      hyper: s.applied,
    } satisfies TreePayload as unknown as Record<string, unknown>,
  };
}

export function treePayload(record: SavedRecord): TreePayload | null {
  return payloadSchema.safeParse(record.payload).success ? (record.payload as unknown as TreePayload) : null;
}
