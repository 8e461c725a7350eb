// The real-Optuna check (npm run test:optuna, part of npm test): exports the search lab's default study
// as an Optuna script, checks that the script builds the page's data bit for bit and trains as the
// engine does, runs it as two processes at once sharing one SQLite study (3 trials each), reads the
// study back with optuna.load_study, and imports its --out file with the page's parser. The study
// file is left at OPTUNA_RESULTS_PATH (./paths.ts) for a browser test to import.
// Runs Debian's /usr/bin/python3 (scripts/ensure-python.mjs installs what it needs): a python3 earlier
// on PATH may be a pyenv interpreter that cannot see Debian's packages.
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToySet, type ToySetName } from '../../src/core/datasets';
import { DEFAULT_EXPERIMENT, dataConfigOf } from '../../src/core/experiment';
import { evalEveryOf, exportRows } from '../../src/core/export/exportedStudy';
import { type ExportedStudy, OPTUNA_SAMPLERS, optunaScript } from '../../src/core/export/optunaScript';
import { rayTuneSpace } from '../../src/core/export/rayTune';
import { parseStudyFile } from '../../src/core/export/studyFile';
import { SCORE_EVALUATIONS } from '../../src/core/search/score';
import { wandbSweep } from '../../src/core/export/wandbSweep';
import {
  type Dimension,
  defaultSpace,
  type SearchSpace,
  STUDY_DATASET,
  type TrialValues,
} from '../../src/core/search/space';
import { studyProblems } from '../../src/core/search/study';
import { modelSpecOfTrial } from '../../src/core/search/trial';
import { prepareData } from '../../src/engine/preparedData';
import { useCpuBackend } from '../../src/engine/testBackend';
import { Trainer } from '../../src/engine/trainer';
import { defaultStudyLink } from '../../src/labs/search/searchStore';
import { OPTUNA_RESULTS_DIR, OPTUNA_RESULTS_PATH, OPTUNA_SCRIPT_PATH, REPO_ROOT } from './paths';

const run = promisify(execFile);
const root = REPO_ROOT;
const PYTHON = process.env.OPTUNA_PYTHON ?? '/usr/bin/python3';
const HELPER = join(root, 'scripts/optuna/inspect_study.py');

/** The search lab's default study, as its store holds it. */
function defaultStudy(): ExportedStudy {
  const link = defaultStudyLink();
  const { space, budgetValue } = studyProblems(link.drafts, link.budget);
  if (!space || budgetValue === null) throw new Error('the default study has problems');
  return {
    strategy: link.strategy,
    budget: budgetValue,
    seed: link.seed,
    steps: link.steps,
    optimizer: link.optimizer,
    space,
  };
}

async function python<T>(args: string[]): Promise<T> {
  const { stdout } = await run(PYTHON, [HELPER, ...args], { maxBuffer: 64 * 1024 * 1024, cwd: root });
  return JSON.parse(stdout) as T;
}

/** Runs the exported script; resolves with its output, rejects with it when the exit status is not 0. */
function runScript(dir: string, script: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(PYTHON, [script, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) done(output);
      else fail(new Error(`python3 ${script} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

/** Whether an Optuna param (a row's value, or 1 − β for a 1−β row) lies in the row's range. */
function inRange(dim: Dimension, value: number, oneMinus?: { low: number; high: number }): boolean {
  switch (dim.scale) {
    case 'fixed':
      return value === dim.value;
    case 'choice':
      return dim.choices.includes(value);
    case 'int':
      return Number.isInteger(value) && value >= dim.low && value <= dim.high;
    case 'oneMinusLog': {
      const r = oneMinus as { low: number; high: number };
      return value >= r.low && value <= r.high;
    }
    default:
      return value >= dim.low && value <= dim.high;
  }
}

/** A trial's hyperparameter values in the space (1−β rows as β). */
function valuesInSpace(space: SearchSpace, values: Record<string, number>): boolean {
  return exportRows(space).every((r) => {
    const v = values[r.key];
    if (r.dim.scale === 'oneMinusLog') return v >= r.dim.low && v <= r.dim.high;
    return inRange(r.dim, v);
  });
}

/** A short study with every kind of row: log, 1−β, whole numbers, choices, linear, fixed. */
function everyScaleStudy(): ExportedStudy {
  const space = defaultSpace();
  space.momentum = { scale: 'oneMinusLog', low: 0.9, high: 0.999 };
  space.hiddenUnits = { scale: 'int', low: 8, high: 24 };
  space.miniBatchSize = { scale: 'choice', choices: [16, 32, 64] };
  space.decayRate = { scale: 'linear', low: 0, high: 1 };
  space.batchNorm = { scale: 'choice', choices: [0, 1] };
  space.adamBeta1 = { scale: 'oneMinusLog', low: 0.8, high: 0.99 };
  return { strategy: 'quasi', budget: 8, seed: 3, steps: 60, optimizer: 'adam', space };
}

const study = defaultStudy();
/** Steps of the numpy-vs-engine check (see there). */
const EQUIVALENCE_STEPS = 300;
let dir = '';
let script = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'optuna-check-'));
  script = join(dir, 'study.py');
  writeFileSync(script, optunaScript(study));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the exported Optuna script', () => {
  it('should build the page’s data bit for bit: the spiral split and normalized, and every 2-D set', async () => {
    const py = await python<{
      x_train: number[];
      y_train: number[];
      x_dev: number[];
      y_dev: number[];
      toy: Record<string, { x: number[]; y: number[] }>;
    }>(['data', script]);
    const data = prepareData(
      dataConfigOf({ ...DEFAULT_EXPERIMENT, dataset: STUDY_DATASET, seed: study.seed }),
    );
    expect(py.x_train).toEqual(Array.from(data.xTrain));
    expect(py.y_train).toEqual(Array.from(data.yTrain));
    expect(py.x_dev).toEqual(Array.from(data.xDev));
    expect(py.y_dev).toEqual(Array.from(data.yDev));
    for (const name of ['spiral', 'circles', 'xor', 'gaussian', 'moons'] as ToySetName[]) {
      const toy = generateToySet(name, 1000, DEFAULT_EXPERIMENT.noise, study.seed);
      expect(py.toy[name].x, name).toEqual(Array.from(toy.x));
      expect(py.toy[name].y, name).toEqual(Array.from(toy.y));
    }
  });

  it('should train a trial as the engine does: the same dev costs (within 1e-4) for each optimizer, with and without batch norm', async () => {
    await useCpuBackend();
    const base: TrialValues = {
      learningRate: 0.01,
      momentum: 0.9,
      hiddenUnits: 16,
      miniBatchSize: 32,
      layers: 2,
      decayRate: 0,
      batchNorm: 0,
      adamBeta1: 0.9,
      adamBeta2: 0.999,
      epsilon: 1e-8,
    };
    // Moderate rates: at α = 1 the run is chaotic and float32 rounding (numpy's and tfjs's sum in
    // different orders) grows into a different curve; that says nothing about the rules.
    const cases: { optimizer: ExportedStudy['optimizer']; values: TrialValues }[] = [
      { optimizer: 'adam', values: base },
      {
        optimizer: 'adam',
        values: {
          ...base,
          learningRate: 0.1,
          batchNorm: 1,
          layers: 3,
          hiddenUnits: 20,
          decayRate: 0.5,
          miniBatchSize: 64,
        },
      },
      { optimizer: 'momentum', values: { ...base, learningRate: 0.3, momentum: 0.95, batchNorm: 1 } },
      { optimizer: 'rmsprop', values: { ...base, learningRate: 0.003, adamBeta2: 0.99 } },
      { optimizer: 'sgd', values: { ...base, learningRate: 0.5 } },
    ];
    // 300 steps: the same rules give the same curves, but over a longer run float32 rounding grows
    // too (at the default study's 600 steps, the Adam + batch norm case at α = 0.1 parted by 1.8e-4 at
    // step 350; at 300 steps every case stays within 1e-4).
    const short: ExportedStudy = { ...study, steps: EQUIVALENCE_STEPS };
    const shortScript = join(dir, 'short.py');
    writeFileSync(shortScript, optunaScript(short));
    const py = await python<{ status: string; curve: { devStep: number[]; devCost: number[] } }[]>([
      'train',
      shortScript,
      JSON.stringify(cases),
    ]);
    const data = prepareData(
      dataConfigOf({ ...DEFAULT_EXPERIMENT, dataset: STUDY_DATASET, seed: study.seed }),
    );
    const evalEvery = evalEveryOf(short.steps);
    for (const [k, c] of cases.entries()) {
      const spec = modelSpecOfTrial(c.values, {
        optimizer: c.optimizer,
        seed: short.seed,
        steps: short.steps,
      });
      const trainer = new Trainer(data, [spec], { maxSteps: short.steps, evalEvery });
      const steps: number[] = [];
      const costs: number[] = [];
      while (!trainer.done) {
        trainer.step();
        const collected = await trainer.collect();
        steps.push(...collected.dev.step);
        costs.push(...collected.dev.cost);
      }
      trainer.dispose();
      const label = `${c.optimizer} ${JSON.stringify(c.values)}`;
      expect(py[k].status, label).toBe('finished');
      expect(py[k].curve.devStep, label).toEqual(steps);
      py[k].curve.devCost.forEach((cost, i) => {
        expect(Math.abs(cost - costs[i]), `${label} at step ${steps[i]}`).toBeLessThan(1e-4);
      });
    }
  });

  it('should run a study with every kind of row under each sampler, and write values in its space', async () => {
    const every = everyScaleStudy();
    const path = join(dir, 'every.py');
    writeFileSync(path, optunaScript(every));
    for (const sampler of OPTUNA_SAMPLERS) {
      const out = `every-${sampler}.json`;
      await runScript(dir, path, [
        '--n-trials',
        '2',
        '--sampler',
        sampler,
        '--pruner',
        'none',
        '--seed',
        '4',
        '--out',
        out,
      ]);
      const parsed = parseStudyFile(readFileSync(join(dir, out), 'utf8'));
      if (!parsed.ok) throw new Error(`${sampler}: ${parsed.reason}`);
      expect(parsed.file.sampler, sampler).toBe(sampler);
      expect(parsed.file.trials, sampler).toHaveLength(2);
      for (const t of parsed.file.trials) {
        expect(t.status, sampler).toMatch(/^(finished|diverged)$/);
        expect(valuesInSpace(every.space, t.values), `${sampler} trial ${t.id}`).toBe(true);
      }
    }
  });

  it('should be read by the tools it is for: the W&B sweep by PyYAML, the Ray Tune space by Python', async () => {
    const every = everyScaleStudy();
    writeFileSync(join(dir, 'sweep.yaml'), wandbSweep(every));
    const sweep = await python<{
      method: string;
      metric: { name: string; goal: string };
      parameters: Record<string, Record<string, unknown>>;
    }>(['yaml', join(dir, 'sweep.yaml')]);
    expect(sweep.method).toBe('random');
    expect(sweep.metric).toEqual({ name: 'dev_cost', goal: 'minimize' });
    // Numbers, not strings: PyYAML reads 1e-10 as a string, the export writes 1.0e-10.
    expect(sweep.parameters.epsilon).toEqual({ distribution: 'log_uniform_values', min: 1e-10, max: 1e-6 });
    expect(sweep.parameters.learningRate).toEqual({ distribution: 'log_uniform_values', min: 1e-4, max: 1 });
    expect(sweep.parameters.one_minus_momentum).toEqual({
      distribution: 'log_uniform_values',
      min: 0.001,
      max: 0.1,
    });
    expect(sweep.parameters.hiddenUnits).toEqual({ distribution: 'int_uniform', min: 8, max: 24 });
    expect(sweep.parameters.miniBatchSize).toEqual({ values: [16, 32, 64] });
    expect(sweep.parameters.decayRate).toEqual({ distribution: 'uniform', min: 0, max: 1 });
    expect(sweep.parameters.layers).toEqual({ value: 2 });
    for (const strategy of ['grid', 'random', 'quasi'] as const) {
      const path = join(dir, `ray-${strategy}.py`);
      writeFileSync(path, rayTuneSpace({ ...every, strategy }));
      expect(await python<{ ok: boolean }>(['parse', path])).toEqual({ ok: true });
    }
  });

  it('should run as two processes at once sharing one SQLite study, 3 trials each, and write a study file the page imports', async () => {
    const storage = `sqlite:///${join(dir, 'study.db')}`;
    const name = 'optuna-check';
    const common = ['--storage', storage, '--study-name', name, '--sampler', 'random', '--pruner', 'none'];
    // Both started before either is awaited; different seeds, or random samplers would draw alike.
    const outputs = await Promise.all([
      runScript(dir, script, [...common, '--n-trials', '3', '--seed', '1', '--out', 'first.json']),
      runScript(dir, script, [...common, '--n-trials', '3', '--seed', '2', '--out', 'second.json']),
    ]);
    for (const output of outputs) expect(output).toMatch(/Wrote \d+ trials/);
    // After both: the whole study from the storage.
    await runScript(dir, script, [...common, '--n-trials', '0', '--out', 'results.json']);

    const stored = await python<{
      optuna: string;
      trials: {
        number: number;
        state: string;
        params: Record<string, number>;
        value: number | string | null;
        worker: string;
        status: string;
        reported: number;
      }[];
    }>(['study', storage, name]);
    console.log(`optuna ${stored.optuna}: ${stored.trials.length} trials`);
    expect(stored.trials).toHaveLength(6);
    const rows = exportRows(study.space).filter((r) => r.dim.scale !== 'fixed');
    for (const t of stored.trials) {
      // Complete: a finite dev cost, or (diverged) the worst value; never pruned or failed here.
      expect(t.state, `trial ${t.number}`).toBe('COMPLETE');
      if (t.status === 'diverged') expect(t.value).toBe('inf');
      else expect(typeof t.value === 'number' && t.value >= 0 && Number.isFinite(t.value)).toBe(true);
      expect(Object.keys(t.params).sort()).toEqual(rows.map((r) => r.name).sort());
      for (const r of rows)
        expect(inRange(r.dim, t.params[r.name], r.oneMinus), `trial ${t.number} ${r.name}`).toBe(true);
      expect(t.reported).toBeGreaterThan(0);
    }
    const perWorker = new Map<string, number>();
    for (const t of stored.trials) perWorker.set(t.worker, (perWorker.get(t.worker) ?? 0) + 1);
    expect([...perWorker.values()]).toEqual([3, 3]);

    const text = readFileSync(join(dir, 'results.json'), 'utf8');
    const parsed = parseStudyFile(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    const file = parsed.file;
    expect(file.source).toBe('optuna');
    expect(file.trials).toHaveLength(6);
    expect(file.rounds).toHaveLength(1);
    expect(file.rounds[0].trialIds).toEqual(file.trials.map((t) => t.id));
    expect(file.space).toEqual(study.space);
    for (const t of file.trials) {
      expect(['finished', 'diverged']).toContain(t.status);
      expect(valuesInSpace(study.space, t.values), `trial ${t.id}`).toBe(true);
      expect(t.curve?.devCost.length, `trial ${t.id}`).toBeGreaterThan(0);
      if (t.status === 'finished') {
        expect(t.steps).toBe(study.steps);
        expect(t.curve?.devStep.at(-1)).toBe(study.steps);
        // The page's score (the mean of the last SCORE_EVALUATIONS dev costs), as the objective ranks it.
        const last = (t.curve?.devCost ?? []).slice(-SCORE_EVALUATIONS) as number[];
        expect(t.devCost).toBeCloseTo(last.reduce((x, y) => x + y, 0) / last.length, 12);
      }
    }
    // Each process's own --out is a valid study file too (with what the storage held when it ended).
    for (const own of ['first.json', 'second.json'])
      expect(parseStudyFile(readFileSync(join(dir, own), 'utf8')).ok, own).toBe(true);

    mkdirSync(OPTUNA_RESULTS_DIR, { recursive: true });
    copyFileSync(join(dir, 'results.json'), OPTUNA_RESULTS_PATH);
    copyFileSync(script, OPTUNA_SCRIPT_PATH);
  });
});
