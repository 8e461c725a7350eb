// How many samples fell in each decade: even on a log scale, piled into the top decade on a linear one.
import type { DecadeBin } from '../core/sampling';

export function DecadeTable({ bins }: { bins: readonly DecadeBin[] }) {
  const most = Math.max(1, ...bins.map((b) => b.count));
  return (
    <ul className="decade-list" aria-label="Samples per decade">
      {bins.map((b) => (
        <li key={b.exponent}>
          <span className="decade-text">{`10^${b.exponent} – 10^${b.exponent + 1}: ${b.count}`}</span>
          <span className="decade-bar" aria-hidden="true">
            <span style={{ width: `${(b.count / most) * 100}%` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}
