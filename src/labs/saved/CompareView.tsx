// Two to four saved items side by side: their best curves on one chart with a legend, and a table of
// the settings that differ with what each reached.
import { useMemo } from 'react';
import { differingSettings, type SavedRecord } from '../../core/saved/record';
import { CurvesPlot } from '../../ui/CurvesPlot';
import { costDomain, stepDomain } from '../../ui/costChartData';
import { formatCost } from '../../ui/format';
import { compareLines } from './compareLines';

export function CompareView({ records }: { records: readonly SavedRecord[] }) {
  const lines = useMemo(() => compareLines(records), [records]);
  const diff = useMemo(() => differingSettings(records), [records]);
  const maxStep = Math.max(1, ...lines.flatMap((l) => l.points.map((p) => p.step)));
  const yDomain = costDomain(lines, false) ?? [0, 1];
  return (
    <section className="saved-compare" aria-label="Comparison">
      <h2>Compared: {records.length} saved items</h2>
      <figure className="saved-compare-chart" aria-label="Compared curves">
        <div className="saved-chart-box">
          <CurvesPlot
            lines={lines}
            xDomain={stepDomain(maxStep)}
            yDomain={yDomain}
            strokeWidth={2}
            fontSize={12}
          />
        </div>
        <figcaption>
          <ul className="saved-legend" aria-label="Legend">
            {lines.map((l) => (
              <li key={l.key}>
                <span className="saved-swatch" style={{ background: l.color }} aria-hidden="true" />
                {l.name}
              </li>
            ))}
          </ul>
          Each item’s best curve (lowest dev cost): dev cost against step (the panda’s path: its train cost).
        </figcaption>
      </figure>
      <div className="saved-table-box">
        <table className="saved-table" aria-label="Settings that differ">
          <thead>
            <tr>
              <th scope="col">Setting</th>
              {records.map((r) => (
                <th scope="col" key={r.id}>
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {diff.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, i) => (
                  <td key={records[i].id}>{v}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">best dev cost</th>
              {records.map((r) => (
                <td key={r.id}>{r.bestDevCost === null ? '—' : formatCost(r.bestDevCost)}</td>
              ))}
            </tr>
          </tbody>
        </table>
        {diff.length === 0 ? (
          <p className="hint">Their settings are the same: only the outcome differs.</p>
        ) : null}
      </div>
    </section>
  );
}
