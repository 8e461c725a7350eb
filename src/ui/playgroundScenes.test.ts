import { describe, expect, it } from 'vitest';
import { decadeHistogram, sampleLearningRates } from '../core/sampling';
import { judgeCostRun, judgeShareBelow } from '../core/scenes/judges';
import { RunSeries } from '../state/runSeries';
import type { AppState } from '../state/store';
import { costRunOf, costRunOutcome, samplingOutcome } from './playgroundScenes';

function runWith(devCosts: number[], over: Partial<AppState> = {}) {
  const series = new RunSeries(1);
  for (const c of devCosts) series.models[0].devCost.push(c);
  return {
    runId: 7,
    status: 'finished' as AppState['status'],
    kind: 'single' as const,
    models: [{ learningRate: 0.3, status: 'finished' as const }],
    series,
    ...over,
  };
}

describe('costRunOf', () => {
  it('takes the first evaluation and the mean of the last three', () => {
    expect(costRunOf([1, 0.8, 0.5, 0.4, 0.3], false)).toEqual({
      startDevCost: 1,
      finalDevCost: (0.5 + 0.4 + 0.3) / 3,
      diverged: false,
    });
  });
  it('averages what there is when the run has fewer evaluations', () => {
    expect(costRunOf([0.7, 0.5], false)?.finalDevCost).toBeCloseTo(0.6);
  });
  it('has nothing to judge before the first evaluation, unless the run diverged', () => {
    expect(costRunOf([], false)).toBeNull();
    expect(costRunOf([], true)?.diverged).toBe(true);
  });
});

describe('costRunOutcome', () => {
  it('judges only the run Reveal started, once it has finished', () => {
    const state = runWith([0.7, 0.6, 0.3, 0.2, 0.1]);
    expect(costRunOutcome(state, null)).toBeNull();
    expect(costRunOutcome(state, 6)).toBeNull();
    expect(costRunOutcome({ ...state, status: 'running' }, 7)).toBeNull();
    const out = costRunOutcome(state, 7);
    expect(out?.choice).toBe('learns');
    expect(out?.detail).toBe('first dev cost 0.7, mean of the last 3 dev costs 0.2; last dev cost 0.1');
  });
  it('agrees with the judge on a run that barely moves', () => {
    const costs = [0.7, 0.69, 0.68, 0.67];
    const out = costRunOutcome(runWith(costs), 7);
    expect(out?.choice).toBe(judgeCostRun(costRunOf(costs, false) as never));
    expect(out?.choice).toBe('barely');
  });
  it('calls a diverged run unstable as soon as it diverges, and says so', () => {
    const out = costRunOutcome(
      runWith([0.7, Number.NaN], { status: 'running', models: [{ learningRate: 30, status: 'diverged' }] }),
      7,
    );
    expect(out?.choice).toBe('unstable');
    expect(out?.detail).toBe('the run diverged (first dev cost 0.7)');
  });
  it('ignores a population run', () => {
    expect(costRunOutcome({ ...runWith([0.7, 0.1]), kind: 'population' }, 7)).toBeNull();
  });
});

describe('samplingOutcome', () => {
  const asked = { scale: 'linear', lrMin: 1e-4, lrMax: 1, samples: 40, seed: 1 } as const;
  it('counts the panel’s own draws below 0.1 and judges their share', () => {
    const rates = sampleLearningRates('linear', 1e-4, 1, 40, 1);
    const below = rates.filter((r) => r < 0.1).length;
    const o = samplingOutcome(asked);
    expect(o.detail).toBe(`${below} of 40 draws (${Math.round((below / 40) * 100)} %) fell below 0.1`);
    expect(o.choice).toBe(judgeShareBelow(below, 40));
    // The scene's link (seed 1, 40 draws): a linear scale leaves few below 0.1.
    expect(o.choice).toBe('few');
  });
  it('agrees with the decade table: the rows below 0.1 add up to the count', () => {
    const rates = sampleLearningRates('linear', 1e-4, 1, 40, 1);
    const rows = decadeHistogram(rates, 1e-4, 1).filter((b) => b.high <= 0.1);
    const o = samplingOutcome(asked);
    expect(o.detail.startsWith(`${rows.reduce((n, b) => n + b.count, 0)} of 40`)).toBe(true);
  });
  it('answers no choice for draws the question does not ask about, and says why', () => {
    const log = samplingOutcome({ ...asked, scale: 'log' });
    expect(log.choice).toBeNull();
    expect(log.detail).toMatch(/on a log scale from 1e-4 to 1, not the linear draw from 10⁻⁴ to 1/);
    expect(samplingOutcome({ ...asked, lrMin: 1, lrMax: 0.1 }).choice).toBeNull();
  });
});
