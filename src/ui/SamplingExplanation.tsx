// Why sample α on a log scale, with the arithmetic of the first sample worked out live.
import type { SamplingScale } from '../core/config';
import { formatExponent, formatRate } from './format';

export interface SamplingExplanationProps {
  scale: SamplingScale;
  lo: number;
  hi: number;
  first: number | undefined;
  /** Fraction of the samples in the top decade. */
  topDecadeShare: number;
}

export function SamplingExplanation({ scale, lo, hi, first, topDecadeShare }: SamplingExplanationProps) {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  const share = `${Math.round(topDecadeShare * 100)}%`;
  if (scale === 'log') {
    const r = first !== undefined ? Math.log10(first) : Number.NaN;
    const rand = (r - a) / (b - a);
    return (
      <div className="explanation">
        <p>
          Log scale: draw <code>r = a + (b − a)·rand</code> uniformly, then use <code>α = 10^r</code>. Every
          decade between 10^{formatExponent(a)} and 10^{formatExponent(b)} gets the same share of samples.
        </p>
        {first !== undefined ? (
          <p className="worked">
            First sample: rand = {rand.toFixed(3)} → r = {formatExponent(a)} + ({formatExponent(b)} −{' '}
            {formatExponent(a)})·{rand.toFixed(3)} = {formatExponent(r)} → α = 10^{formatExponent(r)} ={' '}
            {formatRate(first)}
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
