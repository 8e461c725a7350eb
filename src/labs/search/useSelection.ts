// The trials the current selection holds: those inside every interval brushed on the parallel
// coordinates (or dragged on the scatter), on the axes of the first round's space.
import { useMemo } from 'react';
import { type ParallelBrush, type ParallelRow, parallelRow, selectRows } from '../../core/search/parallel';
import type { SearchSpace } from '../../core/search/space';
import type { Region } from '../../core/search/zoom';
import type { Trial } from './searchStore';
import { useSearch } from './useSearchStore';

export interface Selection {
  space: SearchSpace | null;
  /** One row per ended trial (finished or stopped with a dev cost, or diverged). */
  rows: ParallelRow[];
  brush: ParallelBrush | null;
  /** Ids inside the brush; null when nothing is brushed. */
  selected: Set<number> | null;
}

export function endedRows(trials: readonly Trial[], space: SearchSpace): ParallelRow[] {
  return trials
    .filter(
      (t) =>
        t.status === 'diverged' ||
        ((t.status === 'finished' || t.status === 'stopped') && Number.isFinite(t.devCost)),
    )
    .map((t) => parallelRow(t.id, space, t.values, t.devCost, t.status === 'diverged'));
}

export function parallelBrushOf(brush: Region | null, cost: [number, number] | null): ParallelBrush | null {
  if (!brush && !cost) return null;
  return { ...(brush ?? {}), ...(cost ? { devCost: cost } : {}) };
}

export function useSelection(): Selection {
  const { trials, rounds, brush, costBrush } = useSearch((s) => ({
    trials: s.trials,
    rounds: s.rounds,
    brush: s.brush,
    costBrush: s.costBrush,
  }));
  const space = rounds[0]?.space ?? null;
  return useMemo(() => {
    if (!space) return { space, rows: [], brush: null, selected: null };
    const rows = endedRows(trials, space);
    const pc = parallelBrushOf(brush, costBrush);
    return { space, rows, brush: pc, selected: selectRows(rows, pc) };
  }, [space, trials, brush, costBrush]);
}
