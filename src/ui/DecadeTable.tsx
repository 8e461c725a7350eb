// How many samples fell in each decade, next to what the scale promises on average and how far a small
// count strays from it by chance; below, what each scale gives every decade, in shares that sum to 100 %.

import { PowerOfTen } from '../components/PowerOfTen';
import { ScrollBox } from '../components/ScrollBox';
import type { SamplingScale } from '../core/config';
import { binomialSpread, type DecadeBin, expectedShare, percentagesSummingTo100 } from '../core/sampling';

export interface DecadeTableProps {
  bins: readonly DecadeBin[];
  scale: SamplingScale;
  lo: number;
  hi: number;
}

/** "4 ± 1.7": one decimal, dropped when it is a whole number. */
export function formatCount(value: number): string {
  const r = Math.round(value * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

export function DecadeTable({ bins, scale, lo, hi }: DecadeTableProps) {
  const n = bins.reduce((a, b) => a + b.count, 0);
  const most = Math.max(1, ...bins.map((b) => b.count));
  const shares = percentagesSummingTo100(bins.map((b) => b.count));
  const expected = (s: SamplingScale) => bins.map((b) => expectedShare(s, lo, hi, b.low, b.high));
  // Expected shares in hundredths of a percent, so that 0.09 % survives the rounding to whole points.
  const linearPct = percentagesSummingTo100(expected('linear').map((p) => Math.round(p * 1e4)));
  const logPct = percentagesSummingTo100(expected('log').map((p) => Math.round(p * 1e4)));
  const mine = expected(scale);
  return (
    <div className="decade-table">
      <ul className="decade-list" aria-label="Samples per decade">
        {bins.map((b, i) => {
          const { mean, sd } = binomialSpread(n, mine[i]);
          return (
            <li key={b.exponent}>
              <span className="decade-text">
                <PowerOfTen exponent={b.exponent} /> – <PowerOfTen exponent={b.exponent + 1} />
              </span>
              <span className="decade-bar" aria-hidden="true">
                <span style={{ width: `${(b.count / most) * 100}%` }} />
                {/* The band a count usually falls in by chance alone: mean ± one standard deviation. */}
                <i
                  className="decade-band"
                  style={{
                    left: `${(Math.max(0, mean - sd) / most) * 100}%`,
                    width: `${(Math.min(most, mean + sd) / most - Math.max(0, mean - sd) / most) * 100}%`,
                  }}
                />
              </span>
              <span className="decade-expect">{`expect ${formatCount(mean)} ± ${formatCount(sd)}`}</span>
              <span className="decade-count">{`${shares[i]} % · ${b.count} ${b.count === 1 ? 'sample' : 'samples'}`}</span>
            </li>
          );
        })}
      </ul>
      <ScrollBox label="Share of samples each decade gets on average (table)">
        <table className="scale-table" aria-label="Share of samples each decade gets on average">
          <caption>On average (shares sum to 100 %)</caption>
          <thead>
            <tr>
              <th scope="col">Decade</th>
              <th scope="col">Linear</th>
              <th scope="col">Log</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b, i) => (
              <tr key={b.exponent}>
                <th scope="row">
                  <PowerOfTen exponent={b.exponent} /> – <PowerOfTen exponent={b.exponent + 1} />
                </th>
                <td>{`${linearPct[i]} %`}</td>
                <td>{`${logPct[i]} %`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </div>
  );
}
