// How numbers are written for learners: short, with the precision that matters.

/** A learning rate or other small positive number: 3 significant digits, scientific when tiny. */
export function formatRate(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs < 1e-3 || abs >= 1e4) {
    const [mantissa, exponent] = value.toExponential(2).split('e');
    return `${Number(mantissa)}e${Number(exponent)}`;
  }
  return String(Number(value.toPrecision(3)));
}

/** A cost: 4 significant digits; NaN/Infinity shown as words so a diverged run reads as such. */
export function formatCost(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e5)) {
    const [mantissa, exponent] = value.toExponential(2).split('e');
    return `${Number(mantissa)}e${Number(exponent)}`;
  }
  return String(Number(value.toPrecision(4)));
}

/** Accuracy in [0, 1] as a percentage with one decimal. */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(1)}%`;
}

/** An exponent as written in the lesson: −4, −2.5 (a real minus sign). */
export function formatExponent(value: number): string {
  const rounded = Number(value.toFixed(2));
  return rounded < 0 ? `−${Math.abs(rounded)}` : String(rounded);
}

/** α rounded to 3 significant digits, for a log slider position (log10 α). */
export function learningRateFromExponent(exponent: number): number {
  return Number((10 ** exponent).toPrecision(3));
}
