// Mapping data onto plot pixels, shared by the curve canvas, the search lab's small multiples and the
// panda lab's markers.

/** Maps [d0, d1] onto [p0, p1], linearly or on log10 (values ≤ 0 have no place on a log axis). */
export function axisMap(domain: readonly [number, number], p0: number, p1: number, log: boolean) {
  const f = log ? Math.log10 : (v: number) => v;
  const a = f(domain[0]);
  const span = f(domain[1]) - a || 1;
  return (v: number): number | undefined =>
    log && v <= 0 ? undefined : p0 + ((f(v) - a) / span) * (p1 - p0);
}

/** SVG path data through the points, mapped by the chart's scales (for small, rarely redrawn plots). */
export function pathData(
  points: readonly { step: number; value: number }[],
  x: (v: number) => number | undefined,
  y: (v: number) => number | undefined,
): string {
  let d = '';
  for (const p of points) {
    const px = x(p.step);
    const py = y(p.value);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) continue;
    d += `${d ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
  }
  return d;
}

/** How many points of a curve land on the plot (stops counting at `enough`). */
export function drawablePoints(
  points: readonly { step: number; value: number }[],
  log: boolean,
  enough = Number.POSITIVE_INFINITY,
): number {
  let count = 0;
  for (const p of points) {
    if (Number.isFinite(p.step) && Number.isFinite(p.value) && (!log || p.value > 0)) count++;
    if (count >= enough) break;
  }
  return count;
}
