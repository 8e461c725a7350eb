// A best trial at the edge of a range suggests the best value may lie outside it: widen that side.
import { axisDomain, type Dimension, fromAxis, type HyperKey, hyperDef, type SearchSpace } from './space';

export interface EdgeWarning {
  key: HyperKey;
  side: 'low' | 'high';
  message: string;
}

/** Which side of a dimension a value sits at: within `margin` of the axis extent from an end. */
export function edgeOf(d: Dimension, axisValue: number, margin = 0.1): 'low' | 'high' | null {
  if (d.scale === 'fixed' || !Number.isFinite(axisValue)) return null;
  const [lo, hi] = axisDomain(d);
  if (d.scale === 'choice' || d.scale === 'int') {
    if (hi - lo < 2) return null; // two values: each is an end, which says nothing
    if (axisValue <= lo) return 'low';
    if (axisValue >= hi) return 'high';
    return null;
  }
  const span = hi - lo;
  if (axisValue <= lo + margin * span) return 'low';
  if (axisValue >= hi - margin * span) return 'high';
  return null;
}

function show(v: number): string {
  return String(Number(v.toPrecision(3)));
}

/** One warning per searched hyperparameter whose best value sits at an edge of its range. */
export function edgeWarnings(space: SearchSpace, bestAxis: Partial<Record<HyperKey, number>>): EdgeWarning[] {
  const out: EdgeWarning[] = [];
  for (const [key, t] of Object.entries(bestAxis) as [HyperKey, number][]) {
    const d = space[key];
    const side = edgeOf(d, t);
    if (!side) continue;
    const [lo, hi] = axisDomain(d);
    const end = fromAxis(d, side === 'low' ? lo : hi);
    const label = hyperDef(key).label;
    out.push({
      key,
      side,
      message: `The best trial's ${label} (${show(fromAxis(d, t))}) sits at the ${side} edge of its range (${show(end)}): widen the range ${side === 'low' ? 'downward' : 'upward'} and search again.`,
    });
  }
  return out;
}
