// A panel's reading of one layer and unit of the live network. The store re-reads it whenever the
// network changes (its probe frames while it trains, a step, a rebuild); the panel only watches.
import { useEffect } from 'react';
import type { InspectResult } from '../../core/inspection';
import { useLab } from './LabContext';
import { inspectionKey } from './labStore';

export function useInspection(
  layer: number,
  unit: number,
  batchSeed: number | null,
  biasShift?: number,
  model = 0,
): { result: InspectResult | null; error: string | null; live: boolean } {
  const key = inspectionKey({ model, layer, unit, batchSeed, biasShift });
  const { entry, live, watch } = useLab((s) => ({
    entry: s.inspections[key],
    live: s.kind === 'live' && s.runId !== null && s.status !== 'starting' && s.status !== 'idle',
    watch: s.watchInspection,
  }));
  useEffect(
    () => watch({ model, layer, unit, batchSeed, biasShift }),
    [watch, model, layer, unit, batchSeed, biasShift],
  );
  return { result: entry?.result ?? null, error: entry?.error ?? null, live };
}
