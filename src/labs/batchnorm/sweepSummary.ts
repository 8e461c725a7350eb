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
    lowest: good.length ? Math.min(...good) : null,
    highest: good.length ? Math.max(...good) : null,
    diverged: points.filter((p) => p.diverged).length,
    best: accs.length ? Math.max(...accs) : null,
  };
}

/** "Good" means within 90 % of the best final dev accuracy any model of the sweep reached. */
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
