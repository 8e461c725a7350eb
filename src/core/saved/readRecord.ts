// Reading saved work back: a record migrated to this version and checked with zod, or the notice that
// says why it is skipped. Only the Saved screen reads records, so zod stays out of the main bundle.
import { z } from 'zod';
import { SAVED_LABS, SAVED_VERSION, type SavedRecord } from './record';

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

const savedRecordSchema = z.object({
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
  if (parsed.success) return { ok: true, record: parsed.data as SavedRecord };
  const issue = parsed.error.issues[0];
  const where =
    issue.path.length > 0 ? ` (${issue.path.join('.')}: ${issue.message})` : ` (${issue.message})`;
  return { ok: false, notice: `${name} is damaged${where}: skipped.` };
}
