// After "Train all" on each scale: the best dev cost and its α for linear and for log side by side, and
// how many models of each landed in the good region. Both populations stay until their scale trains again.
import { countGood, GOOD_FACTOR, goodThreshold, type PopulationSummary } from '../core/linearLogLesson';
import { Readout } from '../components/Readout';
import type { KeptPopulation } from '../state/store';
import { formatCost, formatRate } from './format';

const SCALES = [
  { scale: 'linear', label: 'Linear' },
  { scale: 'log', label: 'Log' },
] as const;

function bestText(p: PopulationSummary | undefined): string {
  if (!p) return '—';
  if (!Number.isFinite(p.bestDevCost)) return 'every model diverged';
  return `${formatCost(p.bestDevCost)} at α = ${formatRate(p.bestLearningRate)}`;
}

/** What this pair of runs measured, in words: which scale found the lower dev cost, and how many good models. */
export function verdict(linear: PopulationSummary, log: PopulationSummary, threshold: number): string {
  const gLin = countGood(linear, threshold);
  const gLog = countGood(log, threshold);
  const costs = `${formatCost(log.bestDevCost)} vs ${formatCost(linear.bestDevCost)}`;
  const first =
    log.bestDevCost < linear.bestDevCost
      ? `Log found the lower dev cost (${costs}).`
      : log.bestDevCost > linear.bestDevCost
        ? `Linear found the lower dev cost this time (${formatCost(linear.bestDevCost)} vs ${formatCost(log.bestDevCost)}): with few samples, luck can put one linear draw in a good spot.`
        : `Both found the same dev cost (${costs}).`;
  const below = (p: PopulationSummary) => p.learningRates.filter((a) => a < 0.1).length;
  return (
    `${first} Good models: ${gLog} of ${log.samples} on the log scale, ${gLin} of ${linear.samples} on the linear one. ` +
    `Linear drew ${below(linear)} of its ${linear.samples} α below 0.1, log drew ${below(log)}.`
  );
}

export function LinearLogComparison({
  populations,
}: {
  populations: Partial<Record<'linear' | 'log', KeptPopulation>>;
}) {
  const ran = SCALES.map((s) => populations[s.scale]).filter((p): p is KeptPopulation => p !== undefined);
  const threshold = goodThreshold(ran);
  const both = populations.linear && populations.log;
  return (
    <section className="linear-log" aria-label="Linear vs log results">
      <h3>Linear vs log, after training</h3>
      <div className="readouts linear-log-readouts">
        {SCALES.map(({ scale, label }) => (
          <Readout key={scale} label={`Best dev cost: ${label}`} value={bestText(populations[scale])} wide />
        ))}
        {SCALES.map(({ scale, label }) => {
          const p = populations[scale];
          return (
            <Readout
              key={`good-${scale}`}
              label={`Good models: ${label}`}
              value={p && threshold !== null ? `${countGood(p, threshold)} of ${p.samples}` : '—'}
            />
          );
        })}
      </div>
      {populations.linear && populations.log && threshold !== null ? (
        <p className="linear-log-verdict">{verdict(populations.linear, populations.log, threshold)}</p>
      ) : null}
      <p className="hint">
        {threshold !== null
          ? `"Good" here: a final dev cost within ${Math.round((GOOD_FACTOR - 1) * 100)} % of the best model of both populations together, so at most ${formatCost(threshold)}. `
          : '"Good" will mean a final dev cost within 10 % of the best model of both populations together. '}
        {both
          ? 'Both populations are kept: the chart shows the earlier one faded behind the latest.'
          : 'Train all once with Linear and once with Log to compare them; the earlier one stays on the chart, faded.'}
      </p>
    </section>
  );
}
