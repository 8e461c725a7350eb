// Coarse to fine: a region selected on the results (an interval on the axis of one or more searched
// hyperparameters) becomes the next round's search space, on the same scales.
import {
  axisDomain,
  type Dimension,
  fromAxis,
  HYPER_KEYS,
  type HyperKey,
  hyperDef,
  type SearchSpace,
  toAxis,
} from './space';

/** Intervals on the axes (see toAxis) of some searched hyperparameters; the others keep their range. */
export type Region = Partial<Record<HyperKey, [number, number]>>;

/** x rounded to `digits` significant digits. */
function roundSig(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/**
 * The part of a dimension inside an axis interval. Ends are rounded to readable numbers (4
 * significant digits; for β the distance 1−β to 3) and kept inside the old range. A whole-number
 * range keeps the integers inside (at least two when the old range had them); a choice list keeps
 * the choices inside (at least the nearest one).
 */
export function zoomDimension(d: Dimension, interval: readonly [number, number]): Dimension {
  if (d.scale === 'fixed') return d;
  const [lo, hi] = axisDomain(d);
  const a = Math.max(lo, Math.min(interval[0], interval[1]));
  const b = Math.min(hi, Math.max(interval[0], interval[1]));
  if (d.scale === 'choice') {
    const kept = d.choices.filter((_, i) => i >= a - 1e-9 && i <= b + 1e-9);
    if (kept.length > 0)
      return kept.length === 1 ? { scale: 'fixed', value: kept[0] } : { scale: 'choice', choices: kept };
    return { scale: 'fixed', value: fromAxis(d, (a + b) / 2) };
  }
  if (d.scale === 'int') {
    let low = Math.ceil(a - 1e-9);
    let high = Math.floor(b + 1e-9);
    if (high <= low) {
      // Fewer than two whole numbers inside: take the nearest pair within the old range.
      const centre = Math.round((a + b) / 2);
      low = Math.max(d.low, Math.min(centre, d.high - 1));
      high = low + 1;
    }
    return { scale: 'int', low, high };
  }
  const clampTo = (v: number): number => Math.min(d.high, Math.max(d.low, v));
  const fmt = (v: number): number =>
    d.scale === 'oneMinusLog' ? clampTo(1 - roundSig(1 - v, 3)) : clampTo(roundSig(v, 4));
  let low = fmt(fromAxis(d, a));
  let high = fmt(fromAxis(d, b));
  if (!(low < high)) {
    low = clampTo(fromAxis(d, a));
    high = clampTo(fromAxis(d, b));
  }
  if (!(low < high)) return d; // an empty region changes nothing
  return { scale: d.scale, low, high };
}

/** The next round's space: every hyperparameter the region names narrowed to it. */
export function zoomSpace(space: SearchSpace, region: Region): SearchSpace {
  const next = { ...space };
  for (const [key, interval] of Object.entries(region) as [HyperKey, [number, number]][]) {
    next[key] = zoomDimension(space[key], interval);
  }
  return next;
}

/**
 * A region around a point (in axis coordinates): `fraction` of each named axis's current extent,
 * centred on the point and moved inside the domain where it would stick out.
 */
export function regionAround(
  space: SearchSpace,
  point: Partial<Record<HyperKey, number>>,
  fraction = 0.4,
): Region {
  const region: Region = {};
  for (const [key, t] of Object.entries(point) as [HyperKey, number][]) {
    const d = space[key];
    if (d.scale === 'fixed') continue;
    const [lo, hi] = axisDomain(d);
    const half = ((hi - lo) * fraction) / 2;
    let a = t - half;
    let b = t + half;
    if (a < lo) [a, b] = [lo, lo + 2 * half];
    if (b > hi) [a, b] = [hi - 2 * half, hi];
    region[key] = [Math.max(lo, a), Math.min(hi, b)];
  }
  return region;
}

/** What a zoomed round changed: the narrowed dimension of each hyperparameter its region named. */
export type Zoom = Partial<Record<HyperKey, Dimension>>;

/** The dimensions a region narrows a space to (what a link keeps of a round). */
export function zoomOf(space: SearchSpace, region: Region): Zoom {
  const next = zoomSpace(space, region);
  const zoom: Zoom = {};
  for (const key of Object.keys(region) as HyperKey[]) zoom[key] = next[key];
  return zoom;
}

export function applyZoom(space: SearchSpace, zoom: Zoom): SearchSpace {
  return { ...space, ...zoom };
}

/**
 * The region (on the previous round's axes) a zoom covers: a range's ends, or the first and last
 * kept choice. Used to draw a round re-created from a link.
 */
export function regionOfZoom(prev: SearchSpace, zoom: Zoom): Region {
  const region: Region = {};
  for (const [key, d] of Object.entries(zoom) as [HyperKey, Dimension][]) {
    const p = prev[key];
    if (d.scale === 'fixed') {
      const t = toAxis(p, d.value);
      region[key] = [t, t];
    } else if (d.scale === 'choice') {
      const idx = d.choices.map((c) => toAxis(p, c));
      region[key] = [Math.min(...idx), Math.max(...idx)];
    } else {
      region[key] = [toAxis(p, d.low), toAxis(p, d.high)];
    }
  }
  return region;
}

/**
 * Why a zoom cannot follow a space (null when it can): each dimension must narrow a searched
 * hyperparameter on the same scale (a range inside the old range; choices among the old choices).
 */
export function zoomProblem(prev: SearchSpace, zoom: Zoom): string | null {
  for (const [key, d] of Object.entries(zoom) as [HyperKey, Dimension][]) {
    if (!HYPER_KEYS.includes(key)) return `${key} is not a hyperparameter`;
    const p = prev[key];
    const name = hyperDef(key).label;
    if (p.scale === 'fixed') return `${name} is not searched there`;
    if (p.scale === 'choice') {
      const values = d.scale === 'fixed' ? [d.value] : d.scale === 'choice' ? d.choices : null;
      if (!values || values.length === 0) return `${name} needs a list of the earlier choices`;
      const bad = values.find((v) => !p.choices.includes(v));
      if (bad !== undefined) return `${name} ${bad} is not one of the choices ${p.choices.join(',')}`;
      continue;
    }
    if (d.scale === 'fixed' || d.scale === 'choice' || d.scale !== p.scale)
      return `${name} must stay on its ${p.scale} scale`;
    if (!(d.low < d.high)) return `${name}'s low must be below its high`;
    if (d.low < p.low || d.high > p.high)
      return `${name} ${d.low} to ${d.high} is outside the earlier range ${p.low} to ${p.high}`;
    if (d.scale === 'int' && !(Number.isInteger(d.low) && Number.isInteger(d.high)))
      return `${name} needs whole numbers`;
  }
  return null;
}
