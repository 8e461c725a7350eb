// The live leaderboard: one row per trial, sortable by any column; pick a row to open it in the playground.
import { useMemo, useState } from 'react';
import { type HyperKey, hyperDef, searchedKeys } from '../../core/search/space';
import { formatPercent } from '../../ui/format';
import { formatValue } from './plotAxes';
import { bestTrial, type Trial } from './searchStore';
import { useSearch } from './useSearchStore';
import { useSelection } from './useSelection';
import { costText } from './costText';

type Column = 'id' | 'round' | 'strategy' | HyperKey | 'trainCost' | 'devCost' | 'devAccuracy' | 'status';

const STRATEGY_TEXT = { grid: 'grid', random: 'random', quasi: 'quasi-random' } as const;

const STATUS_TEXT: Record<Trial['status'], string> = {
  waiting: 'waiting',
  training: 'training',
  diverged: 'diverged',
  finished: 'finished',
  stopped: 'stopped',
};

function sortValue(t: Trial, c: Column): number | string {
  switch (c) {
    case 'id':
      return t.id;
    case 'round':
      return t.round;
    case 'strategy':
      return t.strategy;
    case 'trainCost':
    case 'devCost':
      // A diverged trial sorts last by cost.
      return t.status === 'diverged' || !Number.isFinite(t[c]) ? Number.POSITIVE_INFINITY : t[c];
    case 'devAccuracy':
      return t.status === 'diverged' || !Number.isFinite(t.devAccuracy)
        ? Number.NEGATIVE_INFINITY
        : t.devAccuracy;
    case 'status':
      return t.status;
    default:
      return t.values[c];
  }
}

/** A column's first click puts the best first: the highest accuracy, the lowest cost; else ascending. */
function firstClickDescending(c: Column): boolean {
  return c === 'devAccuracy';
}

export function Leaderboard() {
  const { trials, rounds, pickedTrial, pickTrial } = useSearch((s) => ({
    trials: s.trials,
    rounds: s.rounds,
    pickedTrial: s.pickedTrial,
    pickTrial: s.pickTrial,
  }));
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({
    column: 'devCost',
    descending: false,
  });
  const keys = rounds[0] ? searchedKeys(rounds[0].space) : [];
  const compare = rounds[0]?.strategy === 'compare';
  const best = bestTrial(trials);
  const { selected } = useSelection();
  const picked = pickedTrial ?? best?.id ?? null;

  const rows = useMemo(() => {
    const sign = sort.descending ? -1 : 1;
    return [...trials].sort((a, b) => {
      const va = sortValue(a, sort.column);
      const vb = sortValue(b, sort.column);
      if (va === vb) return a.id - b.id;
      if (typeof va === 'string' || typeof vb === 'string')
        return sign * String(va).localeCompare(String(vb));
      return sign * (va < vb ? -1 : 1);
    });
  }, [trials, sort]);

  const columns: { column: Column; label: string }[] = [
    { column: 'id', label: 'trial' },
    { column: 'round', label: 'round' },
    ...(compare ? [{ column: 'strategy' as Column, label: 'strategy' }] : []),
    ...keys.map((k) => ({ column: k as Column, label: hyperDef(k).label })),
    { column: 'trainCost', label: 'train cost' },
    { column: 'devCost', label: 'dev cost (score)' },
    { column: 'devAccuracy', label: 'dev accuracy' },
    { column: 'status', label: 'status' },
  ];

  return (
    <section className="panel search-leaderboard" aria-label="Leaderboard panel">
      <h2>Leaderboard</h2>
      {selected ? (
        <p className="hint">
          Highlighted: the {selected.size} trials inside the selection (brushed on the parallel coordinates or
          dragged on the scatter).
        </p>
      ) : null}
      {trials.length === 0 ? (
        <p className="hint">The trials appear here, live, once the study runs.</p>
      ) : null}
      <div className="search-table-scroll">
        <table aria-label="Leaderboard" className="search-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">pick</span>
              </th>
              {columns.map((c) => {
                const active = sort.column === c.column;
                return (
                  <th
                    key={c.column}
                    scope="col"
                    aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  >
                    <button
                      type="button"
                      className="search-sort"
                      onClick={() =>
                        setSort((s) => ({
                          column: c.column,
                          descending: s.column === c.column ? !s.descending : firstClickDescending(c.column),
                        }))
                      }
                    >
                      {c.label}
                      <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr
                key={t.id}
                className={`search-status-${t.status}${t.id === picked ? ' search-picked' : ''}${t.id === best?.id ? ' search-best' : ''}${selected ? (selected.has(t.id) ? ' search-selected' : ' search-unselected') : ''}`}
              >
                <td>
                  <input
                    type="radio"
                    name="search-pick"
                    aria-label={`Pick trial ${t.id}`}
                    checked={t.id === picked}
                    onChange={() => pickTrial(t.id)}
                  />
                </td>
                <td>
                  {t.id}
                  {t.id === best?.id ? <span className="search-badge">best</span> : null}
                </td>
                <td>{t.round + 1}</td>
                {compare ? <td>{STRATEGY_TEXT[t.strategy]}</td> : null}
                {keys.map((k) => (
                  <td key={k}>{formatValue(k, t.values[k])}</td>
                ))}
                <td>{t.status === 'diverged' ? '—' : costText(t.trainCost)}</td>
                <td>{t.status === 'diverged' ? '—' : costText(t.devCost)}</td>
                <td>{t.status === 'diverged' ? '—' : formatPercent(t.devAccuracy)}</td>
                <td title={t.reason}>{STATUS_TEXT[t.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
