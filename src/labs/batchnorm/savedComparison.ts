// The batch-norm lab's saved work: a comparison (with and without batch norm) or a learning-rate
// sweep, with every model's curves. Reopened, the "Does it help?" charts show it as it was.
import { z } from 'zod';
import type { Experiment } from '../../core/experiment';
import { SAVED_VERSION, type SavedRecord } from '../../core/saved/record';
import { curvesOfSeries, lowestDevCost } from '../../state/savedCurves';
import { newRecordId } from '../../state/savedWork';
import { encodeLabLink, type ScenarioId, type SweepSettings } from './labHash';
import type { LabModel, LabRunKind, LabState } from './labStore';

export interface ComparisonPayload {
  experiment: Experiment;
  scenario: ScenarioId;
  sweep: SweepSettings;
  kind: LabRunKind;
  models: LabModel[];
}

const payloadSchema = z.object({
  experiment: z.record(z.string(), z.unknown()),
  scenario: z.string(),
  sweep: z.object({ lrMin: z.number(), lrMax: z.number(), count: z.number(), steps: z.number() }),
  kind: z.enum(['live', 'compare', 'sweep']),
  models: z.array(
    z.object({ label: z.string(), batchNorm: z.boolean(), learningRate: z.number(), status: z.string() }),
  ),
});

const fmt = (v: number) => String(Number(v.toPrecision(3)));

/** The comparison or sweep that ran last, as a record; null for the live network or nothing yet. */
export function comparisonRecord(s: LabState): SavedRecord | null {
  if ((s.kind !== 'compare' && s.kind !== 'sweep') || !s.series || s.series.maxStep() === 0) return null;
  // As the run started: the setup may have moved since.
  const e = s.runSetup?.experiment ?? s.experiment;
  const sweep = s.runSetup?.sweep ?? s.sweep;
  const curves = curvesOfSeries(s.series, (m) => {
    const model = s.models[m];
    return s.kind === 'sweep' ? `${model.label}, α = ${fmt(model.learningRate)}` : model.label;
  });
  const what =
    s.kind === 'sweep'
      ? `α sweep ${fmt(sweep.lrMin)}–${fmt(sweep.lrMax)}`
      : `with vs without, α = ${fmt(e.learningRate)}`;
  return {
    id: newRecordId(),
    version: SAVED_VERSION,
    lab: 'batchnorm',
    name: `Batch norm: ${what}, ${e.hidden.length}×${e.hidden[0]} ${e.activation} on ${e.dataset}`,
    createdAt: new Date().toISOString(),
    settings: [
      { key: 'kind', label: 'run', value: s.kind === 'sweep' ? 'α sweep' : 'comparison' },
      { key: 'dataset', label: 'data', value: e.dataset },
      { key: 'hidden', label: 'hidden layers', value: e.hidden.join('-') },
      { key: 'activation', label: 'activation', value: e.activation },
      { key: 'optimizer', label: 'optimizer', value: e.optimizer },
      {
        key: 'lr',
        label: 'α',
        value:
          s.kind === 'sweep'
            ? `${sweep.count} values, ${fmt(sweep.lrMin)}–${fmt(sweep.lrMax)}`
            : fmt(e.learningRate),
      },
      { key: 'steps', label: 'steps', value: String(s.series.maxStep()) },
    ],
    bestDevCost: lowestDevCost(s.series),
    link: encodeLabLink({ experiment: e, scenario: s.scenario, sweep: sweep }),
    curves,
    payload: {
      experiment: e,
      scenario: s.scenario,
      sweep: sweep,
      kind: s.kind,
      models: s.models,
    } satisfies ComparisonPayload as unknown as Record<string, unknown>,
  };
}

export function comparisonPayload(record: SavedRecord): ComparisonPayload | null {
  return payloadSchema.safeParse(record.payload).success
    ? (record.payload as unknown as ComparisonPayload)
    : null;
}
