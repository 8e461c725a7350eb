// How much each searched hyperparameter explains the final dev cost, measured on the finished trials:
// the share of the variance of the cost ranks explained by bins along the hyperparameter's axis
// (η², the between-bin variance over the total), corrected for what bins explain by chance.
// Ranks make a diverged trial simply the worst, and keep one huge cost from dominating.

/** Ranks 0..n−1 (ties get their average rank); NaN/Infinity count as the largest values. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v: Number.isFinite(v) ? v : Number.POSITIVE_INFINITY, i }));
  order.sort((a, b) => a.v - b.v);
  const out = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1].v === order[i].v) j++;
    const r = (i + j) / 2;
    for (let k = i; k <= j; k++) out[order[k].i] = r;
    i = j + 1;
  }
  return out;
}

/** Groups indices into at most `bins` bins along x: one per distinct value when few, else by rank. */
function binsAlong(x: readonly number[], bins: number): number[][] {
  const distinct = [...new Set(x)].sort((a, b) => a - b);
  if (distinct.length <= bins) {
    return distinct.map((v) => x.flatMap((xv, i) => (xv === v ? [i] : [])));
  }
  const order = x.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const groups: number[][] = Array.from({ length: bins }, () => []);
  order.forEach((o, r) => {
    groups[Math.min(bins - 1, Math.floor((r * bins) / order.length))].push(o.i);
  });
  return groups.filter((g) => g.length > 0);
}

/**
 * Importance of one hyperparameter in [0, 1]: 0 when its bins explain no more than chance, 1 when
 * they explain every difference in cost. `x` on the hyperparameter's axis, `cost` the final dev costs.
 */
export function importanceOf(x: readonly number[], cost: readonly number[], maxBins = 5): number {
  const n = Math.min(x.length, cost.length);
  if (n < 4) return Number.NaN;
  const y = ranks(cost.slice(0, n));
  const bins = Math.max(2, Math.min(maxBins, Math.floor(n / 3)));
  const groups = binsAlong(x.slice(0, n), bins);
  if (groups.length < 2) return 0;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  let total = 0;
  for (const v of y) total += (v - mean) ** 2;
  if (total === 0) return 0;
  let between = 0;
  for (const g of groups) {
    const m = g.reduce((a, i) => a + y[i], 0) / g.length;
    between += g.length * (m - mean) ** 2;
  }
  const eta2 = between / total;
  // With k bins and no effect at all, η² is (k − 1)/(n − 1) on average: remove that share.
  const chance = (groups.length - 1) / (n - 1);
  return Math.max(0, Math.min(1, (eta2 - chance) / (1 - chance)));
}

/** Importance of every named axis; `axes[key]` holds each trial's coordinate. */
export function importance<K extends string>(
  axes: Record<K, readonly number[]>,
  cost: readonly number[],
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(axes) as K[]) out[key] = importanceOf(axes[key], cost);
  return out;
}
