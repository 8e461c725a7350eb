// Colour scales for the charts. A sequential palette (viridis-like) maps α on a log scale, so each decade
// of learning rates gets the same share of colours; a diverging palette shows class probabilities. Their
// stops live in the app's palette (palette.ts).
import { PROBABILITY_STOPS, type Rgb, VIRIDIS_STOPS } from './palette';

export type { Rgb };

function clamp01(t: number): number {
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, Math.max(0, t));
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function interpolate(stops: readonly Rgb[], t: number): Rgb {
  const u = clamp01(t) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(u));
  const f = u - i;
  const a = stops[i];
  const b = stops[i + 1];
  return [Math.round(lerp(a[0], b[0], f)), Math.round(lerp(a[1], b[1], f)), Math.round(lerp(a[2], b[2], f))];
}

export function rgbToHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Viridis colour at t in [0, 1] (values outside are clamped). */
export function viridis(t: number): Rgb {
  return interpolate(VIRIDIS_STOPS, t);
}

/** Where value sits between lo and hi on a log scale: 0 at lo, 1 at hi (clamped). */
export function logPosition(value: number, lo: number, hi: number): number {
  if (!(value > 0 && lo > 0 && hi > 0)) return 0;
  if (hi === lo) return 0.5;
  return clamp01((Math.log10(value) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)));
}

/** The colour of a learning rate within [lo, hi], on a log scale (CSS hex). */
export function learningRateColor(learningRate: number, lo: number, hi: number): string {
  // Stop before the palette's palest yellow so the top of the range stays readable on white.
  return rgbToHex(viridis(0.92 * logPosition(learningRate, lo, hi)));
}

/** Diverging colour for the probability of class 1: orange → near white at 0.5 → blue. */
export function probabilityColor(p: number): Rgb {
  return interpolate(PROBABILITY_STOPS, p);
}
