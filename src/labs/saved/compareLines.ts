// What a comparison overlays: each compared record's best curve (lowest dev cost; a population of
// 64 models would bury the others), its dev cost against step, one colour per record.
import { bestDevCostOf, type SavedCurve, type SavedRecord } from '../../core/saved/record';
import { chartPoints } from '../../state/runSeries';
import type { ChartLine } from '../../ui/costChartData';
import { SERIES } from '../../ui/palette';

/** The record's curve with the lowest dev cost (its first when none was measured). */
export function bestCurve(record: SavedRecord): SavedCurve | null {
  let best: SavedCurve | null = null;
  let value = Number.POSITIVE_INFINITY;
  for (const c of record.curves) {
    const v = bestDevCostOf([c]) ?? Number.POSITIVE_INFINITY;
    if (!best || v < value) {
      best = c;
      value = v;
    }
  }
  return best;
}

export function compareLines(records: readonly SavedRecord[]): ChartLine[] {
  return records.flatMap((r, i) => {
    const c = bestCurve(r);
    if (!c) return [];
    // Dev cost where it was measured; the train cost for records that have none (the panda's path).
    const useDev = c.devCost.some(Number.isFinite);
    return [
      {
        key: r.id,
        name: `${r.name} (${c.label})`,
        color: SERIES[i % SERIES.length],
        dashed: false,
        diverged: false,
        points: useDev ? chartPoints(c.devStep, c.devCost) : chartPoints(c.trainStep, c.trainCost),
      },
    ];
  });
}
