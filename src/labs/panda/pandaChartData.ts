// The tree of attempts as chart lines: the path that leads to the model now in strong colours, every
// abandoned future faded; each branch drawn from its parent's point at the fork, so the tree is connected.
import type { BranchTree } from '../../core/panda/branchTree';
import { chartPoints } from '../../state/runSeries';
import { type ChartLine, DEV_COLOR, MAX_POINTS, smoothCurve, TRAIN_COLOR } from '../../ui/costChartData';
import { PALETTE } from '../../ui/palette';

export const FADED_TRAIN = PALETTE.fadedTrain;
export const FADED_DEV = PALETTE.fadedDev;

/** Train and dev lines of every branch, faded ones first (so the strong path is drawn on top). */
export function treeLines(tree: BranchTree, smooth: boolean, maxPoints = MAX_POINTS): ChartLine[] {
  const lineage = tree.lineage(tree.active);
  const onPath = new Map(lineage.map((b, k) => [b.id, k]));
  const faded: ChartLine[] = [];
  const strong: ChartLine[] = [];
  for (const b of tree.branches) {
    const k = onPath.get(b.id);
    // Where the strong path leaves this branch (a branch of the path beyond its child's fork is an old future).
    const cut =
      k === undefined
        ? Number.NEGATIVE_INFINITY
        : k < lineage.length - 1
          ? lineage[k + 1].forkStep
          : Infinity;
    for (const kind of ['train', 'dev'] as const) {
      const own = tree.ownPoints(b.id, kind);
      const values = kind === 'train' && smooth ? Array.from(smoothCurve(own.values)) : own.values;
      const label = `branch ${tree.label(b.id)} ${kind} cost`;
      const keep = (from: number, to: number) => {
        const s: number[] = [];
        const v: number[] = [];
        own.steps.forEach((step, i) => {
          if (step >= from && step <= to) {
            s.push(step);
            v.push(values[i]);
          }
        });
        return chartPoints(s, v, maxPoints);
      };
      const strongPoints = keep(Number.NEGATIVE_INFINITY, cut);
      const fadedPoints = keep(cut, Number.POSITIVE_INFINITY);
      if (k !== undefined && strongPoints.length > 0)
        strong.push({
          key: `${kind}-${b.id}`,
          name: label,
          color: kind === 'train' ? TRAIN_COLOR : DEV_COLOR,
          dashed: kind === 'dev',
          // Only the model now may be a diverged one on the strong path: an ancestor's part before
          // the fork is healthy, and it must keep setting the cost axis.
          diverged: b.diverged && b.id === tree.active,
          points: strongPoints,
        });
      if (fadedPoints.length > 1 || (k === undefined && fadedPoints.length > 0))
        faded.push({
          key: `${kind}-${b.id}-old`,
          name: `${label} (abandoned)`,
          color: kind === 'train' ? FADED_TRAIN : FADED_DEV,
          dashed: kind === 'dev',
          diverged: b.diverged,
          points: fadedPoints,
        });
    }
  }
  return [...faded, ...strong];
}
