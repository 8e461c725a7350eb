// The batch-norm lab's link: lab=batchnorm, the foundation's experiment keys (urlHash.ts), plus
// `scenario` (a ready-made setup) and `sweep` (the learning-rate sweep: lowest α, highest α, how many
// values, steps per model). The scenario is this lab's defaults: experiment keys the link leaves out
// (or gets wrong) take the scenario's values, so a link with a scenario alone opens that scenario.
import {
  DEEP_SIGMOID_DIGITS,
  DEFAULT_SWEEP,
  type SweepSettings,
  THREE_SIGMOID_DIGITS,
} from '../../core/batchNormLesson';
import type { Experiment } from '../../core/experiment';
import { decodeLink, encodeLink, linkNotice } from '../../state/urlHash';

export { DEEP_SIGMOID_DIGITS, DEFAULT_SWEEP, type SweepSettings, THREE_SIGMOID_DIGITS };

export type ScenarioId = 'three-sigmoid-digits' | 'deep-sigmoid-digits' | 'custom';

export interface LabLink {
  experiment: Experiment;
  scenario: ScenarioId;
  sweep: SweepSettings;
}

/** The scenario a link without one opens: the three-layer net (see core/batchNormLesson.ts). */
export const DEFAULT_SCENARIO: ScenarioId = 'three-sigmoid-digits';

export const SCENARIOS: Record<ScenarioId, { title: string; experiment: Experiment | null }> = {
  'three-sigmoid-digits': { title: 'Three sigmoid layers on digits', experiment: THREE_SIGMOID_DIGITS },
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
  let scenario: ScenarioId = DEFAULT_SCENARIO;
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
  const preset = SCENARIOS[scenario].experiment ?? THREE_SIGMOID_DIGITS;
  const decoded = decodeLink(hash, preset);
  return { experiment: decoded.experiment, scenario, sweep, notices: [...notices, ...decoded.notices] };
}
