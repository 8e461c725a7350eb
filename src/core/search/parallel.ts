// Parallel coordinates: one vertical axis per searched hyperparameter (on its scale's axis, see toAxis:
// log10 α, −log10(1−β), whole numbers, choice indices evenly spaced) and one for the final dev cost.
// A brush is an interval on some axes (in axis coordinates); a trial is selected when it lies inside
// every brushed interval. The hyperparameter part of a brush is a zoom Region.
import { axisDomain, type HyperKey, type SearchSpace, searchedKeys, toAxis, type TrialValues } from './space';
import type { Region } from './zoom';

export type ParallelKey = HyperKey | 'devCost';

export interface ParallelAxis {
  key: ParallelKey;
  /** The axis interval drawn from bottom (lo) to top (hi); a discrete axis is padded by half a step. */
  lo: number;
  hi: number;
  /** The searched (brushable) part: the range itself, or the dev costs seen. */
  domain: [number, number];
  discrete: boolean;
}

/** An interval per brushed axis, in axis coordinates (dev cost in cost units). */
export type ParallelBrush = Partial<Record<ParallelKey, [number, number]>>;

export interface ParallelRow {
  id: number;
  /** Axis coordinate per searched hyperparameter. */
  coords: Partial<Record<HyperKey, number>>;
  /** Final dev cost; NaN for a diverged trial (it has none worth plotting). */
  devCost: number;
  diverged: boolean;
}

/** The axes for a space and the dev costs of the finished trials (diverged ones excluded). */
export function parallelAxes(space: SearchSpace, costs: readonly number[]): ParallelAxis[] {
  const axes: ParallelAxis[] = searchedKeys(space).map((key) => {
    const d = space[key];
    const domain = axisDomain(d);
    const discrete = d.scale === 'int' || d.scale === 'choice';
    const pad = discrete ? 0.5 : 0;
    const [a, b] = domain;
    return { key, lo: a - pad, hi: b > a || discrete ? b + pad : a + 1, domain, discrete };
  });
  const finite = costs.filter((c) => Number.isFinite(c));
  let lo = finite.length > 0 ? Math.min(...finite) : 0;
  let hi = finite.length > 0 ? Math.max(...finite) : 1;
  if (!(hi > lo)) {
    const half = Math.max(1e-3, Math.abs(lo) * 0.05);
    lo -= half;
    hi += half;
  }
  axes.push({ key: 'devCost', lo, hi, domain: [lo, hi], discrete: false });
  return axes;
}

/** Where an axis coordinate sits on the axis: 0 at the bottom, 1 at the top (not clamped). */
export function axisFraction(axis: ParallelAxis, t: number): number {
  return axis.hi > axis.lo ? (t - axis.lo) / (axis.hi - axis.lo) : 0.5;
}

/** The axis coordinate at a fraction of the axis (inverse of axisFraction). */
export function coordAt(axis: ParallelAxis, fraction: number): number {
  return axis.lo + fraction * (axis.hi - axis.lo);
}

/**
 * The interval a drag between two fractions of an axis selects, in axis coordinates, kept inside the
 * axis's domain (the padding of a discrete axis is not searched); null when it is empty.
 */
export function brushInterval(axis: ParallelAxis, f0: number, f1: number): [number, number] | null {
  const a = Math.max(axis.domain[0], coordAt(axis, Math.min(f0, f1)));
  const b = Math.min(axis.domain[1], coordAt(axis, Math.max(f0, f1)));
  return b > a || (b === a && axis.discrete) ? [a, b] : null;
}

/** The row of a trial: its coordinates on the space's axes. */
export function parallelRow(
  id: number,
  space: SearchSpace,
  values: TrialValues,
  devCost: number,
  diverged: boolean,
): ParallelRow {
  const coords: Partial<Record<HyperKey, number>> = {};
  for (const k of searchedKeys(space)) coords[k] = toAxis(space[k], values[k]);
  return { id, coords, devCost: diverged ? Number.NaN : devCost, diverged };
}

/** Whether a row lies inside every brushed interval (a diverged trial has no dev cost to be inside). */
export function inBrush(row: ParallelRow, brush: ParallelBrush): boolean {
  for (const [key, interval] of Object.entries(brush) as [ParallelKey, [number, number]][]) {
    const t = key === 'devCost' ? row.devCost : row.coords[key];
    if (t === undefined || !Number.isFinite(t)) return false;
    const eps = 1e-9 * Math.max(1, Math.abs(interval[0]), Math.abs(interval[1]));
    if (t < interval[0] - eps || t > interval[1] + eps) return false;
  }
  return true;
}

/** Ids of the rows inside the brush; null when nothing is brushed (every row counts as selected). */
export function selectRows(rows: readonly ParallelRow[], brush: ParallelBrush | null): Set<number> | null {
  if (!brush || Object.keys(brush).length === 0) return null;
  return new Set(rows.filter((r) => inBrush(r, brush)).map((r) => r.id));
}

/** The hyperparameter part of a brush: the region "Zoom in" samples next (null when only cost is brushed). */
export function regionOfBrush(brush: ParallelBrush | null): Region | null {
  if (!brush) return null;
  const region: Region = {};
  for (const [key, interval] of Object.entries(brush) as [ParallelKey, [number, number]][]) {
    if (key !== 'devCost') region[key] = interval;
  }
  return Object.keys(region).length > 0 ? region : null;
}

/** A brush with one axis's interval replaced (or removed with null). */
export function withInterval(
  brush: ParallelBrush | null,
  key: ParallelKey,
  interval: [number, number] | null,
): ParallelBrush | null {
  const next: ParallelBrush = { ...(brush ?? {}) };
  if (interval) next[key] = interval;
  else delete next[key];
  return Object.keys(next).length > 0 ? next : null;
}

export type BrushKey =
  | 'ArrowUp'
  | 'ArrowDown'
  | 'PageUp'
  | 'PageDown'
  | 'Home'
  | 'End'
  | 'Escape'
  | 'Delete'
  | 'Backspace';

/** Part of an axis's domain a keyboard brush starts with, and one arrow-key step. */
const START = 0.4;
const STEP = 0.05;

/**
 * A brush moved by a key: arrows move it up or down (one twentieth of the axis; with `grow`, Shift
 * held, they move only the top end, widening or narrowing it), PageUp/PageDown widen/narrow it on both
 * sides, Home/End move it to the bottom/top, Escape/Delete clear it. With no brush yet, any moving key
 * starts one of 40% of the axis in the middle. Stays inside the domain; null when cleared.
 */
export function nudgeInterval(
  axis: ParallelAxis,
  interval: [number, number] | null,
  key: BrushKey,
  grow = false,
): [number, number] | null {
  if (key === 'Escape' || key === 'Delete' || key === 'Backspace') return null;
  const [lo, hi] = axis.domain;
  const span = hi - lo || 1;
  if (!interval) {
    const mid = (lo + hi) / 2;
    return [mid - (START * span) / 2, mid + (START * span) / 2];
  }
  let [a, b] = interval;
  const step = STEP * span;
  const width = b - a;
  switch (key) {
    case 'ArrowUp':
      if (grow) b += step;
      else [a, b] = [a + step, b + step];
      break;
    case 'ArrowDown':
      if (grow) b = Math.max(a + step, b - step);
      else [a, b] = [a - step, b - step];
      break;
    case 'PageUp':
      [a, b] = [a - step, b + step];
      break;
    case 'PageDown':
      if (width > 2 * step + step / 2) [a, b] = [a + step, b - step];
      break;
    case 'Home':
      [a, b] = [lo, lo + width];
      break;
    case 'End':
      [a, b] = [hi - width, hi];
      break;
  }
  // Slide back inside the domain, keeping the width where it fits.
  const w = Math.min(b - a, span);
  if (a < lo) [a, b] = [lo, lo + w];
  if (b > hi) [a, b] = [hi - w, hi];
  return [Math.max(lo, a), Math.min(hi, b)];
}
