// "Export as W&B sweep": the search lab's study as a Weights & Biases sweep configuration (YAML text).
// Log rows become log_uniform_values, linear rows uniform, whole-number rows int_uniform, choices
// values, fixed rows value; a 1−β row is searched as a log-uniform one_minus_<name> (β = 1 − it).
// A grid study lists the lab's own grid levels, since W&B's grid takes only listed values.
import { numberText, searchedKeys } from '../search/space';
import type { Strategy } from '../search/strategies';
import {
  datasetOf,
  type ExportedStudy,
  type ExportRow,
  exportRows,
  gridSize,
  gridValues,
  pyInt,
  searchedSummary,
  studySummary,
  typedNumber,
  yamlFloat,
} from './exportedStudy';

export type WandbMethod = 'grid' | 'random' | 'bayes';

/** W&B's method for a lab strategy: it has no quasi-random method, so quasi becomes random. */
export const WANDB_METHOD_OF_STRATEGY: Record<Strategy, WandbMethod> = {
  grid: 'grid',
  random: 'random',
  quasi: 'random',
};

/** The metric every run must log: the final dev cost, lower is better. */
export const WANDB_METRIC = 'dev_cost';

export function wandbSweepName(study: ExportedStudy): string {
  return `wandb_sweep_${datasetOf(study)}_${study.optimizer}_seed${study.seed}.yaml`;
}

const n = (row: ExportRow, v: number) => typedNumber(row, v, yamlFloat);

function parameterLines(row: ExportRow, grid: number[] | undefined): string[] {
  const d = row.dim;
  const head = `  ${row.name}:`;
  if (grid) {
    // A grid lists its levels (1 − β for a 1−β row).
    const note = d.scale === 'oneMinusLog' ? `  # ${row.key} = 1 − ${row.name}` : '';
    return [`${head}${note}`, `    values: [${grid.map((v) => n(row, v)).join(', ')}]`];
  }
  switch (d.scale) {
    case 'fixed':
      return [head, `    value: ${n(row, d.value)}`];
    case 'choice':
      return [head, `    values: [${d.choices.map((v) => n(row, v)).join(', ')}]`];
    case 'int':
      return [head, '    distribution: int_uniform', `    min: ${pyInt(d.low)}`, `    max: ${pyInt(d.high)}`];
    case 'linear':
      return [
        head,
        '    distribution: uniform',
        `    min: ${yamlFloat(d.low)}`,
        `    max: ${yamlFloat(d.high)}`,
      ];
    case 'log':
      return [
        head,
        '    distribution: log_uniform_values',
        `    min: ${yamlFloat(d.low)}`,
        `    max: ${yamlFloat(d.high)}`,
      ];
    case 'oneMinusLog': {
      const om = row.oneMinus as { low: number; high: number };
      return [
        `${head}  # ${row.key} = 1 − ${row.name} (${row.key} from ${numberText(d.low)} to ${numberText(d.high)})`,
        '    distribution: log_uniform_values',
        `    min: ${yamlFloat(om.low)}`,
        `    max: ${yamlFloat(om.high)}`,
      ];
    }
  }
}

/**
 * The sweep's YAML. `method` overrides the strategy's (e.g. 'bayes'); a grid method needs listed
 * values, so asking for grid on a study of another strategy lists the lab's grid levels too.
 */
export function wandbSweep(study: ExportedStudy, options: { method?: WandbMethod } = {}): string {
  const method = options.method ?? WANDB_METHOD_OF_STRATEGY[study.strategy];
  const rows = exportRows(study.space);
  const searched = new Set(searchedKeys(study.space));
  const grid = method === 'grid' ? gridValues(study) : {};
  const runs = method === 'grid' ? gridSize(study) : study.budget;
  const oneMinus = rows.filter((r) => r.oneMinus && searched.has(r.key));
  const lines = [
    "# W&B sweep of the playground's search-lab study.",
    `# Study: ${studySummary(study)}.`,
    `# Searched: ${searchedSummary(study.space)}.`,
    ...(study.strategy === 'quasi' && !options.method
      ? ['# W&B has no quasi-random method: this sweep samples at random.']
      : []),
    '#',
    '#   wandb sweep sweep.yaml        # prints the sweep id',
    `#   wandb agent <entity/project/sweep-id> --count ${runs}`,
    '#',
    '# The training program (add it as `program:`, or pass a function to wandb.agent) reads wandb.config,',
    `# trains ${study.steps} steps with ${study.optimizer} on the ${datasetOf(study)} data, and logs ${WANDB_METRIC}, the final dev cost.`,
    ...(oneMinus.length > 0
      ? [
          '# 1 − β rows are searched as one_minus_<name> on a log scale; the program sets β = 1 − one_minus_<name>',
          `# (${oneMinus.map((r) => `${r.key} = 1 − ${r.name}`).join(', ')}).`,
        ]
      : []),
    `method: ${method}`,
    'metric:',
    `  name: ${WANDB_METRIC}`,
    '  goal: minimize',
    `run_cap: ${runs}`,
    'parameters:',
    ...rows.flatMap((r) => parameterLines(r, grid[r.key])),
    // The settings every run shares, so the program reads everything from wandb.config.
    '  optimizer:',
    `    value: ${study.optimizer}`,
    '  steps:',
    `    value: ${study.steps}`,
    '  seed:',
    `    value: ${study.seed}`,
    '  dataset:',
    `    value: ${datasetOf(study)}`,
  ];
  return `${lines.join('\n')}\n`;
}
