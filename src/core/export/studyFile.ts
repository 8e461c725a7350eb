// A study as a file: what "Export study (JSON)" writes, what "Import study" reads, what a saved study
// holds, and what the exported Optuna script writes with --out. Plain data, checked with a zod schema
// on the way in, so a malformed file is refused with the reason and nothing else changes.
import { z } from 'zod';
import { OPTIMIZERS } from '../config';
import { HYPER_KEYS, type HyperKey, type SearchSpace } from '../search/space';
import { STRATEGIES } from '../search/strategies';
import type { Round, Trial } from '../search/study';

export const STUDY_FILE_FORMAT = 'hyperparameter-playground/study';
export const STUDY_FILE_VERSION = 1;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
/** Costs may be missing (null) where a trial has none yet, or NaN in memory. */
const cost = z.number().nullable();

const dimension = z.discriminatedUnion('scale', [
  z.object({ scale: z.literal('fixed'), value: finite }),
  z.object({ scale: z.enum(['linear', 'log', 'oneMinusLog', 'int']), low: finite, high: finite }),
  z.object({ scale: z.literal('choice'), choices: z.array(finite).min(1) }),
]);

const hyperKey = z.enum(HYPER_KEYS as [HyperKey, ...HyperKey[]]);
// A record keyed by an enum is exhaustive in zod 4: a space or a trial must name every hyperparameter.
const space = z.record(hyperKey, dimension);
const values = z.record(hyperKey, finite);

/** A trial's curve, downsampled: steps and values side by side. */
const curve = z.object({
  trainStep: z.array(finite),
  trainCost: z.array(cost),
  devStep: z.array(finite),
  devCost: z.array(cost),
  devAccuracy: z.array(cost),
});

const strategy = z.enum(STRATEGIES as [string, ...string[]]);

const trial = z.object({
  id: z.number().int().positive(),
  round: z.number().int().min(0),
  strategy,
  values,
  status: z.enum(['waiting', 'training', 'diverged', 'finished', 'stopped']),
  trainCost: cost,
  devCost: cost,
  devAccuracy: cost,
  steps: z.number().int().min(0),
  reason: z.string().optional(),
  curve: curve.optional(),
});

const round = z.object({
  index: z.number().int().min(0),
  space,
  strategy: z.union([strategy, z.literal('compare')]),
  region: z.partialRecord(hyperKey, z.tuple([finite, finite])).nullable(),
  trialIds: z.array(z.number().int().positive()),
});

export const studyFileSchema = z
  .object({
    format: z.literal(STUDY_FILE_FORMAT),
    version: z.literal(STUDY_FILE_VERSION),
    /** Who ran it: this page, or an exported script on a machine of its own. */
    source: z.enum(['playground', 'optuna']),
    /**
     * Optional (source "optuna"): the Optuna sampler that drew the trials. `strategy` then names the
     * nearest lab strategy (random for random and TPE, quasi for QMC, grid for grid).
     */
    sampler: z.enum(['random', 'tpe', 'qmc', 'grid']).optional(),
    createdAt: z.string(),
    strategy,
    budget: z.number().int().positive(),
    seed: z.number().int().min(0),
    steps: z.number().int().positive(),
    optimizer: z.enum(OPTIMIZERS as [string, ...string[]]),
    space,
    rounds: z.array(round).min(1),
    trials: z.array(trial),
  })
  .superRefine((file, ctx) => {
    const ids = new Set(file.trials.map((t) => t.id));
    if (ids.size !== file.trials.length) ctx.addIssue({ code: 'custom', message: 'two trials share an id' });
    for (const r of file.rounds)
      for (const id of r.trialIds)
        if (!ids.has(id))
          ctx.addIssue({
            code: 'custom',
            message: `round ${r.index + 1} names trial ${id}, which is not in the file`,
          });
  });

export type StudyFile = z.infer<typeof studyFileSchema>;
export type TrialCurve = z.infer<typeof curve>;

/** What a study is in the search lab's store, written as a file. NaN costs become null (JSON has no NaN). */
export function studyFileOf(study: {
  source?: 'playground' | 'optuna';
  strategy: string;
  budget: number;
  seed: number;
  steps: number;
  optimizer: string;
  space: SearchSpace;
  rounds: readonly Round[];
  trials: readonly (Trial & { curve?: TrialCurve })[];
  createdAt?: Date;
}): StudyFile {
  const num = (v: number): number | null => (Number.isFinite(v) ? v : null);
  return {
    format: STUDY_FILE_FORMAT,
    version: STUDY_FILE_VERSION,
    source: study.source ?? 'playground',
    createdAt: (study.createdAt ?? new Date()).toISOString(),
    strategy: study.strategy,
    budget: study.budget,
    seed: study.seed,
    steps: study.steps,
    optimizer: study.optimizer,
    space: study.space,
    rounds: study.rounds.map((r) => ({ ...r, trialIds: [...r.trialIds] })),
    trials: study.trials.map((t) => ({
      ...t,
      trainCost: num(t.trainCost),
      devCost: num(t.devCost),
      devAccuracy: num(t.devAccuracy),
    })),
  };
}

export type ParsedStudyFile = { ok: true; file: StudyFile } | { ok: false; reason: string };

/** Reads a study file's text: the study, or why it is refused (in a sentence naming where). */
export function parseStudyFile(text: string): ParsedStudyFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      reason: `This is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (typeof json === 'object' && json !== null && 'format' in json && json.format !== STUDY_FILE_FORMAT)
    return {
      ok: false,
      reason: `This is not a study file of this playground (its format is "${String(json.format)}").`,
    };
  const parsed = studyFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const first = parsed.error.issues[0];
  const where = first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : '';
  return { ok: false, reason: `This study file is not valid${where}: ${first.message}${more}.` };
}

/** A file's trials as the store holds them (null costs back to NaN). */
export function trialsOfFile(file: StudyFile): (Trial & { curve?: TrialCurve })[] {
  const num = (v: number | null): number => (v === null ? Number.NaN : v);
  return file.trials.map((t) => ({
    ...t,
    strategy: t.strategy as Trial['strategy'],
    values: t.values as Trial['values'],
    trainCost: num(t.trainCost),
    devCost: num(t.devCost),
    devAccuracy: num(t.devAccuracy),
  }));
}
