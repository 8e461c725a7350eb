// The playground's saved work: a finished (or stopped) run with its experiment, its models and their
// curves. Reopened, the run is shown as it was; its link trains it again.
import type { Experiment } from '../core/experiment';
import { SAVED_VERSION, type SavedRecord, type SavedSetting } from '../core/saved/record';
import { curvesOfSeries, lowestDevCost } from './savedCurves';
import { newRecordId } from './savedWork';
import type { AppState, ModelInfo, RunKind } from './store';
import { encodeExperiment } from './urlHash';

export interface PlaygroundPayload {
  experiment: Experiment;
  kind: RunKind;
  models: ModelInfo[];
  lrRange: [number, number];
}

function fmt(v: number): string {
  return String(Number(v.toPrecision(3)));
}

/** The settings a learner tells runs apart by. */
export function playgroundSettings(
  e: Experiment,
  kind: RunKind,
  models: readonly ModelInfo[],
): SavedSetting[] {
  return [
    { key: 'dataset', label: 'data', value: e.dataset },
    { key: 'hidden', label: 'hidden layers', value: e.hidden.join('-') },
    { key: 'activation', label: 'activation', value: e.activation },
    {
      key: 'bn',
      label: 'batch norm',
      value: e.batchNorm.some(Boolean) ? e.batchNorm.map((b) => (b ? 1 : 0)).join('') : 'off',
    },
    { key: 'optimizer', label: 'optimizer', value: e.optimizer },
    {
      key: 'lr',
      label: 'α',
      value:
        kind === 'single'
          ? fmt(e.learningRate)
          : `${models.length} samples, ${e.scale} ${fmt(e.lrMin)}–${fmt(e.lrMax)}`,
    },
    { key: 'batch', label: 'mini-batch', value: String(e.miniBatchSize) },
    { key: 'seed', label: 'seed', value: String(e.seed) },
  ];
}

/** The current run as a record to save, or null when nothing has been trained. */
export function playgroundRecord(s: AppState): SavedRecord | null {
  if (!s.series || s.series.maxStep() === 0) return null;
  // As the run started: the controls may have moved since.
  const e = s.runExperiment ?? s.experiment;
  const curves = curvesOfSeries(s.series, (m) =>
    s.kind === 'single'
      ? `α = ${fmt(e.learningRate)}`
      : `α = ${fmt(s.models[m]?.learningRate ?? Number.NaN)}`,
  );
  const name =
    s.kind === 'single'
      ? `Playground: ${e.dataset}, α = ${fmt(e.learningRate)}, ${s.series.maxStep()} steps`
      : `Playground: ${e.dataset}, ${s.models.length} α samples (${e.scale})`;
  return {
    id: newRecordId(),
    version: SAVED_VERSION,
    lab: 'playground',
    name,
    createdAt: new Date().toISOString(),
    settings: playgroundSettings(e, s.kind, s.models),
    // From every point, not the thinned curves: a thinned curve can miss the lowest one.
    bestDevCost: lowestDevCost(s.series),
    link: encodeExperiment(e),
    curves,
    payload: {
      experiment: e,
      kind: s.kind,
      models: s.models.map((m) => ({ learningRate: m.learningRate, status: m.status })),
      lrRange: s.lrRange,
    } satisfies PlaygroundPayload as unknown as Record<string, unknown>,
  };
}

/** The record's payload, checked; null when it is not a playground run. */
export function playgroundPayload(record: SavedRecord): PlaygroundPayload | null {
  // Checked by hand, not with zod: this runs in the main bundle, which stays small.
  const p = record.payload as Partial<PlaygroundPayload>;
  const e = p.experiment as Partial<Experiment> | undefined;
  const ok =
    record.lab === 'playground' &&
    typeof e === 'object' &&
    e !== null &&
    Array.isArray(e.hidden) &&
    typeof e.dataset === 'string' &&
    (p.kind === 'single' || p.kind === 'population') &&
    Array.isArray(p.models) &&
    p.models.every((m) => typeof m?.learningRate === 'number' && typeof m?.status === 'string') &&
    Array.isArray(p.lrRange) &&
    p.lrRange.length === 2;
  return ok ? (p as PlaygroundPayload) : null;
}
