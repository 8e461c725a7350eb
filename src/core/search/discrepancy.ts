// How evenly points fill the unit square: the star discrepancy, the largest gap between the share
// of points inside a box [0, a) × [0, b) and the box's area. Grid-free points with a low value leave
// no large empty corner and no crowded one.

/**
 * Star discrepancy of 2-D points in [0, 1)², checked on every box whose corner sits on the points'
 * own coordinates (and 1), counting the boundary both in and out: exact up to those corners.
 */
export function starDiscrepancy2D(points: readonly (readonly number[])[]): number {
  const n = points.length;
  if (n === 0) return 1;
  const xs = [...new Set([...points.map((p) => p[0]), 1])];
  const ys = [...new Set([...points.map((p) => p[1]), 1])];
  let worst = 0;
  for (const a of xs) {
    for (const b of ys) {
      let open = 0;
      let closed = 0;
      for (const p of points) {
        if (p[0] < a && p[1] < b) open++;
        if (p[0] <= a && p[1] <= b) closed++;
      }
      const area = a * b;
      worst = Math.max(worst, area - open / n, closed / n - area);
    }
  }
  return worst;
}
