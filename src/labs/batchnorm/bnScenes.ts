// The batch-norm lab's scenes read their own runs: each question's outcome comes from the numbers the
// lab measured (the sweep's good α per arm, the two bowls' largest converging α, the dev set predicted
// one example at a time), judged by the
// scene's rule (core/scenes/judges.ts). Null while there is nothing finished to judge.
import { judgeOneExample, judgeRange, judgeRatio } from '../../core/scenes/judges';
import type { SceneOutcome } from '../../core/scenes/sceneTypes';
import { type SweepPoint, summarizeSweep } from '../../core/sweepSummary';
import type { RunSeries } from '../../state/runSeries';
import { formatPercent, formatRate } from '../../ui/format';
import type { LabModel, LabState } from './labStore';
import type { TestTimeReading } from './testTimeResult';

/** Each sweep model's final dev accuracy (null when it diverged or has none), as the sweep chart draws it. */
export function sweepPoints(series: RunSeries, models: readonly LabModel[]): SweepPoint[] {
  return series.models.map((m, i) => {
    const diverged = models[i]?.status === 'diverged';
    const acc = m.devAccuracy.last();
    return {
      learningRate: models[i]?.learningRate ?? Number.NaN,
      batchNorm: models[i]?.batchNorm ?? false,
      accuracy: diverged || !Number.isFinite(acc) ? null : acc,
      diverged,
    };
  });
}

/** "Does it help?": the finished sweep of run `runId` (the one Reveal started), judged on its good-α counts. */
export function sweepOutcome(state: LabState, runId: number | null): SceneOutcome | null {
  if (runId === null || state.runId !== runId || state.kind !== 'sweep' || state.status !== 'finished')
    return null;
  if (!state.series) return null;
  const s = summarizeSweep(sweepPoints(state.series, state.models));
  const on = s.withBn.good.length;
  const off = s.withoutBn.good.length;
  return {
    choice: judgeRange(on, off),
    detail: `${on} of ${s.withBn.values} α good with batch norm, ${off} of ${s.withoutBn.values} without (good: dev accuracy ≥ ${formatPercent(s.threshold)})`,
  };
}

/** "Normalizing inputs": the two bowls' largest converging α and their ratio. */
export function ratioOutcome(
  largest: { raw: number | null; normalized: number | null } | null,
): SceneOutcome | null {
  if (!largest) return null;
  const { raw, normalized } = largest;
  const ratio = raw && normalized ? normalized / raw : Number.NaN;
  return {
    choice: raw !== null && normalized !== null ? judgeRatio(raw, normalized) : null,
    detail: `largest converging α ${raw === null ? 'none' : formatRate(raw)} raw, ${
      normalized === null ? 'none' : formatRate(normalized)
    } normalized (${Number.isFinite(ratio) ? `${ratio.toPrecision(3)}×` : 'no ratio'})`,
  };
}

/**
 * "Test time": the one-example-at-a-time reading Reveal made (a later press of the panel's button does
 * not change the answer), judged against chance (one over the dev set's classes) and the running
 * averages. Null until that reading is there.
 */
export function testTimeOutcome(reading: TestTimeReading | null): SceneOutcome | null {
  const one = reading?.modes.oneAtATime;
  if (!reading || !one) return null;
  const classes = new Set(one.labels).size;
  const bs = one.batchStatisticsAccuracy;
  const ra = one.runningAveragesAccuracy;
  return {
    choice: judgeOneExample(bs, ra, classes),
    detail: `one example at a time at step ${reading.modes.step}, ${formatPercent(bs)} with its own batch statistics, ${formatPercent(
      ra,
    )} with the running averages (chance: ${formatPercent(1 / classes)}, ${classes} classes)`,
  };
}
