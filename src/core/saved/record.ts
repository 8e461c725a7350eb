// Saved work as the browser keeps it: one record per saved run, study, comparison or panda tree.
// The envelope (name, lab, date, key settings, best dev cost, the link to train again, the curves to
// overlay) is the same for every lab and is checked here; each lab reads its own payload. Records carry
// the version they were written in: an older one is migrated when a step exists, or skipped with a
// notice naming it, and a record that fails the check is skipped the same way, never shown half-read
// (readRecord.ts: the check uses zod, which only the Saved screen's chunk loads).

export const SAVED_VERSION = 1;
export const SAVED_LABS = ['playground', 'search', 'batchnorm', 'panda'] as const;
export type SavedLab = (typeof SAVED_LABS)[number];

export interface SavedCurve {
  label: string;
  trainStep: number[];
  trainCost: number[];
  devStep: number[];
  devCost: number[];
  devAccuracy: number[];
}

export interface SavedSetting {
  key: string;
  label: string;
  value: string;
}

/** One saved item. The envelope is the same for every lab; `payload` is the lab's own (it checks it). */
export interface SavedRecord {
  id: string;
  version: typeof SAVED_VERSION;
  lab: SavedLab;
  name: string;
  createdAt: string;
  /** What it was, in a few settings a learner recognises (shown in the list, compared side by side). */
  settings: SavedSetting[];
  bestDevCost: number | null;
  /** The lab's link (hash without '#'), to train it again. */
  link: string;
  /** The curves worth overlaying in a comparison (downsampled). */
  curves: SavedCurve[];
  /** The lab's own data to reopen it as it was. */
  payload: Record<string, unknown>;
}

/** One curve of a series for saving: at most `maxPoints` per column, thinned evenly (ends kept). */
export function thinCurve(
  label: string,
  columns: {
    trainStep: ArrayLike<number>;
    trainCost: ArrayLike<number>;
    devStep: ArrayLike<number>;
    devCost: ArrayLike<number>;
    devAccuracy: ArrayLike<number>;
  },
  maxPoints = 300,
): SavedCurve {
  const pick = (n: number): number[] => {
    if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
    return Array.from({ length: maxPoints }, (_, i) => Math.round((i * (n - 1)) / (maxPoints - 1)));
  };
  const train = pick(columns.trainStep.length);
  const dev = pick(columns.devStep.length);
  return {
    label,
    trainStep: train.map((i) => columns.trainStep[i]),
    trainCost: train.map((i) => columns.trainCost[i]),
    devStep: dev.map((i) => columns.devStep[i]),
    devCost: dev.map((i) => columns.devCost[i]),
    devAccuracy: dev.map((i) => columns.devAccuracy[i]),
  };
}

/** The lowest finite dev cost of any curve (null when none was measured). */
export function bestDevCostOf(curves: readonly SavedCurve[]): number | null {
  let best = Number.POSITIVE_INFINITY;
  for (const c of curves) for (const v of c.devCost) if (Number.isFinite(v) && v < best) best = v;
  return Number.isFinite(best) ? best : null;
}

/** The settings that differ between records, in the order they first appear: what a comparison shows. */
export function differingSettings(
  records: readonly SavedRecord[],
): { key: string; label: string; values: string[] }[] {
  const keys: { key: string; label: string }[] = [];
  for (const r of records)
    for (const s of r.settings)
      if (!keys.some((k) => k.key === s.key)) keys.push({ key: s.key, label: s.label });
  return keys
    .map(({ key, label }) => ({
      key,
      label,
      values: records.map((r) => r.settings.find((s) => s.key === key)?.value ?? '—'),
    }))
    .filter((row) => new Set(row.values).size > 1);
}
