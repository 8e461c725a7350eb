// What the finished trials say: dev cost against each searched hyperparameter (on its scale), a
// warning when the best sits at the edge of a range, the measured importance beside the course's
// tiers, and the picked trial opened in the playground with one click.

import { useMemo, useRef } from 'react';
import { ScrollBox } from '../../components/ScrollBox';
import { edgeWarnings } from '../../core/search/edges';
import { importance } from '../../core/search/importance';
import {
  axisDomain,
  type HyperKey,
  hyperDef,
  type SearchSpace,
  searchedKeys,
  TIER_TEXT,
  toAxis,
} from '../../core/search/space';
import { ChartExport } from '../../ui/ChartExport';
import { niceCeil } from '../../ui/costChartData';
import { formatCost, formatPercent } from '../../ui/format';
import { PALETTE } from '../../ui/palette';
import { costText } from './costText';
import { ParallelPlot } from './ParallelPlot';
import { axisTitle, formatValue, ticksFor } from './plotAxes';
import { PlotArea } from './ScatterPlot';
import { bestTrial, playgroundHash, settingsOf, shownSteps, type Trial } from './searchStore';
import { costColor, costRange } from './studyView';
import { useSearch } from './useSearchStore';
import { useSelection } from './useSelection';

const W = 300;
const H = 190;
const M = { left: 48, right: 10, top: 10, bottom: 44 };

function CostAgainst({ k, space, trials }: { k: HyperKey; space: SearchSpace; trials: readonly Trial[] }) {
  const d = space[k];
  const [a, b] = axisDomain(d);
  const discrete = d.scale === 'int' || d.scale === 'choice';
  const pad = discrete ? 0.5 : (b - a) * 0.04 || 0.5;
  const x0 = a - pad;
  const x1 = b + pad;
  const done = trials.filter((t) => t.status !== 'diverged' && Number.isFinite(t.devCost));
  const top = niceCeil(Math.max(0.1, ...done.map((t) => t.devCost)) * 1.05);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const sx = (t: number) => M.left + ((t - x0) / (x1 - x0)) * iw;
  const sy = (c: number) => M.top + ih - (Math.min(c, top) / top) * ih;
  const range = costRange(trials);
  const ticks = ticksFor(k, d, [a, b]);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={`Dev cost against ${hyperDef(k).label}`}
    >
      <PlotArea left={M.left} top={M.top} width={iw} height={ih} />
      {ticks.map((t) => (
        <text
          key={t.t}
          x={sx(t.t)}
          y={M.top + ih + 15}
          fontSize={10}
          textAnchor="middle"
          fill={PALETTE.muted}
        >
          {t.label}
        </text>
      ))}
      {[0, top / 2, top].map((c) => (
        <text key={c} x={M.left - 4} y={sy(c) + 3} fontSize={10} textAnchor="end" fill={PALETTE.muted}>
          {formatCost(c)}
        </text>
      ))}
      <text x={M.left + iw / 2} y={H - 6} fontSize={11} textAnchor="middle" fill={PALETTE.ink}>
        {axisTitle(k, d)}
      </text>
      {trials.map((t) => {
        const x = sx(toAxis(d, t.values[k]));
        if (t.status === 'diverged') {
          const y = M.top + 6;
          return (
            <path
              key={t.id}
              d={`M${x - 4} ${y - 4}L${x + 4} ${y + 4}M${x - 4} ${y + 4}L${x + 4} ${y - 4}`}
              stroke={PALETTE.diverged}
              strokeWidth={2}
            >
              <title>{`Trial ${t.id} diverged`}</title>
            </path>
          );
        }
        if (!Number.isFinite(t.devCost)) return null;
        return (
          <circle key={t.id} cx={x} cy={sy(t.devCost)} r={3.5} fill={costColor(t.devCost, range)}>
            <title>{`Trial ${t.id}: dev cost ${costText(t.devCost)}`}</title>
          </circle>
        );
      })}
    </svg>
  );
}

export function ResultsPanel() {
  const { trials, rounds, pickedTrial, optimizer, seed, steps, setParallelBrush } = useSearch((s) => ({
    trials: s.trials,
    rounds: s.rounds,
    pickedTrial: s.pickedTrial,
    optimizer: s.optimizer,
    seed: s.seed,
    steps: shownSteps(s),
    setParallelBrush: s.setParallelBrush,
  }));
  const selection = useSelection();
  const parallelRef = useRef<HTMLElement>(null);
  const space = rounds[0]?.space ?? null;
  const keys = space ? searchedKeys(space) : [];
  const ended = trials.filter(
    (t) => t.status === 'finished' || t.status === 'diverged' || t.status === 'stopped',
  );
  const best = bestTrial(trials);
  const picked = trials.find((t) => t.id === pickedTrial) ?? best;

  const measured = useMemo(() => {
    if (!space || ended.length < 4) return null;
    const axes = {} as Record<HyperKey, number[]>;
    for (const k of keys) axes[k] = ended.map((t) => toAxis(space[k], t.values[k]));
    return importance(
      axes,
      ended.map((t) => (t.status === 'diverged' ? Number.POSITIVE_INFINITY : t.devCost)),
    );
  }, [space, keys, ended]);

  const warnings = useMemo(() => {
    if (!space || !best) return [];
    const axes: Partial<Record<HyperKey, number>> = {};
    // A hyperparameter that measurably does nothing (ε, say) needs no wider range.
    for (const k of keys) if (!(measured && measured[k] < 0.1)) axes[k] = toAxis(space[k], best.values[k]);
    return edgeWarnings(space, axes);
  }, [space, keys, best, measured]);

  if (!space) {
    return (
      <section className="panel search-results" aria-label="Results">
        <h2>Results</h2>
        <p className="hint">Run a study to see what each hyperparameter did to the dev cost.</p>
      </section>
    );
  }

  const open = () => {
    if (!picked) return;
    window.location.hash = playgroundHash(picked, settingsOf({ optimizer, seed, steps }));
  };

  return (
    <section className="panel search-results" aria-label="Results">
      <h2>Results</h2>
      <div className="search-picked-trial">
        {picked ? (
          <p>
            {picked.id === best?.id ? 'Best trial' : 'Picked trial'}: #{picked.id} —{' '}
            {keys.map((k) => `${hyperDef(k).symbol} = ${formatValue(k, picked.values[k])}`).join(', ')}; dev
            cost {costText(picked.devCost)}, dev accuracy{' '}
            <output
              aria-label={picked.id === best?.id ? 'Best trial dev accuracy' : 'Picked trial dev accuracy'}
            >
              {Number.isNaN(picked.devAccuracy) ? '—' : formatPercent(picked.devAccuracy)}
            </output>
            .
          </p>
        ) : (
          <p className="hint">No trial has finished yet.</p>
        )}
        <button type="button" className="primary" onClick={open} disabled={!picked}>
          Open in playground
        </button>
      </div>
      {warnings.map((w) => (
        <p key={w.key} className="search-warning" role="status">
          {w.message}
        </p>
      ))}
      <div className="search-cost-grid">
        {keys.map((k) => (
          <CostAgainst key={k} k={k} space={space} trials={trials} />
        ))}
      </div>
      <figure className="search-pc-figure" aria-label="Parallel coordinates" ref={parallelRef}>
        <div className="panel-head">
          <h3>Parallel coordinates: every searched hyperparameter and the dev cost (score)</h3>
          <ChartExport name="Parallel coordinates" target={parallelRef} fileName="parallel-coordinates" />
        </div>
        {selection.rows.length > 0 ? (
          <div className="search-pc-scroll">
            <ParallelPlot
              space={space}
              trials={trials}
              rows={selection.rows}
              brush={selection.brush}
              selected={selection.selected}
              onBrush={setParallelBrush}
            />
          </div>
        ) : (
          <p className="hint">A line per trial appears here as the trials finish.</p>
        )}
        <figcaption>
          <p className="search-pc-status">
            <output aria-label="Selected trials">
              {selection.selected
                ? `${selection.selected.size} of ${selection.rows.length} trials selected`
                : `${selection.rows.length} trials, none brushed`}
            </output>
            {selection.brush ? (
              <button type="button" onClick={() => setParallelBrush(null)}>
                Clear brushes
              </button>
            ) : null}
          </p>
          <p className="hint">
            One line per finished trial, coloured by its dev cost (score) (dark = low);{' '}
            <span className="search-cross">red dashed</span>: diverged. Drag along any axis to brush a range
            (brushes on several axes combine; click an axis to clear its brush), or focus an axis with Tab and
            use ↑/↓ to move a brush, Shift+↑/↓ to resize it, PageUp/PageDown to widen or narrow it, Esc to
            clear it. The brushed hyperparameter ranges are the region <strong>Zoom in</strong> samples next.
          </p>
        </figcaption>
      </figure>
      <h3>Measured importance vs the course's tiers</h3>
      <ScrollBox label="Importance (table)">
        <table className="search-table search-importance" aria-label="Importance">
          <thead>
            <tr>
              <th scope="col">hyperparameter</th>
              <th scope="col">measured: share of the dev cost's ranking explained</th>
              <th scope="col">course tier</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => {
              const v = measured ? measured[k] : Number.NaN;
              return (
                <tr key={k}>
                  <th scope="row">{hyperDef(k).label}</th>
                  <td>
                    <span className="search-bar" aria-hidden="true">
                      <span style={{ width: `${Number.isFinite(v) ? Math.round(v * 100) : 0}%` }} />
                    </span>
                    <output aria-label={`Importance: ${hyperDef(k).label}`}>
                      {Number.isFinite(v) ? `${Math.round(v * 100)}%` : '—'}
                    </output>
                  </td>
                  <td>{TIER_TEXT[hyperDef(k).tier]}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <p className="hint">
        Importance bins the finished trials along each hyperparameter (on its scale) and measures how much of
        the spread in dev-cost rank the bins explain, minus what bins explain by chance. A diverged trial
        counts as the worst. With few trials it is a rough guide.
      </p>
    </section>
  );
}
