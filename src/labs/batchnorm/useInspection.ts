// Reads one layer and unit of the live network from the worker: again when the network is rebuilt,
// when the choice changes, and about once a second while it trains.
import { useEffect, useState } from 'react';
import type { InspectResult } from '../../core/inspection';
import { useLab } from './LabContext';

export function useInspection(
  layer: number,
  unit: number,
  batchSeed: number | null,
  biasShift?: number,
): { result: InspectResult | null; error: string | null; live: boolean } {
  const { runId, kind, status, networkVersion, request } = useLab((s) => ({
    runId: s.runId,
    kind: s.kind,
    status: s.status,
    networkVersion: s.networkVersion,
    request: s.request,
  }));
  const [result, setResult] = useState<InspectResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const live = kind === 'live' && runId !== null && status !== 'starting' && status !== 'idle';

  useEffect(() => {
    if (!(live && status === 'running')) return;
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, [live, status]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick and networkVersion ask for a fresh read
  useEffect(() => {
    if (!live || runId === null) return;
    let cancelled = false;
    request({ type: 'inspect', runId, model: 0, layer, unit, batchSeed, biasShift })
      .then((r) => {
        if (!cancelled) {
          setResult(r);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [live, runId, layer, unit, batchSeed, biasShift, tick, networkVersion, request, status]);

  return { result, error, live };
}
