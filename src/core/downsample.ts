// Long training curves are thinned before charting. Min/max per bucket (rather than averaging or
// striding) keeps spikes visible: a loss that blows up for one step must still show on the chart.

export interface Series {
  x: number[];
  y: number[];
}

export function downsampleMinMax(xs: ArrayLike<number>, ys: ArrayLike<number>, maxPoints: number): Series {
  const n = Math.min(xs.length, ys.length);
  if (n <= maxPoints) return { x: Array.from(xs).slice(0, n), y: Array.from(ys).slice(0, n) };
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const keep: number[] = [0];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = ys[i];
      // NaN/Infinity (a diverged run) would poison the comparisons; such points are skipped.
      if (!Number.isFinite(v)) continue;
      if (lo < 0 || v < ys[lo]) lo = i;
      if (hi < 0 || v > ys[hi]) hi = i;
    }
    if (lo < 0) continue;
    const [a, c] = lo < hi ? [lo, hi] : [hi, lo];
    if (a !== keep[keep.length - 1]) keep.push(a);
    if (c !== a) keep.push(c);
  }
  if (keep[keep.length - 1] !== n - 1) keep.push(n - 1);
  return { x: keep.map((i) => xs[i]), y: keep.map((i) => ys[i]) };
}
