// The panda lab's curves as CSV rows (see core/export/curvesCsv.ts): the babysat model's tree, one
// stretch per day of each branch with the α it had, and a population's members with their α and β.
import type { Hyperparameters, OptimizerName } from '../../core/config';
import type { CsvCurve } from '../../core/export/curvesCsv';
import type { BranchTree } from '../../core/panda/branchTree';
import { seriesCurves } from '../../ui/chartCsv';
import type { PopulationRun } from './pandaTypes';

/**
 * Every branch's own points (after its fork), each day as a stretch with the α the model had when the
 * day's snapshot was taken: a nudge between days shows from the next day on (one within a day shows
 * on the chart's markers). The stretch after the last snapshot has the α the model trains with now.
 */
export function treeCsvCurves(tree: BranchTree, now: Hyperparameters): CsvCurve[] {
  const curves: CsvCurve[] = [];
  for (const b of tree.branches) {
    const label = tree.label(b.id);
    const days = tree.days.filter((d) => d.branch === b.id).sort((x, y) => x.step - y.step);
    // The branch's own points only (the chart also draws its parent's point at the fork).
    const train = { steps: b.trainStep, values: b.trainCost };
    const dev = { steps: b.devStep, values: b.devCost };
    const tail = b.id === tree.active ? now.learningRate : days[days.length - 1]?.hyper.learningRate;
    const ends = [...days.map((d) => d.step), Number.POSITIVE_INFINITY];
    ends.forEach((end, k) => {
      const start = k === 0 ? Number.NEGATIVE_INFINITY : ends[k - 1];
      const inside = (points: { steps: number[]; values: number[] }) => {
        const steps: number[] = [];
        const values: number[] = [];
        points.steps.forEach((step, i) => {
          if (step > start && step <= end) {
            steps.push(step);
            values.push(points.values[i]);
          }
        });
        return { steps, values };
      };
      const t = inside(train);
      const d = inside(dev);
      if (t.steps.length === 0 && d.steps.length === 0) return;
      curves.push({
        model: 'panda',
        hyper: { branch: label, learning_rate: k < days.length ? days[k].hyper.learningRate : tail },
        trainStep: t.steps,
        trainCost: t.values,
        devStep: d.steps,
        devCost: d.values,
      });
    });
  }
  return curves;
}

/** A population's members: α and the momentum term (β, or Adam's β1); PBT's are where they ended. */
export function populationCsvCurves(run: PopulationRun | undefined, optimizer: OptimizerName): CsvCurve[] {
  if (!run) return [];
  const moving = run.kind === 'pbt' ? '_now' : '';
  const beta = optimizer === 'adam' ? 'beta1' : 'momentum';
  return seriesCurves(run.series, (i) => ({
    model: i + 1,
    hyper: {
      learning_rate: run.members[i]?.hyper.learningRate,
      ...(optimizer === 'adam' || optimizer === 'momentum' ? { [beta]: run.members[i]?.hyper.momentum } : {}),
    },
  })).map((c) => ({
    ...c,
    hyper: Object.fromEntries(Object.entries(c.hyper ?? {}).map(([k, v]) => [`${k}${moving}`, v])),
  }));
}
