// "Export as Ray Tune search space": the search lab's study as Python text for Ray Tune's param_space:
// tune.loguniform for log rows, tune.uniform for linear, tune.qrandint for whole numbers (both ends
// included), tune.choice for choices, plain constants for fixed rows; a 1−β row as a log-uniform
// one_minus_<name> (β = 1 − it, computed by the hyperparameters_of() the text defines). A grid
// study becomes tune.grid_search over the lab's own grid levels.
import { numberText, searchedKeys } from '../search/space';
import {
  datasetOf,
  type ExportedStudy,
  type ExportRow,
  exportRows,
  gridValues,
  pyFloat,
  pyInt,
  searchedSummary,
  studySummary,
  typedNumber,
} from './exportedStudy';

export function rayTuneName(study: ExportedStudy): string {
  return `ray_tune_space_${datasetOf(study)}_${study.optimizer}_seed${study.seed}.py`;
}

const q = (s: string): string => JSON.stringify(s);
const n = (row: ExportRow, v: number) => typedNumber(row, v, pyFloat);

function entry(row: ExportRow, grid: number[] | undefined): string {
  const d = row.dim;
  const key = `    ${q(row.name)}: `;
  if (grid) {
    const note = d.scale === 'oneMinusLog' ? `  # ${row.key} = 1 − this` : '';
    return `${key}tune.grid_search([${grid.map((v) => n(row, v)).join(', ')}]),${note}`;
  }
  switch (d.scale) {
    case 'fixed':
      return `${key}${n(row, d.value)},  # fixed`;
    case 'choice':
      return `${key}tune.choice([${d.choices.map((v) => n(row, v)).join(', ')}]),`;
    case 'int':
      return `${key}tune.qrandint(${pyInt(d.low)}, ${pyInt(d.high)}, 1),  # ${numberText(d.low)} to ${numberText(d.high)}, both included`;
    case 'linear':
      return `${key}tune.uniform(${pyFloat(d.low)}, ${pyFloat(d.high)}),`;
    case 'log':
      return `${key}tune.loguniform(${pyFloat(d.low)}, ${pyFloat(d.high)}),`;
    case 'oneMinusLog': {
      const om = row.oneMinus as { low: number; high: number };
      return `${key}tune.loguniform(${pyFloat(om.low)}, ${pyFloat(om.high)}),  # ${row.key} = 1 − this (${numberText(d.low)} to ${numberText(d.high)})`;
    }
  }
}

/** The search space as Python text (a `search_space` dict, NUM_SAMPLES and hyperparameters_of). */
export function rayTuneSpace(study: ExportedStudy): string {
  const rows = exportRows(study.space);
  const searched = new Set(searchedKeys(study.space));
  const isGrid = study.strategy === 'grid';
  const grid = isGrid ? gridValues(study) : {};
  const oneMinus = rows.filter((r) => r.oneMinus && searched.has(r.key));
  const lines = [
    `"""Ray Tune search space of the playground's search-lab study.`,
    '',
    `Study: ${studySummary(study)}.`,
    `Searched: ${searchedSummary(study.space)}.`,
    ...(study.strategy === 'quasi'
      ? [
          "Ray Tune's default search draws at random; a quasi-random one needs a search algorithm (e.g. OptunaSearch",
          'with a QMCSampler).',
        ]
      : []),
    '',
    '1 − β rows are searched as one_minus_<name> on a log scale (equal steps in log(1 − β) matter alike);',
    'β = 1 − one_minus_<name>: hyperparameters_of(config) below turns a sampled config into the values.',
    '',
    'Use it as the param_space of a Tuner whose trainable reports "dev_cost" (the final dev cost):',
    '    tuner = tune.Tuner(trainable, param_space=search_space,',
    '                       tune_config=tune.TuneConfig(metric="dev_cost", mode="min", num_samples=NUM_SAMPLES))',
    '"""',
    'from ray import tune',
    '',
    'search_space = {',
    ...rows.map((r) => entry(r, grid[r.key])),
    '    # The settings every trial shares.',
    `    "optimizer": ${q(study.optimizer)},`,
    `    "steps": ${pyInt(study.steps)},`,
    `    "seed": ${pyInt(study.seed)},`,
    `    "dataset": ${q(datasetOf(study))},`,
    '}',
    '',
    isGrid
      ? '# grid_search runs every combination once per sample: one sample covers the grid.'
      : `# The lab's budget.`,
    `NUM_SAMPLES = ${isGrid ? 1 : pyInt(study.budget)}`,
    '',
    `ONE_MINUS = {${oneMinus.map((r) => `${q(r.name)}: ${q(r.key)}`).join(', ')}}`,
    '',
    '',
    'def hyperparameters_of(config):',
    '    """The playground\'s hyperparameters from a sampled config: β = 1 − one_minus_<name>."""',
    '    values = dict(config)',
    '    for name, key in ONE_MINUS.items():',
    '        values[key] = 1.0 - values.pop(name)',
    '    return values',
  ];
  return `${lines.join('\n')}\n`;
}
