// The distributions with and without batch norm are drawn on shared axes, layer by layer: one step
// range, one value range for the percentile bands, one value range and one density scale for the
// histograms. Otherwise each plot rescales itself and a drift of 10 looks like a drift of 0.1.
import type { ProbeFrame } from '../../core/inspection';

export interface BandAxes {
  steps: [number, number];
  values: [number, number];
}

export interface HistogramAxes {
  values: [number, number];
  /** Highest density (fraction of values per unit of value) of either histogram. */
  maxDensity: number;
}

/** Flat index of (layer, quantity) in a frame's per-layer arrays. */
const slotOf = (layer: number, quantity: number) => layer * 3 + quantity;

function widen(lo: number, hi: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  return hi - lo < 1e-6 ? [lo - 0.5, hi + 0.5] : [lo, hi];
}

/** Steps and 15th–85th percentile values of one layer's quantity over both runs' frames. */
export function bandAxes(
  runs: readonly (readonly ProbeFrame[])[],
  layer: number,
  quantity: number,
): BandAxes {
  const k = slotOf(layer, quantity) * 3;
  const frames = runs.flat().filter((f) => layer < f.hidden.length);
  const steps = frames.map((f) => f.step);
  const values = frames.flatMap((f) => [f.percentiles[k], f.percentiles[k + 2]]).filter(Number.isFinite);
  const first = steps.length ? Math.min(...steps) : 0;
  return {
    steps: [first, Math.max(first + 1, ...steps)],
    values: widen(Math.min(...values), Math.max(...values)),
  };
}

/** The bins of one histogram: each bin's value range and its density. */
export function histogramBins(
  frame: ProbeFrame,
  layer: number,
  quantity: number,
): { lo: number; hi: number; density: number }[] {
  const s = slotOf(layer, quantity);
  const lo = frame.range[s * 2];
  const hi = frame.range[s * 2 + 1];
  const width = Math.max(hi - lo, 1e-6) / frame.bins;
  return Array.from({ length: frame.bins }, (_, i) => ({
    lo: lo + i * width,
    hi: lo + (i + 1) * width,
    density: frame.histogram[s * frame.bins + i] / width,
  }));
}

/** One value range and one density scale for the latest histograms of both runs. */
export function histogramAxes(
  latest: readonly (ProbeFrame | undefined)[],
  layer: number,
  quantity: number,
): HistogramAxes {
  const bins = latest
    .filter((f): f is ProbeFrame => f !== undefined && layer < f.hidden.length)
    .flatMap((f) => histogramBins(f, layer, quantity));
  return {
    values: widen(Math.min(...bins.map((b) => b.lo)), Math.max(...bins.map((b) => b.hi))),
    maxDensity: Math.max(1e-9, ...bins.map((b) => b.density).filter(Number.isFinite)),
  };
}

/**
 * Round tick values inside [lo, hi]: multiples of 1, 2 or 5 × 10^k, three to five of them where the
 * range allows, so that a shared axis reads −2, 0, 2 rather than −3.7, 7e-3, 3.7.
 */
export function niceTicks(lo: number, hi: number): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo];
  let best: number[] = [];
  for (const parts of [3, 4, 5]) {
    const raw = span / parts;
    const power = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-12) ?? 10 * power;
    const first = Math.ceil(lo / step - 1e-9);
    const last = Math.floor(hi / step + 1e-9);
    const ticks = Array.from({ length: last - first + 1 }, (_, i) =>
      Number(((first + i) * step).toPrecision(12)),
    );
    if (ticks.length >= 3) return ticks;
    if (ticks.length > best.length) best = ticks;
  }
  return best.length >= 2 ? best : [lo, hi];
}
