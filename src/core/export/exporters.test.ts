import { describe, expect, it } from 'vitest';
import { SCORE_EVALUATIONS } from '../search/score';
import { defaultSpace, HYPER_KEYS, type SearchSpace } from '../search/space';
import { sampleStudy } from '../search/strategies';
import { clean, type ExportedStudy, gridValues, pyFloat, yamlFloat } from './exportedStudy';
import { OPTUNA_FLAGS, optunaScript } from './optunaScript';
import { rayTuneSpace } from './rayTune';
import { wandbSweep } from './wandbSweep';

/** A space with every kind of row: log, 1−β, whole numbers, choices, linear and fixed. */
function everyScale(): SearchSpace {
  const space = defaultSpace();
  space.learningRate = { scale: 'log', low: 1e-4, high: 1 };
  space.momentum = { scale: 'oneMinusLog', low: 0.9, high: 0.999 };
  space.hiddenUnits = { scale: 'int', low: 50, high: 100 };
  space.miniBatchSize = { scale: 'choice', choices: [16, 32, 64, 128] };
  space.layers = { scale: 'fixed', value: 3 };
  space.decayRate = { scale: 'linear', low: 0, high: 1 };
  space.epsilon = { scale: 'log', low: 1e-10, high: 1e-6 };
  return space;
}

const study = (over: Partial<ExportedStudy> = {}): ExportedStudy => ({
  strategy: 'random',
  budget: 25,
  seed: 7,
  steps: 300,
  optimizer: 'adam',
  space: everyScale(),
  ...over,
});

/** PyYAML (YAML 1.1) reads a number with an exponent as a float only with a '.' and a signed exponent. */
const YAML_FLOAT = /^-?[0-9]+\.[0-9]*([eE][-+][0-9]+)?$/;

describe('numbers for Python and YAML', () => {
  it('should take the rounding error off 1 − β and keep floats floats', () => {
    expect(clean(1 - 0.999)).toBe(0.001);
    expect(clean(1 - 0.9)).toBe(0.1);
    expect(pyFloat(1)).toBe('1.0');
    expect(pyFloat(1e-10)).toBe('1e-10');
    expect(pyFloat(1e-6)).toBe('1e-6');
    expect(pyFloat(0.001)).toBe('0.001');
    expect(yamlFloat(1e-10)).toBe('1.0e-10');
    expect(yamlFloat(2.5e-7)).toBe('2.5e-7');
    expect(yamlFloat(1e21)).toBe('1.0e+21');
    expect(yamlFloat(0.5)).toBe('0.5');
  });

  it('should list the lab’s own grid levels, 1 − β for a 1−β row', () => {
    const s = study({ strategy: 'grid', budget: 12 });
    const grid = gridValues(s);
    const { trials } = sampleStudy(s.space, 'grid', 12, s.seed);
    expect(grid.learningRate).toEqual([...new Set(trials.map((t) => t.learningRate))].sort((a, b) => a - b));
    for (const v of grid.momentum ?? []) expect(v).toBeGreaterThanOrEqual(0.001);
    expect(grid.layers).toBeUndefined();
  });
});

describe('the Optuna script', () => {
  const text = optunaScript(study());

  it('should suggest every row on its own scale', () => {
    expect(text).toContain('trial.suggest_float("learningRate", 0.0001, 1.0, log=True)');
    expect(text).toContain('trial.suggest_float("epsilon", 1e-10, 1e-6, log=True)');
    expect(text).toContain('trial.suggest_int("hiddenUnits", 50, 100)');
    expect(text).toContain('trial.suggest_categorical("miniBatchSize", [16, 32, 64, 128])');
    expect(text).toContain('trial.suggest_float("decayRate", 0.0, 1.0)');
    expect(text).not.toContain('suggest_float("decayRate", 0.0, 1.0, log=True)');
  });

  it('should search 1 − β on a log scale and compute β from it, saying so', () => {
    expect(text).toContain('trial.suggest_float("one_minus_momentum", 0.001, 0.1, log=True)');
    expect(text).toMatch(/values\["momentum"\] = beta_of\(\s*trial\.suggest_float\("one_minus_momentum"/);
    expect(text).toContain('β = 1 − one_minus_momentum');
    expect(text).toContain('"one_minus_momentum": "momentum"');
  });

  it('should keep fixed rows as constants, never suggested', () => {
    expect(text).toMatch(/FIXED = \{[^}]*"layers": 3,/);
    expect(text).toMatch(/FIXED = \{[^}]*"adamBeta2": 0\.999,/);
    expect(text).not.toContain('suggest_int("layers"');
    expect(text).not.toContain('"adamBeta2", ');
  });

  it('should hold the whole space for the study file, every hyperparameter named', () => {
    const spaceBlock = text.slice(text.indexOf('SPACE = {'), text.indexOf('}\n', text.indexOf('SPACE = {')));
    for (const key of HYPER_KEYS) expect(spaceBlock).toContain(`"${key}": {"scale": `);
    expect(spaceBlock).toContain('"momentum": {"scale": "oneMinusLog", "low": 0.9, "high": 0.999}');
    expect(spaceBlock).toContain('"miniBatchSize": {"scale": "choice", "choices": [16, 32, 64, 128]}');
  });

  it('should take every flag', () => {
    for (const flag of OPTUNA_FLAGS) expect(text).toContain(`parser.add_argument("${flag}"`);
    expect(text).toContain('choices=["random", "tpe", "qmc", "grid"]');
    expect(text).toContain('load_if_exists=True');
    expect(text).toContain('sqlite:///study.db');
    expect(text).toMatch(/postgresql:\/\//);
    expect(text).toMatch(/mysql/);
  });

  it('should report intermediate dev costs for pruners and record divergence as the worst value', () => {
    expect(text).toContain('trial.report(dev_cost, step)');
    expect(text).toContain('trial.should_prune()');
    expect(text).toContain('raise optuna.TrialPruned(');
    expect(text).toContain('return float("inf")');
    expect(text).toContain('"source": "optuna"');
    expect(text).toContain('direction="minimize"');
  });

  it('should rank trials by the page’s score: the mean of the last dev evaluations', () => {
    expect(text).toContain(`SCORE_EVALUATIONS = ${SCORE_EVALUATIONS}`);
    expect(text).toContain('window = list(dev_costs)[-SCORE_EVALUATIONS:]');
    expect(text).toContain('return result["score"]');
    expect(text).not.toContain('return result["dev_cost"]');
  });

  it('should carry the study’s settings and the network’s defaults', () => {
    expect(text).toContain('SEED = 7\n');
    expect(text).toContain('STEPS = 300\n');
    expect(text).toContain('OPTIMIZER = "adam"');
    expect(text).toContain('DATASET = "spiral"');
    expect(text).toContain('"activation": "tanh"');
    expect(text).toContain('"eval_every": 25');
    expect(text).toContain('"bn_momentum": 0.99');
    expect(text).toContain('DEFAULT_SAMPLER = "random"');
    expect(optunaScript(study({ strategy: 'quasi' }))).toContain('DEFAULT_SAMPLER = "qmc"');
    expect(optunaScript(study({ strategy: 'grid' }))).toContain('DEFAULT_SAMPLER = "grid"');
  });

  it('should load the digits from scikit-learn when the study trains on digits', () => {
    const digits = optunaScript(study({ dataset: 'digits' }));
    expect(digits).toContain('DATASET = "digits"');
    expect(digits).toContain('from sklearn.datasets import load_digits');
  });

  it('should write the lab’s grid for --sampler grid', () => {
    const s = study({ strategy: 'grid', budget: 12 });
    const grid = gridValues(s);
    const script = optunaScript(s);
    expect(script).toContain(`"learningRate": [${(grid.learningRate ?? []).map(pyFloat).join(', ')}]`);
    expect(script).toMatch(/"one_minus_momentum": \[[0-9., e-]+\]/);
  });
});

describe('the W&B sweep', () => {
  const text = wandbSweep(study());

  it('should pick the method from the strategy', () => {
    expect(text).toMatch(/^method: random$/m);
    expect(wandbSweep(study({ strategy: 'grid', budget: 12 }))).toMatch(/^method: grid$/m);
    const quasi = wandbSweep(study({ strategy: 'quasi' }));
    expect(quasi).toMatch(/^method: random$/m);
    expect(quasi).toContain('no quasi-random method');
    expect(wandbSweep(study(), { method: 'bayes' })).toMatch(/^method: bayes$/m);
  });

  it('should minimize the dev cost', () => {
    expect(text).toContain('metric:\n  name: dev_cost\n  goal: minimize\n');
    expect(text).toMatch(/^run_cap: 25$/m);
  });

  it('should write every row on its own distribution', () => {
    expect(text).toContain(
      '  learningRate:\n    distribution: log_uniform_values\n    min: 0.0001\n    max: 1.0\n',
    );
    expect(text).toContain(
      '  epsilon:\n    distribution: log_uniform_values\n    min: 1.0e-10\n    max: 1.0e-6\n',
    );
    expect(text).toContain('  hiddenUnits:\n    distribution: int_uniform\n    min: 50\n    max: 100\n');
    expect(text).toContain('  miniBatchSize:\n    values: [16, 32, 64, 128]\n');
    expect(text).toContain('  decayRate:\n    distribution: uniform\n    min: 0.0\n    max: 1.0\n');
    expect(text).toContain('  layers:\n    value: 3\n');
    expect(text).toContain('  adamBeta2:\n    value: 0.999\n');
  });

  it('should search 1 − β as a log-uniform one_minus_ parameter, with the note', () => {
    expect(text).toMatch(
      / {2}one_minus_momentum: {2}# momentum = 1 − one_minus_momentum.*\n {4}distribution: log_uniform_values\n {4}min: 0\.001\n {4}max: 0\.1\n/,
    );
    expect(text).toContain('β = 1 − one_minus_<name>');
    expect(text).not.toMatch(/^ {2}momentum:/m);
  });

  it('should write only numbers PyYAML reads as numbers', () => {
    for (const m of text.matchAll(/^ {4}(?:min|max|value): (.+)$/gm)) {
      const v = m[1];
      if (/^-?[0-9]+$/.test(v) || !/^[-0-9]/.test(v)) continue;
      expect(v).toMatch(YAML_FLOAT);
    }
  });

  it('should list the lab’s grid levels for a grid sweep', () => {
    const grid = wandbSweep(study({ strategy: 'grid', budget: 12 }));
    expect(grid).not.toContain('distribution:');
    expect(grid).toMatch(/ {2}one_minus_momentum: {2}# momentum = 1 − one_minus_momentum\n {4}values: \[/);
  });
});

describe('the Ray Tune search space', () => {
  const text = rayTuneSpace(study());

  it('should write every row with its sampler', () => {
    expect(text).toContain('"learningRate": tune.loguniform(0.0001, 1.0),');
    expect(text).toContain('"epsilon": tune.loguniform(1e-10, 1e-6),');
    expect(text).toContain('"hiddenUnits": tune.qrandint(50, 100, 1),');
    expect(text).toContain('"miniBatchSize": tune.choice([16, 32, 64, 128]),');
    expect(text).toContain('"decayRate": tune.uniform(0.0, 1.0),');
    expect(text).toContain('"layers": 3,  # fixed');
    expect(text).toContain('from ray import tune');
    expect(text).toContain('NUM_SAMPLES = 25');
  });

  it('should search 1 − β log-uniformly and say β = 1 − it', () => {
    expect(text).toContain('"one_minus_momentum": tune.loguniform(0.001, 0.1),  # momentum = 1 − this');
    expect(text).toContain('ONE_MINUS = {"one_minus_momentum": "momentum"}');
    expect(text).toContain('values[key] = 1.0 - values.pop(name)');
  });

  it('should grid-search the lab’s grid for a grid study', () => {
    const grid = rayTuneSpace(study({ strategy: 'grid', budget: 12 }));
    expect(grid).toContain('"learningRate": tune.grid_search([');
    expect(grid).toContain('NUM_SAMPLES = 1');
    expect(grid).not.toContain('tune.loguniform');
  });
});
