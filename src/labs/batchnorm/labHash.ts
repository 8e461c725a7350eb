// The batch-norm lab's link: lab=batchnorm, the foundation's experiment keys (urlHash.ts), plus
// `scenario` (a ready-made setup) and `sweep` (the learning-rate sweep: lowest α, highest α, how many
// values, steps per model). The scenario is this lab's defaults: experiment keys the link leaves out
// (or gets wrong) take the scenario's values, so a link with a scenario alone opens that scenario.
import { DEFAULT_EXPERIMENT, type Experiment } from '../../core/experiment';
import { decodeLink, encodeLink, linkNotice } from '../../state/urlHash';

export type ScenarioId = 'deep-sigmoid-digits' | 'custom';

export interface SweepSettings {
  lrMin: number;
  lrMax: number;
  count: number;
  steps: number;
}

export interface LabLink {
  experiment: Experiment;
  scenario: ScenarioId;
  sweep: SweepSettings;
}

/** The ready-made scenario: a deep, narrow sigmoid network on the digits, plain SGD at α = 1. */
export const DEEP_SIGMOID_DIGITS: Experiment = {
  ...DEFAULT_EXPERIMENT,
  dataset: 'digits',
  hidden: [32, 32, 32, 32, 32, 32],
  activation: 'sigmoid',
  init: 'glorot',
  batchNorm: [true, true, true, true, true, true],
  normalizeInputs: true,
  optimizer: 'sgd',
  learningRate: 1,
  miniBatchSize: 32,
  steps: 1500,
  seed: 1,
};

export const DEFAULT_SWEEP: SweepSettings = { lrMin: 1e-3, lrMax: 10, count: 12, steps: 600 };

export const SCENARIOS: Record<ScenarioId, { title: string; experiment: Experiment | null }> = {
  'deep-sigmoid-digits': { title: 'Deep sigmoid net on digits', experiment: DEEP_SIGMOID_DIGITS },
  custom: { title: 'Custom', experiment: null },
};

function formatSweep(s: SweepSettings): string {
  return [s.lrMin, s.lrMax, s.count, s.steps].join(',');
}

function parseSweep(raw: string): SweepSettings | undefined {
  const parts = raw.split(',').map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [lrMin, lrMax, count, steps] = parts;
  if (!(lrMin > 0 && lrMax <= 100 && lrMin < lrMax)) return undefined;
  if (!Number.isInteger(count) || count < 2 || count > 32) return undefined;
  if (!Number.isInteger(steps) || steps < 10 || steps > 20_000) return undefined;
  return { lrMin, lrMax, count, steps };
}

export function encodeLabLink(link: LabLink): string {
  const base = encodeLink(link.experiment, 'batchnorm');
  return `${base}&scenario=${link.scenario}&sweep=${formatSweep(link.sweep).replace(/[^0-9.,e+-]/g, '')}`;
}

export function decodeLabLink(hash: string): LabLink & { notices: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const notices: string[] = [];
  let scenario: ScenarioId = 'deep-sigmoid-digits';
  const rawScenario = params.get('scenario');
  if (rawScenario !== null) {
    if (rawScenario in SCENARIOS) scenario = rawScenario as ScenarioId;
    else
      notices.push(
        linkNotice('scenario', rawScenario, `scenario (${Object.keys(SCENARIOS).join(', ')})`, scenario),
      );
  }
  let sweep = DEFAULT_SWEEP;
  const rawSweep = params.get('sweep');
  if (rawSweep !== null) {
    const parsed = parseSweep(rawSweep);
    if (parsed) sweep = parsed;
    else
      notices.push(
        linkNotice(
          'sweep',
          rawSweep,
          'sweep (lowest α, highest α, 2–32 values, 10–20000 steps)',
          formatSweep(DEFAULT_SWEEP),
        ),
      );
  }
  // This lab's defaults are the scenario's network: a bad or missing experiment key falls back to it.
  const preset = SCENARIOS[scenario].experiment ?? DEEP_SIGMOID_DIGITS;
  const decoded = decodeLink(hash, preset);
  return { experiment: decoded.experiment, scenario, sweep, notices: [...notices, ...decoded.notices] };
}
