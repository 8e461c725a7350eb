// Saved work as the browser keeps it: one record per saved run, study, comparison or panda tree.
// The envelope (name, lab, date, key settings, best dev cost, the link to train again, the curves to
// overlay) is the same for every lab and is checked here; each lab reads its own payload. Records carry
// the version they were written in: an older one is migrated when a step exists, or skipped with a
// notice naming it, and a record that fails the check is skipped the same way, never shown half-read.
import { z } from 'zod';

export const SAVED_VERSION = 1;
export const SAVED_LABS = ['playground', 'search', 'batchnorm', 'panda'] as const;
export type SavedLab = (typeof SAVED_LABS)[number];

/** Any number, NaN and ∞ included: a diverged curve's costs are kept as they were. */
const anyNumber = z.custom<number>((v) => typeof v === 'number', 'must be a number');

const curveSchema = z.object({
  label: z.string(),
  trainStep: z.array(anyNumber),
  trainCost: z.array(anyNumber),
  devStep: z.array(anyNumber),
  devCost: z.array(anyNumber),
  devAccuracy: z.array(anyNumber),
});

export const savedRecordSchema = z.object({
  id: z.string().min(1),
  version: z.literal(SAVED_VERSION),
  lab: z.enum(SAVED_LABS),
  name: z.string(),
  createdAt: z.string(),
  /** What it was, in a few settings a learner recognises (shown in the list, compared side by side). */
  settings: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  bestDevCost: z.number().nullable(),
  /** The lab's link (hash without '#'), to train it again. */
  link: z.string(),
  /** The curves worth overlaying in a comparison (downsampled). */
  curves: z.array(curveSchema),
  /** The lab's own data to reopen it as it was; each lab checks its own. */
  payload: z.record(z.string(), z.unknown()),
});

export type SavedRecord = z.infer<typeof savedRecordSchema>;
export type SavedCurve = z.infer<typeof curveSchema>;
export type SavedSetting = SavedRecord['settings'][number];

/** Steps from an older version to the next; none yet (version 1 is the first). */
const MIGRATIONS: Record<number, (record: Record<string, unknown>) => Record<string, unknown>> = {};

export type ReadRecord = { ok: true; record: SavedRecord } | { ok: false; notice: string };

function nameOf(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'name' in raw && typeof raw.name === 'string')
    return `“${raw.name}”`;
  return 'A saved record';
}

/** A record as read back from storage: migrated to this version and checked, or why it is skipped. */
export function readRecord(raw: unknown): ReadRecord {
  const name = nameOf(raw);
  if (typeof raw !== 'object' || raw === null)
    return { ok: false, notice: `${name} is unreadable: skipped.` };
  let record = raw as Record<string, unknown>;
  let version = typeof record.version === 'number' ? record.version : 0;
  if (version > SAVED_VERSION)
    return { ok: false, notice: `${name} was saved by a newer version of this page (${version}): skipped.` };
  while (version < SAVED_VERSION) {
    const step = MIGRATIONS[version];
    if (!step)
      return {
        ok: false,
        notice: `${name} was saved by an older version of this page (${version}) that cannot be read any more: skipped.`,
      };
    record = step(record);
    version += 1;
  }
  const parsed = savedRecordSchema.safeParse(record);
  if (parsed.success) return { ok: true, record: parsed.data };
  const issue = parsed.error.issues[0];
  const where =
    issue.path.length > 0 ? ` (${issue.path.join('.')}: ${issue.message})` : ` (${issue.message})`;
  return { ok: false, notice: `${name} is damaged${where}: skipped.` };
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
