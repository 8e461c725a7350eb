// What the learning-rate sweep measured, in numbers the page can state: each model's final dev
// accuracy (null when it diverged or has none yet), and the range of α that stayed good for each arm.

export interface SweepPoint {
  learningRate: number;
  batchNorm: boolean;
  /** Final dev accuracy; null when the model diverged or was never evaluated. */
  accuracy: number | null;
  diverged: boolean;
}

export interface SweepArm {
  /** α values whose final dev accuracy reached the threshold. */
  good: number[];
  /** How many α this arm trained. */
  values: number;
  lowest: number | null;
  highest: number | null;
  diverged: number;
  best: number | null;
}

export interface SweepSummary {
  threshold: number;
  withBn: SweepArm;
  withoutBn: SweepArm;
}

function arm(points: SweepPoint[], threshold: number): SweepArm {
  const good = points
    .filter((p) => p.accuracy !== null && p.accuracy >= threshold)
    .map((p) => p.learningRate);
  const accs = points.map((p) => p.accuracy).filter((a): a is number => a !== null);
  return {
    good,
    values: points.length,
    lowest: good.length ? Math.min(...good) : null,
    highest: good.length ? Math.max(...good) : null,
    diverged: points.filter((p) => p.diverged).length,
    best: accs.length ? Math.max(...accs) : null,
  };
}

/**
 * "Good" means within 90 % of the best final dev accuracy any model of the sweep reached, with or
 * without batch norm: one bar for both arms, so that a good α means a well-trained model in either
 * (each arm's own best would call every α good in an arm that never trains, all at chance).
 */
export function summarizeSweep(points: SweepPoint[], fraction = 0.9): SweepSummary {
  const best = Math.max(0, ...points.map((p) => p.accuracy ?? 0));
  const threshold = fraction * best;
  return {
    threshold,
    withBn: arm(
      points.filter((p) => p.batchNorm),
      threshold,
    ),
    withoutBn: arm(
      points.filter((p) => !p.batchNorm),
      threshold,
    ),
  };
}

/** "N of M values": how many α of an arm were good. */
export function goodCount(a: SweepArm): string {
  return `${a.good.length} of ${a.values} values`;
}

/** What the sweep measured about the lesson's claim, in one sentence (null until both arms have numbers). */
export function sweepVerdict(s: SweepSummary): string | null {
  if (s.withBn.best === null || s.withoutBn.best === null) return null;
  const on = s.withBn.good.length;
  const off = s.withoutBn.good.length;
  if (off === 0 && on > 0)
    return 'Without batch norm no α trained well: batch norm made this network trainable at all, rather than widening a range.';
  if (on > off) return `Batch norm widened the range of good α: ${on} values with it, ${off} without.`;
  if (on === off) return `Batch norm did not widen the range here: ${on} good values with it and without.`;
  return `Here batch norm narrowed the range of good α: ${on} values with it, ${off} without.`;
}
