// The panda lab's link: `lab=panda`, the day length, the teacher scenario by name, then the starting
// experiment in the playground's own keys (learning rate, momentum, mini-batch size, decay, seed and
// the network), read and checked by the playground's codec. Keys a link leaves out take this lab's
// defaults, not the playground's.
import { DEFAULT_EXPERIMENT, type Experiment } from '../../core/experiment';
import { SCENARIOS, scenarioByName } from '../../core/panda/teacher';
import { decodeExperiment, encodeExperiment } from '../../state/urlHash';

export interface PandaLink {
  /** The starting hyperparameters, network, data and seed. */
  experiment: Experiment;
  /** Steps in one day. */
  dayLength: number;
  /** The teacher scenario the page opens with (null: none). */
  teacher: string | null;
}

export const MIN_DAY = 20;
export const MAX_DAY = 1000;
export const DEFAULT_DAY = 150;

/** A network that learns the spiral in a few hundred steps, and blows up when α is far too big. */
export const PANDA_EXPERIMENT: Experiment = {
  ...DEFAULT_EXPERIMENT,
  dataset: 'spiral',
  hidden: [32, 32],
  batchNorm: [false, false],
  activation: 'relu',
  init: 'he',
  optimizer: 'adam',
  learningRate: 0.001,
};

export function defaultPandaLink(): PandaLink {
  return { experiment: structuredClone(PANDA_EXPERIMENT), dayLength: DEFAULT_DAY, teacher: null };
}

/** Playground keys that mean nothing here (the panda trains in days; the caviar samples its own α). */
const UNUSED = new Set(['lab', 'steps', 'scale', 'lrMin', 'lrMax', 'samples']);

function experimentPairs(e: Experiment): [string, string][] {
  return encodeExperiment(e, 'panda')
    .split('&')
    .map((pair) => {
      const i = pair.indexOf('=');
      return [pair.slice(0, i), pair.slice(i + 1)] as [string, string];
    })
    .filter(([k]) => !UNUSED.has(k));
}

export function encodePanda(link: PandaLink): string {
  const head = [`lab=panda`, `day=${link.dayLength}`];
  if (link.teacher) head.push(`teacher=${encodeURIComponent(link.teacher)}`);
  return [...head, ...experimentPairs(link.experiment).map(([k, v]) => `${k}=${v}`)].join('&');
}

/** The link a hash describes; a bad key falls back to its default with a notice that names it. */
export function decodePanda(hash: string): { link: PandaLink; notices: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const notices: string[] = [];
  const link = defaultPandaLink();

  const day = params.get('day');
  if (day !== null) {
    const n = Number(day);
    if (day.trim() !== '' && Number.isInteger(n) && n >= MIN_DAY && n <= MAX_DAY) link.dayLength = n;
    else
      notices.push(
        `"day": "${day}" is not a day length (whole number of steps, ${MIN_DAY} to ${MAX_DAY}); using ${DEFAULT_DAY}.`,
      );
  }
  const teacher = params.get('teacher');
  if (teacher !== null && teacher !== '' && teacher !== 'off') {
    if (scenarioByName(teacher)) link.teacher = teacher;
    else
      notices.push(
        `"teacher": "${teacher}" is not a scenario (${SCENARIOS.map((s) => s.name).join(', ')}); using none.`,
      );
  }

  // The playground's codec checks every experiment key; a bad or missing one keeps this lab's default.
  const defaults = new Map(experimentPairs(PANDA_EXPERIMENT).map(([k, v]) => [k, decodeURIComponent(v)]));
  const merged = new URLSearchParams([...defaults]);
  for (const [k, v] of params) {
    if (UNUSED.has(k) || k === 'day' || k === 'teacher') continue;
    const alone = decodeExperiment(new URLSearchParams([[k, v]]).toString());
    if (alone.notices.length === 0) merged.set(k, v);
    else
      notices.push(
        ...alone.notices.map((n) =>
          n.replace(/; using .*\.$/, `; using ${defaults.get(k) ?? 'the default'}.`),
        ),
      );
  }
  link.experiment = decodeExperiment(merged.toString()).experiment;
  return { link, notices };
}
