// The page's memory of 'auto''s backend verdicts, by workload shape, in localStorage: timing every
// backend takes a second or two before a run's first point, and the verdict only depends on the
// shape of the timed slice (core/timingSlice.ts), so a second Train, even after a reload, sends the
// remembered verdict (StartRequest.knownBackend) and the worker skips the timing when that backend
// activates. Storage may be switched off or throw (private windows): then nothing is remembered.
import { BACKENDS, type BackendName, type DataConfig, type ModelSpec } from '../core/config';
import { dataShapeOf } from '../core/runEstimate';
import { sliceKey, timingSlice } from '../core/timingSlice';

export const BACKEND_MEMORY_KEY = 'playground.backendVerdicts';
/** Enough workload shapes for a course's worth of experiments; the oldest go first beyond it. */
const MAX_ENTRIES = 32;

/** What each verdict is known by: the same key the worker keeps its own verdicts under. */
export function verdictKey(data: DataConfig, models: ModelSpec[]): string {
  return sliceKey(data.dataset, timingSlice(dataShapeOf(data), models));
}

type Verdicts = Record<string, BackendName>;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function read(store: Storage): Verdicts {
  try {
    const parsed: unknown = JSON.parse(store.getItem(BACKEND_MEMORY_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    // Only backends this page knows: an edited or stale entry is dropped, not sent to the worker.
    return Object.fromEntries(
      Object.entries(parsed).filter(([, v]) => BACKENDS.includes(v as BackendName)),
    ) as Verdicts;
  } catch {
    return {};
  }
}

/** The verdict remembered for this run's workload shape, if any. */
export function rememberedBackend(
  data: DataConfig,
  models: ModelSpec[],
  store: Storage | null = storage(),
): BackendName | undefined {
  if (!store || models.length === 0) return undefined;
  return read(store)[verdictKey(data, models)];
}

/** Remembers 'auto''s verdict for this run's workload shape (newest last; the oldest dropped past the cap). */
export function rememberBackend(
  data: DataConfig,
  models: ModelSpec[],
  backend: BackendName,
  store: Storage | null = storage(),
): void {
  if (!store || models.length === 0) return;
  const key = verdictKey(data, models);
  const verdicts = read(store);
  delete verdicts[key];
  verdicts[key] = backend;
  const kept = Object.entries(verdicts).slice(-MAX_ENTRIES);
  try {
    store.setItem(BACKEND_MEMORY_KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Storage full or switched off: the next page load times the backends again.
  }
}
