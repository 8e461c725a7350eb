// "Repeat over seeds", measured: each strategy's best score on every seed, how often random and
// quasi-random beat the grid (counted from these rows, so the sentence and the table agree), the
// verdict with its reason, and where the grid won, why.
import { useMemo } from 'react';
import { repeatSummary, type SeedRow, seedRows } from '../../core/search/repeat';
import type { SearchSpace } from '../../core/search/space';
import type { Strategy } from '../../core/search/strategies';
import { formatValue } from './plotAxes';
import { costText } from './costText';
import { comparisonRound, comparisonSeeds, scoredTrials } from './comparisonView';
import { isActive } from './searchStore';
import { useSearch } from './useSearchStore';

const COLUMNS: { strategy: Strategy; label: string }[] = [
  { strategy: 'grid', label: 'Grid' },
  { strategy: 'random', label: 'Random' },
  { strategy: 'quasi', label: 'Quasi-random' },
];

function BestCell({ row, strategy }: { row: SeedRow; strategy: Strategy }) {
  const b = row.best[strategy];
  if (!b) return <td>—</td>;
  const others = COLUMNS.map((c) => row.best[c.strategy]?.score ?? Number.POSITIVE_INFINITY);
  const lowest = b.score <= Math.min(...others);
  return (
    <td className={lowest ? 'search-repeat-lowest' : undefined}>
      {costText(b.score)}
      <span className="search-repeat-alpha"> at α {formatValue('learningRate', b.values.learningRate)}</span>
    </td>
  );
}

const verdictMark = (v: boolean | null): string => (v === null ? '—' : v ? 'yes' : 'no');

export function RepeatResults({ space }: { space: SearchSpace }) {
  const { rounds, trials, seed, status, shownSeed, showSeed } = useSearch((s) => ({
    rounds: s.rounds,
    trials: s.trials,
    seed: s.seed,
    status: s.status,
    shownSeed: s.shownSeed,
    showSeed: s.showSeed,
  }));
  const round = comparisonRound(rounds);
  const seeds = comparisonSeeds(round, seed);
  const scored = useMemo(() => scoredTrials(trials, seed), [trials, seed]);
  const rows = useMemo(() => seedRows(space, scored, seeds), [space, scored, seeds]);
  const summary = useMemo(() => repeatSummary(space, rows, scored), [space, rows, scored]);
  if (!round) return null;
  const running = isActive(status);
  const shown = shownSeed ?? seed;
  return (
    <section className="search-repeat" aria-label="Repeated over seeds">
      <h3>{seeds.length === 1 ? `Seed ${seeds[0]}` : `Over ${seeds.length} seeds`}</h3>
      <p className="search-repeat-lines">
        {running ? 'So far (still training): ' : ''}
        <output aria-label="Random vs grid over seeds">{summary.randomLine}</output>;{' '}
        <output aria-label="Quasi-random vs grid over seeds">{summary.quasiLine}</output>.
      </p>
      <output className="search-repeat-verdict" aria-label="Verdict">
        {summary.verdict}
      </output>
      <table className="search-repeat-table" aria-label="Best dev cost per seed">
        <thead>
          <tr>
            <th scope="col">Seed</th>
            {COLUMNS.map((c) => (
              <th key={c.strategy} scope="col">
                {c.label}
              </th>
            ))}
            <th scope="col">Random &lt; grid</th>
            <th scope="col">Quasi-random &lt; grid</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.seed} aria-current={r.seed === shown ? 'true' : undefined}>
              <th scope="row">
                <button
                  type="button"
                  className="search-repeat-seed"
                  aria-pressed={r.seed === shown}
                  onClick={() => showSeed(r.seed)}
                  title="Show this seed's samples in the three panels above"
                >
                  {r.seed}
                </button>
              </th>
              {COLUMNS.map((c) => (
                <BestCell key={c.strategy} row={r} strategy={c.strategy} />
              ))}
              <td>{verdictMark(r.randomWins)}</td>
              <td>{verdictMark(r.quasiWins)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.some((r) => r.gridWhy) ? (
        <ul className="search-repeat-why" aria-label="Where the grid won">
          {rows
            .filter((r) => r.gridWhy)
            .map((r) => (
              <li key={r.seed}>
                Seed {r.seed}: {r.gridWhy}
              </li>
            ))}
        </ul>
      ) : null}
    </section>
  );
}
