// Why sample α on a log scale, with the arithmetic of the first sample worked out live.
import type { SamplingScale } from '../core/config';
import { binomialSpread } from '../core/sampling';
import { formatCount } from './DecadeTable';
import { PowerOfTen } from '../components/PowerOfTen';
import { formatExponent, formatRate } from './format';

export interface SamplingExplanationProps {
  scale: SamplingScale;
  lo: number;
  hi: number;
  first: number | undefined;
  /** Fraction of the samples in the top decade. */
  topDecadeShare: number;
  /** How many α were drawn, and how many decades they spread over (for the noise of the counts). */
  samples: number;
  decades: number;
}

/** What chance does to a decade's count: n draws, each landing in the decade with probability p. */
export function noiseSentence(samples: number, p: number): string {
  const { mean, sd } = binomialSpread(samples, p);
  const low = Math.max(0, Math.round(mean - 2 * sd));
  const high = Math.min(samples, Math.round(mean + 2 * sd));
  return (
    `With ${samples} samples a decade expects ${formatCount(mean)} ± ${formatCount(sd)} ` +
    `(one standard deviation of a binomial count, √(n·p·(1 − p))), and anything from ${low} to ${high} ` +
    'happens by chance alone. Uneven bars on a few samples are noise, not a flaw of the scale; more samples even them out.'
  );
}

export function SamplingExplanation({
  scale,
  lo,
  hi,
  first,
  topDecadeShare,
  samples,
  decades,
}: SamplingExplanationProps) {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  const share = `${Math.round(topDecadeShare * 100)}%`;
  if (scale === 'log') {
    const r = first !== undefined ? Math.log10(first) : Number.NaN;
    const rand = (r - a) / (b - a);
    return (
      <div className="explanation">
        <p>
          Log scale: draw <code>r = a + (b − a)·rand</code> uniformly, then use{' '}
          <code>
            α = 10<sup>r</sup>
          </code>
          . Every decade between <PowerOfTen exponent={formatExponent(a)} /> and{' '}
          <PowerOfTen exponent={formatExponent(b)} /> gets the same share of samples <em>on average</em>.
        </p>
        {decades > 0 ? (
          <p className="noise-note">{noiseSentence(samples, Math.min(1, 1 / decades))}</p>
        ) : null}
        {first !== undefined ? (
          <p className="worked">
            First sample: rand = {rand.toFixed(3)} → r = {formatExponent(a)} + ({formatExponent(b)} −{' '}
            {formatExponent(a)})·{rand.toFixed(3)} = {formatExponent(r)} → α ={' '}
            <PowerOfTen exponent={formatExponent(r)} /> = {formatRate(first)}
          </p>
        ) : null}
      </div>
    );
  }
  const rand = first !== undefined ? (first - lo) / (hi - lo) : Number.NaN;
  return (
    <div className="explanation">
      <p>
        Linear scale: <code>α = lo + (hi − lo)·rand</code>. The top decade alone spans about 90% of the range,
        so it gets about 90% of the samples (here {share}) and the small rates are barely tried. Switch to Log
        to compare.
      </p>
      {first !== undefined ? (
        <p className="worked">
          First sample: rand = {rand.toFixed(3)} → α = {formatRate(lo)} + ({formatRate(hi)} − {formatRate(lo)}
          )·
          {rand.toFixed(3)} = {formatRate(first)}
        </p>
      ) : null}
    </div>
  );
}
