// The panda lab's link: `lab=panda`, the day length, the teacher scenario by name, then the starting
// experiment in the playground's own keys (learning rate, momentum, mini-batch size, decay, seed and
// the network), read and checked by the shared codec with this lab's defaults: keys a link leaves out,
// or gets wrong, take the panda's values, not the playground's.
import type { Experiment } from '../../core/experiment';
import { describeRange, parseInRange, setting } from '../../core/hyperparameters';
import { PANDA_EXPERIMENT } from '../../core/panda/pandaExperiment';
import { SCENARIOS, scenarioByName } from '../../core/panda/teacher';
import { decodeLink, joinPairs, linkNotice, linkPairs } from '../../state/urlHash';

export interface PandaLink {
  /** The starting hyperparameters, network, data and seed. */
  experiment: Experiment;
  /** Steps in one day. */
  dayLength: number;
  /** The teacher scenario the page opens with (null: none). */
  teacher: string | null;
}

const DAY = setting('dayLength');
export const MIN_DAY = DAY.range.min;
export const MAX_DAY = DAY.range.max;
export const DEFAULT_DAY = DAY.default;

export { PANDA_EXPERIMENT } from '../../core/panda/pandaExperiment';

export function defaultPandaLink(): PandaLink {
  return { experiment: structuredClone(PANDA_EXPERIMENT), dayLength: DEFAULT_DAY, teacher: null };
}

/** Playground keys that mean nothing here (the panda trains in days; the caviar samples its own α). */
const UNUSED = ['steps', 'scale', 'lrMin', 'lrMax', 'samples'];

export function encodePanda(link: PandaLink): string {
  const head: [string, string][] = [
    ['lab', 'panda'],
    [DAY.urlKey, String(link.dayLength)],
  ];
  if (link.teacher) head.push(['teacher', link.teacher]);
  return joinPairs([...head, ...linkPairs(link.experiment, { omit: UNUSED })]);
}

/** The link a hash describes; a bad key falls back to this lab's default with a notice that names it. */
export function decodePanda(hash: string): { link: PandaLink; notices: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const notices: string[] = [];
  const link = defaultPandaLink();

  const day = params.get(DAY.urlKey);
  if (day !== null) {
    const n = parseInRange(day, DAY.range);
    if (n !== undefined) link.dayLength = n;
    else
      notices.push(
        linkNotice(DAY.urlKey, day, `${DAY.label} (${describeRange(DAY.range)})`, String(DEFAULT_DAY)),
      );
  }
  const teacher = params.get('teacher');
  if (teacher !== null && teacher !== '' && teacher !== 'off') {
    if (scenarioByName(teacher)) link.teacher = teacher;
    else
      notices.push(
        linkNotice(
          'teacher',
          teacher,
          `teacher scenario (${SCENARIOS.map((s) => s.name).join(', ')})`,
          'none',
        ),
      );
  }

  const decoded = decodeLink(hash, PANDA_EXPERIMENT, { omit: UNUSED });
  link.experiment = decoded.experiment;
  return { link, notices: [...notices, ...decoded.notices] };
}
