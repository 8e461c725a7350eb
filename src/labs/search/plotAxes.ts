// Ticks and labels for a searched hyperparameter's axis (see toAxis): decades on a log scale, β values
// (0.9, 0.99, 0.999) on the 1−β scale, whole numbers, the choices themselves.
import { type Dimension, fromAxis, type HyperKey, hyperDef } from '../../core/search/space';
import { formatRate } from '../../ui/format';

export interface Tick {
  t: number;
  label: string;
}

/** A hyperparameter's value as the lab writes it. */
export function formatValue(key: HyperKey, v: number): string {
  if (!Number.isFinite(v)) return '—';
  const def = hyperDef(key);
  if (def.integer) return String(Math.round(v));
  if (key === 'momentum' || key === 'adamBeta1' || key === 'adamBeta2') {
    // β near 1: show enough digits that 1−β reads (0.9995, not 1).
    const digits = Math.max(3, Math.ceil(-Math.log10(Math.max(1e-12, 1 - v))) + 2);
    return String(Number(v.toFixed(Math.min(12, digits))));
  }
  return formatRate(v);
}

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

export function ticksFor(key: HyperKey, d: Dimension, domain: readonly [number, number]): Tick[] {
  const [a, b] = domain;
  if (d.scale === 'choice') return d.choices.map((c, i) => ({ t: i, label: formatValue(key, c) }));
  if (d.scale === 'log' || d.scale === 'oneMinusLog') {
    const ticks: Tick[] = [];
    const step = Math.max(1, Math.ceil((b - a) / 6));
    for (let k = Math.ceil(a - 1e-9); k <= b + 1e-9; k += step) {
      ticks.push({ t: k, label: d.scale === 'log' ? formatRate(10 ** k) : formatValue(key, fromAxis(d, k)) });
    }
    if (ticks.length < 2) {
      ticks.length = 0;
      for (const t of [a, (a + b) / 2, b]) ticks.push({ t, label: formatValue(key, fromAxis(d, t)) });
    }
    return ticks;
  }
  const step = d.scale === 'int' ? Math.max(1, Math.round(niceStep(b - a, 5))) : niceStep(b - a, 5);
  const ticks: Tick[] = [];
  for (let t = Math.ceil(a / step - 1e-9) * step; t <= b + 1e-9; t += step) {
    ticks.push({ t, label: formatValue(key, t) });
  }
  return ticks;
}

/** "log", "log on 1−β", … for an axis title. */
export function axisTitle(key: HyperKey, d: Dimension): string {
  const def = hyperDef(key);
  const scale = d.scale === 'log' ? ' (log scale)' : d.scale === 'oneMinusLog' ? ' (log scale of 1−β)' : '';
  return `${def.label}${scale}`;
}
