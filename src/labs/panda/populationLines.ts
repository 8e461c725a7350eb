// A population's curves, coloured by each member's α (the playground's palette, on a log scale).

import type { ModelInfo } from '../../state/store';
import { chartLines } from '../../ui/costChartData';
import { LR_RANGE, type PopulationRun } from './pandaStore';

export function populationLines(run: PopulationRun | undefined, smooth = true) {
  if (!run) return [];
  const models: ModelInfo[] = run.members.map((m) => ({
    learningRate: m.hyper.learningRate,
    status: m.status === 'diverged' ? 'diverged' : m.status === 'training' ? 'training' : 'finished',
  }));
  return chartLines(run.series, models, 'population', LR_RANGE, smooth);
}
