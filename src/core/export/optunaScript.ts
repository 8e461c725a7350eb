// "Export as Optuna study": a self-contained Python 3 script that runs the search lab's study with
// Optuna on any machine, or on many sharing one storage. The script holds the same search space, builds
// the same data with a port of the playground's seeded generator, trains the same network with numpy
// (the engine's rules: batch norm before the activation, the optimizers, inverse decay, mini-batch
// order, the divergence rule) and writes its trials back in the playground's study-file format.
// Generated here: the study's constants and the suggest() calls; the rest is the fixed PYTHON_BODY.
import { DEFAULT_BN_EPSILON, DEFAULT_BN_MOMENTUM } from '../config';
import { DEFAULT_EXPERIMENT, DEV_FRACTION, TOY_SET_SIZE } from '../experiment';
import { SCORE_EVALUATIONS } from '../search/score';
import { numberText, searchedKeys } from '../search/space';
import type { Strategy } from '../search/strategies';
import {
  datasetOf,
  type ExportedStudy,
  type ExportRow,
  evalEveryOf,
  exportRows,
  gridValues,
  pyFloat,
  pyInt,
  searchedSummary,
  studySummary,
  typedNumber,
} from './exportedStudy';
import { STUDY_FILE_FORMAT, STUDY_FILE_VERSION } from './studyFile';

export type { ExportedStudy } from './exportedStudy';

/** The script's --sampler choices. */
export type OptunaSampler = 'random' | 'tpe' | 'qmc' | 'grid';
export const OPTUNA_SAMPLERS: readonly OptunaSampler[] = ['random', 'tpe', 'qmc', 'grid'];

/** The sampler that draws like the lab's strategy: the script's default --sampler. */
export const SAMPLER_OF_STRATEGY: Record<Strategy, OptunaSampler> = {
  random: 'random',
  quasi: 'qmc',
  grid: 'grid',
};

/** Every flag the script takes (the unit tests check each is defined). */
export const OPTUNA_FLAGS = [
  '--n-trials',
  '--study-name',
  '--storage',
  '--sampler',
  '--pruner',
  '--seed',
  '--out',
] as const;

/** A file name for the download. */
export function optunaScriptName(study: ExportedStudy): string {
  return `optuna_study_${datasetOf(study)}_${study.optimizer}_seed${study.seed}.py`;
}

/** The study name every process uses unless --study-name says otherwise. */
export function defaultStudyName(study: ExportedStudy): string {
  return `playground-${datasetOf(study)}-${study.optimizer}-${study.strategy}-seed${study.seed}`;
}

const q = (s: string): string => JSON.stringify(s);

/** A Python dict literal, one entry a line. */
function pyDict(entries: [string, string][], indent = '    '): string {
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${indent}${q(k)}: ${v},`).join('\n')}\n}`;
}

function pyList(values: readonly string[]): string {
  return `[${values.join(', ')}]`;
}

/** A row's dimension as the study file's `space` entry, in Python. */
function spaceEntry(row: ExportRow): string {
  const d = row.dim;
  const n = (v: number) => typedNumber(row, v, pyFloat);
  switch (d.scale) {
    case 'fixed':
      return `{"scale": "fixed", "value": ${n(d.value)}}`;
    case 'choice':
      return `{"scale": "choice", "choices": ${pyList(d.choices.map(n))}}`;
    default:
      return `{"scale": ${q(d.scale)}, "low": ${n(d.low)}, "high": ${n(d.high)}}`;
  }
}

/** The suggest_* lines of one searched row (with a comment saying which scale it is). */
function suggestLines(row: ExportRow): string[] {
  const d = row.dim;
  const n = (v: number) => typedNumber(row, v, pyFloat);
  const target = `values[${q(row.key)}]`;
  const label = row.def.label;
  switch (d.scale) {
    case 'fixed':
      return [];
    case 'log':
      return [
        `    # ${label}: uniform in log10 between ${numberText(d.low)} and ${numberText(d.high)}`,
        `    ${target} = trial.suggest_float(${q(row.name)}, ${pyFloat(d.low)}, ${pyFloat(d.high)}, log=True)`,
      ];
    case 'linear':
      return [
        `    # ${label}: uniform between ${numberText(d.low)} and ${numberText(d.high)}`,
        `    ${target} = trial.suggest_float(${q(row.name)}, ${pyFloat(d.low)}, ${pyFloat(d.high)})`,
      ];
    case 'int':
      return [
        `    # ${label}: a whole number from ${numberText(d.low)} to ${numberText(d.high)}, both included`,
        `    ${target} = trial.suggest_int(${q(row.name)}, ${pyInt(d.low)}, ${pyInt(d.high)})`,
      ];
    case 'choice':
      return [
        `    # ${label}: one of the listed values`,
        `    ${target} = trial.suggest_categorical(${q(row.name)}, ${pyList(d.choices.map(n))})`,
      ];
    case 'oneMinusLog': {
      const om = row.oneMinus as { low: number; high: number };
      return [
        `    # ${label} from ${numberText(d.low)} to ${numberText(d.high)}, searched as 1 − β uniform in log10: the trial suggests`,
        `    # ${row.name} in [${om.low}, ${om.high}] and β = 1 − ${row.name}.`,
        `    ${target} = beta_of(`,
        `        trial.suggest_float(${q(row.name)}, ${pyFloat(om.low)}, ${pyFloat(om.high)}, log=True),`,
        `        ${pyFloat(d.low)},`,
        `        ${pyFloat(d.high)},`,
        '    )',
      ];
    }
  }
}

function docstring(study: ExportedStudy, file: string, name: string): string {
  const samplerDefault = SAMPLER_OF_STRATEGY[study.strategy];
  return `"""The playground's search-lab study, to run with Optuna outside the browser.

Study: ${studySummary(study)}.
Searched: ${searchedSummary(study.space)}.

Each trial trains the same network on the same data as the page: the data come from a port of the
playground's seeded generator (the same seed gives the same points, bit for bit), the network is
trained with numpy by the engine's rules, and the objective is the trial's score as the page ranks it: the mean dev
cost over the last ${SCORE_EVALUATIONS} dev evaluations (lower is better; the last evaluation alone is mostly where the last
mini-batches left the weights). Each dev cost also goes to trial.report() so that Optuna's pruners can stop poor
trials early.

One machine:
    python3 ${file} --n-trials 50 --storage sqlite:///study.db --out results.json

Several processes or machines share one study through one storage (an Optuna RDB URL). On one machine
several processes may share a SQLite file; across machines use a database server, e.g.
    --storage postgresql://user:password@host/dbname    or    --storage mysql+pymysql://user:password@host/dbname
and start the same command, with the same --study-name, on every machine. Each process runs its own
--n-trials; the study (load_if_exists) collects them all. When all are done,
    python3 ${file} --n-trials 0 --storage <the same URL> --out results.json
writes every trial of the study to results.json, which the playground's "Import study" reads.

Flags:
    --n-trials N       trials this process runs (default ${study.budget}, the lab's budget; 0: only write --out)
    --study-name NAME  the shared study (default ${name})
    --storage URL      Optuna RDB URL (default: in memory, this process only)
    --sampler S        random | tpe | qmc | grid (default ${samplerDefault}, as the lab's ${study.strategy} strategy).
                       qmc is Optuna's QMCSampler with a scrambled Halton sequence (the lab's quasi-random
                       kind; Optuna 3.0 and later; it draws choice rows at random, and its first trial
                       too). grid runs the lab's own grid for this budget.
    --pruner P         median | halving | none (default median, Optuna's own default)
    --seed N           the sampler's seed. With random or tpe give each process its own seed, or none:
                       processes with the same seed draw the same trials. qmc and grid default to the
                       study's seed (${study.seed}): Optuna wants every process of a scrambled QMC study on one
                       seed. The data and the initial weights always use the study's seed.
    --out FILE         write the whole study (every process's trials) as a playground study file

1 − β rows: a hyperparameter searched on the lab's "log on 1−β" scale (momentum β, Adam's β1 and β2) is
suggested as one_minus_<name>, on a log scale, and β = 1 − one_minus_<name>: equal steps in log(1 − β)
matter equally (β from 0.9 to 0.99 averages over 10 → 100 steps).

A trial that diverges (its cost not finite, or above max(100, 20 × its first cost), as in the page)
returns float("inf") and is recorded with status "diverged": it stays a complete trial with the worst
value, so every sampler learns to avoid its region (as a pruned trial, TPE would judge it by the last
cost it reported before blowing up).

Needs Python 3, numpy and Optuna 3.1 or later (Debian: apt-get install python3-optuna python3-numpy),
and scikit-learn for the digits data (python3-sklearn).
"""`;
}

/**
 * The Python 3 script for a study (its settings and the space of the round exported). Run it with
 * `python3 <file> --n-trials 50 --storage sqlite:///study.db --out results.json`.
 */
export function optunaScript(study: ExportedStudy): string {
  const rows = exportRows(study.space);
  const searched = new Set(searchedKeys(study.space));
  const file = optunaScriptName(study);
  const name = defaultStudyName(study);
  const grid = gridValues(study);
  const fixed = rows.filter((r) => r.dim.scale === 'fixed');
  const e = DEFAULT_EXPERIMENT;
  const header = [
    '#!/usr/bin/env python3',
    docstring(study, file, name),
    'import argparse',
    'import datetime',
    'import json',
    'import math',
    'import os',
    'import random',
    'import socket',
    'import sys',
    'import time',
    'import warnings',
    '',
    'import numpy as np',
    'import optuna',
    '',
    '# ---------- the study, as exported from the playground ----------',
    '',
    `STUDY_FILE_FORMAT = ${q(STUDY_FILE_FORMAT)}`,
    `STUDY_FILE_VERSION = ${STUDY_FILE_VERSION}`,
    `STRATEGY = ${q(study.strategy)}  # the lab's strategy; --sampler defaults to ${q(SAMPLER_OF_STRATEGY[study.strategy])}`,
    `BUDGET = ${pyInt(study.budget)}`,
    '# Seeds the data, the train/dev split, the initial weights and the mini-batch order, as in the page.',
    `SEED = ${pyInt(study.seed)}`,
    `STEPS = ${pyInt(study.steps)}`,
    "# A trial's score, the objective: the mean of its last SCORE_EVALUATIONS dev costs (the page's).",
    `SCORE_EVALUATIONS = ${pyInt(SCORE_EVALUATIONS)}`,
    `OPTIMIZER = ${q(study.optimizer)}  # sgd | momentum | rmsprop | adam`,
    `DATASET = ${q(datasetOf(study))}`,
    `DEFAULT_STUDY_NAME = ${q(name)}`,
    `DEFAULT_SAMPLER = ${q(SAMPLER_OF_STRATEGY[study.strategy])}`,
    '',
    "# Everything a trial does not search: the playground's experiment defaults.",
    `NETWORK = ${pyDict([
      ['activation', q(e.activation)],
      ['init', q(e.init)],
      ['init_std', pyFloat(e.initStd)],
      ['normalize_inputs', e.normalizeInputs ? 'True' : 'False'],
      ['noise', pyFloat(e.noise)],
      ['toy_set_size', pyInt(TOY_SET_SIZE)],
      ['dev_fraction', pyFloat(DEV_FRACTION)],
      ['bn_momentum', pyFloat(DEFAULT_BN_MOMENTUM)],
      ['bn_epsilon', pyFloat(DEFAULT_BN_EPSILON)],
      ['eval_every', pyInt(study.evalEvery ?? evalEveryOf(study.steps))],
    ])}`,
    '',
    '# The search space as the playground writes it (the study file\'s "space").',
    `SPACE = ${pyDict(rows.map((r) => [r.key, spaceEntry(r)]))}`,
    '',
    '# The rows not searched: constants of every trial.',
    `FIXED = ${pyDict(fixed.map((r) => [r.key, typedNumber(r, (r.dim as { value: number }).value, pyFloat)]))}`,
    '',
    "# --sampler grid: the lab's grid for this budget, per searched parameter (1 − β for the 1−β rows).",
    `GRID = ${pyDict(
      rows
        .filter((r) => searched.has(r.key))
        .map((r) => [r.name, pyList((grid[r.key] ?? []).map((v) => typedNumber(r, v, pyFloat)))]),
    )}`,
    '',
    '# Searched 1−β rows: the suggested parameter and the hyperparameter it gives.',
    `ONE_MINUS = ${pyDict(rows.filter((r) => r.oneMinus && searched.has(r.key)).map((r) => [r.name, q(r.key)]))}`,
    '',
    '',
    'def beta_of(one_minus, low, high):',
    '    """β = 1 − (1 − β), kept inside [low, high]: 1 − (1 − 0.999) is 0.9990000000000001 in floats."""',
    '    return min(high, max(low, 1.0 - one_minus))',
    '',
    '',
    'def suggest(trial):',
    '    """One trial\'s hyperparameters: the searched rows from Optuna, the others from FIXED."""',
    '    values = dict(FIXED)',
    ...rows.flatMap(suggestLines),
    '    return values',
    '',
  ];
  return `${header.join('\n')}\n${PYTHON_BODY}`;
}

// The part of the script that does not depend on the study, as Python text. A template literal: it
// must hold no backslash and no dollar-brace (a backslash-n would reach Python as a line break).
// The numbers it mirrors are named beside each piece.
const PYTHON_BODY = `
def values_of_params(params):
    """A trial's hyperparameters from its Optuna params alone (for trials that did not record them)."""
    values = dict(FIXED)
    for name, value in params.items():
        if name in ONE_MINUS:
            key = ONE_MINUS[name]
            values[key] = beta_of(value, SPACE[key]["low"], SPACE[key]["high"])
        else:
            values[name] = value
    return values


# ---------- the playground's seeded random numbers (src/core/rng.ts) ----------
# mulberry32 on unsigned 32-bit integers, so the same seed gives the same stream as the page's, number
# for number. The normals use the same Box-Muller formula; Python's math.log/cos may differ from the
# browser's in the last bit of a double, which almost never survives the rounding to float32 below.

MASK = 0xFFFFFFFF


def imul(a, b):
    """JavaScript's Math.imul on unsigned values: the low 32 bits of the product."""
    return (a * b) & MASK


class Rng:
    def __init__(self, seed):
        self.a = seed & MASK

    def next(self):
        """Uniform in [0, 1)."""
        self.a = (self.a + 0x6D2B79F5) & MASK
        t = self.a
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & MASK
        return ((t ^ (t >> 14)) & MASK) / 4294967296.0

    def normal(self):
        u = 1.0 - self.next()  # (0, 1]: the log stays finite
        v = self.next()
        return math.sqrt(-2.0 * math.log(u)) * math.cos(2.0 * math.pi * v)

    def int(self, n):
        return int(math.floor(self.next() * n))


def derive_seed(seed, stream):
    """An independent stream ("weights", "split", ...) from a base seed (deriveSeed in rng.ts)."""
    h = (seed ^ 0x9E3779B9) & MASK
    for ch in stream:
        h = imul(h ^ ord(ch), 0x01000193)
    h ^= h >> 16
    h = imul(h, 0x85EBCA6B)
    h ^= h >> 13
    return h & MASK


def shuffle(rng, values):
    """Fisher-Yates in place, drawing as shuffleInPlace does."""
    for i in range(len(values) - 1, 0, -1):
        j = rng.int(i + 1)
        values[i], values[j] = values[j], values[i]


def js_round(v):
    """JavaScript's Math.round (halves up; Python's round() takes halves to even)."""
    return int(math.floor(v + 0.5))


# ---------- the data (src/core/datasets.ts, src/engine/preparedData.ts) ----------

# How far each 2-D set's points are jittered at noise 1.
JITTER = {"spiral": 0.5, "circles": 0.5, "xor": 0.5, "gaussian": 1.5, "moons": 0.6}


def toy_point(name, rng, label):
    """A clean point of class label; every shape draws the same count of numbers whatever the noise."""
    if name == "spiral":
        # Two arms, the second turned by π; the radius grows with the angle.
        t = rng.next()
        r = 5 * t
        angle = 1.75 * 2 * math.pi * t + label * math.pi
        return r * math.sin(angle), r * math.cos(angle)
    if name == "circles":
        u = rng.next()
        r = 2 * u if label == 1 else 3.5 + 1.5 * u
        angle = 2 * math.pi * rng.next()
        return r * math.sin(angle), r * math.cos(angle)
    if name == "xor":
        a = 0.3 + 4.7 * rng.next()
        b = 0.3 + 4.7 * rng.next()
        flip = -1 if rng.next() < 0.5 else 1
        return (flip * a, flip * b) if label == 1 else (flip * a, -flip * b)
    if name == "gaussian":
        c = 2 if label == 1 else -2
        first = c + 0.6 * rng.normal()
        return first, c + 0.6 * rng.normal()
    if name == "moons":
        t = math.pi * rng.next()
        mx, my = (math.cos(t), math.sin(t)) if label == 0 else (1 - math.cos(t), 0.5 - math.sin(t))
        return 3 * (mx - 0.5), 3 * (my - 0.25)
    raise ValueError("unknown data set " + name)


def toy_set(name, size, noise, seed):
    """size points, labels alternating 0/1, rounded to float32 as the page stores them."""
    rng = Rng(derive_seed(seed, "dataset-" + name))
    jitter = JITTER[name]
    x = np.empty((size, 2), dtype=np.float32)
    y = np.empty(size, dtype=np.int64)
    for i in range(size):
        label = i % 2
        px, py = toy_point(name, rng, label)
        # The jitter is drawn even at noise 0, so the clean points do not depend on the noise.
        x[i, 0] = px + noise * jitter * rng.normal()
        x[i, 1] = py + noise * jitter * rng.normal()
        y[i] = label
    return x, y


def digits():
    """The UCI optical digits (1797 images of 8×8 pixels in 0..16): scikit-learn ships the same file
    (digits.csv.gz) the playground packs into public/data/digits.bin, in the same order."""
    from sklearn.datasets import load_digits

    data = load_digits()
    return data.data.astype(np.float32), data.target.astype(np.int64)


def split_train_dev(count, dev_fraction, seed):
    """A seeded permutation cut into dev (the first round(count × fraction)) and train, each sorted."""
    order = list(range(count))
    shuffle(Rng(derive_seed(seed, "split")), order)
    dev_count = min(count, max(0, js_round(count * dev_fraction)))
    return sorted(order[dev_count:]), sorted(order[:dev_count])


def normalization_stats(x, rows):
    """Mean and population std per feature over the training rows only (the dev set never leaks in),
    summed in float64 in row order as the page does, kept as float32."""
    features = x.shape[1]
    mean = np.zeros(features, dtype=np.float32)
    std = np.ones(features, dtype=np.float32)
    n = max(1, len(rows))
    for f in range(features):
        total = 0.0
        squares = 0.0
        for v in x[rows, f].astype(np.float64).tolist():
            total += v
            squares += v * v
        m = total / n
        s = math.sqrt(max(0.0, squares / n - m * m))
        mean[f] = m
        # A constant feature (a digits border pixel) would divide by zero: it stays unscaled.
        std[f] = s if s > 1e-6 else 1.0
    return mean, std


_DATA = None


def prepared_data():
    """The train and dev sets every trial shares (built once per process)."""
    global _DATA
    if _DATA is None:
        if DATASET == "digits":
            x, y = digits()
            classes = 10
        else:
            x, y = toy_set(DATASET, NETWORK["toy_set_size"], NETWORK["noise"], SEED)
            classes = 2
        train, dev = split_train_dev(len(y), NETWORK["dev_fraction"], SEED)
        if NETWORK["normalize_inputs"]:
            mean, std = normalization_stats(x, train)
            x = ((x.astype(np.float64) - mean.astype(np.float64)) / std.astype(np.float64)).astype(np.float32)
        outputs = 1 if classes == 2 else classes

        def targets(labels):
            if outputs == 1:
                return labels.astype(np.float32).reshape(-1, 1)
            return np.eye(classes, dtype=np.float32)[labels]

        _DATA = {
            "classes": classes,
            "outputs": outputs,
            "x_train": x[train],
            "y_train": y[train],
            "t_train": targets(y[train]),
            "x_dev": x[dev],
            "y_dev": y[dev],
            "t_dev": targets(y[dev]),
        }
    return _DATA


# ---------- the network (src/engine/modelState.ts, forward.ts, backprop.ts, updateRules.ts) ----------

F32 = np.float32


def initial_layers(inputs, hidden, outputs, batch_norm, seed):
    """Weights drawn from the model's own stream (row-major, layer by layer); a hidden layer with batch
    norm has γ = 1 and β = 0 and no bias (the mean subtraction would cancel it); the others b = 0."""
    rng = Rng(derive_seed(seed, "weights"))
    sizes = [inputs] + hidden + [outputs]
    layers = []
    for l in range(len(sizes) - 1):
        fan_in, fan_out = sizes[l], sizes[l + 1]
        if NETWORK["init"] == "he":
            std = math.sqrt(2 / fan_in)
        elif NETWORK["init"] == "glorot":
            std = math.sqrt(2 / (fan_in + fan_out))
        else:
            std = NETWORK["init_std"]
        weights = [rng.normal() * std for _ in range(fan_in * fan_out)]
        layer = {"W": np.array(weights, dtype=np.float32).reshape(fan_in, fan_out)}
        if l < len(hidden) and batch_norm:
            layer["gamma"] = np.ones((1, fan_out), dtype=np.float32)
            layer["beta"] = np.zeros((1, fan_out), dtype=np.float32)
            layer["running_mean"] = np.zeros((1, fan_out), dtype=np.float32)
            layer["running_var"] = np.ones((1, fan_out), dtype=np.float32)
        else:
            layer["b"] = np.zeros((1, fan_out), dtype=np.float32)
        layers.append(layer)
    return layers


def activate(z):
    kind = NETWORK["activation"]
    if kind == "tanh":
        return np.tanh(z)
    if kind == "relu":
        return np.maximum(z, F32(0))
    if kind == "sigmoid":
        return F32(1) / (F32(1) + np.exp(-z))
    return z


def activation_slope(a, z_tilde):
    """da/dz̃ from what the forward pass kept (None for a linear activation)."""
    kind = NETWORK["activation"]
    if kind == "tanh":
        return F32(1) - a * a
    if kind == "sigmoid":
        return a * (F32(1) - a)
    if kind == "relu":
        return (z_tilde > 0).astype(np.float32)
    return None


def forward(layers, x, train):
    """Logits and what backprop needs. Batch norm sits on z, before the activation:
    z_norm = (z − μ)/sqrt(σ² + ε), z̃ = γ·z_norm + β; μ and σ² of the mini-batch when training, the
    running averages when evaluating."""
    eps = F32(NETWORK["bn_epsilon"])
    caches = []
    a = x
    for layer in layers[:-1]:
        inputs = a
        z = inputs @ layer["W"]
        cache = {"input": inputs}
        if "gamma" in layer:
            if train:
                mean = z.mean(axis=0, keepdims=True)
                centred = z - mean
                variance = (centred * centred).mean(axis=0, keepdims=True)
                cache["mean"], cache["variance"] = mean, variance
            else:
                centred = z - layer["running_mean"]
                variance = layer["running_var"]
            inv_std = F32(1) / np.sqrt(variance + eps)
            z_norm = centred * inv_std
            z_tilde = layer["gamma"] * z_norm + layer["beta"]
            cache["inv_std"], cache["z_norm"] = inv_std, z_norm
        else:
            z_tilde = z + layer["b"]
        a = activate(z_tilde)
        cache["z_tilde"], cache["a"] = z_tilde, a
        caches.append(cache)
    out = layers[-1]
    logits = a @ out["W"] + out["b"]
    return logits, caches, a


def mean_cost(logits, targets, outputs):
    """Two classes: binary cross-entropy on the logit, softplus(z) − z·y. More: softmax cross-entropy."""
    if outputs == 1:
        return float(np.mean(np.logaddexp(F32(0), logits) - logits * targets))
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_softmax = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(np.mean(-(targets * log_softmax).sum(axis=1)))


def accuracy(logits, labels, outputs):
    predicted = (logits[:, 0] > 0).astype(np.int64) if outputs == 1 else logits.argmax(axis=1)
    return float(np.mean(predicted == labels))


def cost_and_gradients(layers, x, targets, outputs):
    """The mini-batch's mean cost (before the update), the gradients by hand, the batch statistics."""
    logits, caches, last = forward(layers, x, True)
    cost = mean_cost(logits, targets, outputs)
    batch = x.shape[0]
    inv_batch = F32(1.0 / batch)
    if outputs == 1:
        predicted = F32(1) / (F32(1) + np.exp(-logits))
    else:
        shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
        predicted = shifted / shifted.sum(axis=1, keepdims=True)
    dz = (predicted - targets) * inv_batch
    grads = [dict() for _ in layers]
    out = len(layers) - 1
    grads[out]["W"] = last.T @ dz
    grads[out]["b"] = dz.sum(axis=0, keepdims=True)
    d_a = dz @ layers[out]["W"].T
    for l in range(out - 1, -1, -1):
        layer, cache = layers[l], caches[l]
        slope = activation_slope(cache["a"], cache["z_tilde"])
        d_tilde = d_a * slope if slope is not None else d_a
        if "gamma" in layer:
            # Through the normalisation, the batch mean and the batch variance together:
            # dJ/dz = γ/σ · (dJ/dz̃ − mean(dJ/dz̃) − z_norm · mean(dJ/dz̃ ⊙ z_norm)).
            z_norm = cache["z_norm"]
            d_beta = d_tilde.sum(axis=0, keepdims=True)
            d_gamma = (d_tilde * z_norm).sum(axis=0, keepdims=True)
            grads[l]["beta"], grads[l]["gamma"] = d_beta, d_gamma
            scale = layer["gamma"] * cache["inv_std"]
            dz = scale * (d_tilde - d_beta * inv_batch - z_norm * (d_gamma * inv_batch))
        else:
            dz = d_tilde
            grads[l]["b"] = dz.sum(axis=0, keepdims=True)
        grads[l]["W"] = cache["input"].T @ dz
        if l > 0:
            d_a = dz @ layer["W"].T
    return cost, grads, caches


class Optimizer:
    """The update rules of updateRules.ts, in float32 like the page's tensors."""

    def __init__(self, kind, values):
        self.kind = kind
        self.beta = F32(values["momentum"])
        self.one_minus_beta = F32(1 - values["momentum"])
        self.beta1 = values["adamBeta1"]
        self.beta2 = values["adamBeta2"]
        self.b1 = F32(self.beta1)
        self.one_minus_b1 = F32(1 - self.beta1)
        self.b2 = F32(self.beta2)
        self.one_minus_b2 = F32(1 - self.beta2)
        self.epsilon = values["epsilon"]
        self.eps = F32(self.epsilon)
        self.v = {}
        self.s = {}

    def step(self, layers, grads, learning_rate, t):
        lr = F32(learning_rate)
        if self.kind == "adam":
            # Bias correction folded into the step size and ε (the usual efficient form):
            # α·v̂/(sqrt(ŝ) + ε) = α·sqrt(1 − β2^t)/(1 − β1^t) · v/(sqrt(s) + ε·sqrt(1 − β2^t)).
            root = math.sqrt(1 - self.beta2**t)
            step_size = F32(learning_rate * root / (1 - self.beta1**t))
            adam_eps = F32(self.epsilon * root)
        for l, layer in enumerate(layers):
            for name, g in grads[l].items():
                key = (l, name)
                p = layer[name]
                if self.kind == "sgd":
                    # W := W − α·dW
                    layer[name] = p - lr * g
                elif self.kind == "momentum":
                    # v := β·v + (1 − β)·dW;  W := W − α·v
                    v = self.beta * self.v.get(key, np.zeros_like(p)) + self.one_minus_beta * g
                    self.v[key] = v
                    layer[name] = p - lr * v
                elif self.kind == "rmsprop":
                    # s := β2·s + (1 − β2)·dW²;  W := W − α·dW/(sqrt(s) + ε)
                    s = self.b2 * self.s.get(key, np.zeros_like(p)) + self.one_minus_b2 * (g * g)
                    self.s[key] = s
                    layer[name] = p - lr * (g / (np.sqrt(s) + self.eps))
                else:
                    v = self.b1 * self.v.get(key, np.zeros_like(p)) + self.one_minus_b1 * g
                    s = self.b2 * self.s.get(key, np.zeros_like(p)) + self.one_minus_b2 * (g * g)
                    self.v[key], self.s[key] = v, s
                    layer[name] = p - step_size * (v / (np.sqrt(s) + adam_eps))


class BatchOrder:
    """Mini-batch indices (batchOrder.ts): a seeded permutation walked in order, reshuffled when the
    epoch runs out; an epoch's leftover smaller than a batch is dropped so every batch has one size."""

    def __init__(self, train_size, seed):
        self.rng = Rng(derive_seed(seed, "mini-batches"))
        self.permutation = list(range(train_size))
        shuffle(self.rng, self.permutation)
        self.cursor = 0
        self.epoch = 0

    def next(self, size):
        n = len(self.permutation)
        b = min(size, n)
        if self.cursor + b > n:
            shuffle(self.rng, self.permutation)
            self.cursor = 0
            self.epoch += 1
        batch = self.permutation[self.cursor : self.cursor + b]
        self.cursor += b
        return batch


# A cost this many times the first one (and at least the floor) counts as diverged (engine/trainer.ts).
DIVERGENCE_FACTOR = 20
DIVERGENCE_FLOOR = 100
# Train-cost points kept in a trial's curve (the dev cost is kept at every evaluation).
CURVE_POINTS = 200


def score_of(dev_costs):
    """The page's score (src/core/search/score.ts): the mean of the last SCORE_EVALUATIONS dev costs
    (fewer while there are fewer; None when there is none)."""
    window = list(dev_costs)[-SCORE_EVALUATIONS:]
    return sum(window) / len(window) if window else None


def train(values, report=None):
    """Trains one trial's network for STEPS steps (src/core/search/trial.ts: layers × units hidden,
    batch norm on every hidden layer when batchNorm ≥ 0.5, inverse decay α0/(1 + rate·epoch) when the
    rate is above 0). report(step, dev_cost) is called at each dev evaluation; when it returns True the
    trial stops there ("pruned"). Returns the outcome and the curve."""
    data = prepared_data()
    layers_count = max(1, js_round(values["layers"]))
    units = max(1, js_round(values["hiddenUnits"]))
    hidden = [units] * layers_count
    batch_norm = values["batchNorm"] >= 0.5
    batch = min(max(1, js_round(values["miniBatchSize"])), len(data["y_train"]))
    decay = values["decayRate"]
    outputs = data["outputs"]
    layers = initial_layers(data["x_train"].shape[1], hidden, outputs, batch_norm, SEED)
    optimizer = Optimizer(OPTIMIZER, values)
    order = BatchOrder(len(data["y_train"]), SEED)
    momentum = F32(NETWORK["bn_momentum"])
    one_minus_momentum = F32(1 - NETWORK["bn_momentum"])
    eval_every = NETWORK["eval_every"]
    keep_every = max(1, math.ceil(STEPS / CURVE_POINTS))
    curve = {"trainStep": [], "trainCost": [], "devStep": [], "devCost": [], "devAccuracy": []}
    result = {"status": "finished", "reason": None, "steps": 0, "train_cost": None, "dev_cost": None,
              "dev_accuracy": None, "score": None, "curve": curve}
    first_cost = None
    with np.errstate(all="ignore"):
        for step in range(1, STEPS + 1):
            indices = order.next(batch)
            # The decayed rate counts completed epochs, after this batch's draw (as the page does).
            learning_rate = values["learningRate"] / (1 + decay * order.epoch) if decay > 0 else values["learningRate"]
            cost, grads, caches = cost_and_gradients(layers, data["x_train"][indices], data["t_train"][indices],
                                                     outputs)
            optimizer.step(layers, grads, learning_rate, step)
            # Running averages for evaluation: running := m·running + (1 − m)·batch statistic.
            for layer, cache in zip(layers, caches):
                if "gamma" in layer:
                    layer["running_mean"] = momentum * layer["running_mean"] + one_minus_momentum * cache["mean"]
                    layer["running_var"] = momentum * layer["running_var"] + one_minus_momentum * cache["variance"]
            result["steps"] = step
            if first_cost is None:
                first_cost = cost
            bound = max(DIVERGENCE_FLOOR, DIVERGENCE_FACTOR * first_cost)
            if not math.isfinite(cost) or cost > bound:
                result["status"] = "diverged"
                if math.isfinite(cost):
                    result["reason"] = "cost %.3g exceeded %.3g" % (cost, bound)
                    # The cost that blew up ends the curve, so a chart shows the spike the reason names.
                    curve["trainStep"].append(step)
                    curve["trainCost"].append(cost)
                else:
                    result["reason"] = "cost became %s" % cost
                break
            result["train_cost"] = cost
            if step % keep_every == 0 or step == STEPS:
                curve["trainStep"].append(step)
                curve["trainCost"].append(cost)
            if step % eval_every == 0 or step == STEPS:
                logits, _, _ = forward(layers, data["x_dev"], False)
                dev_cost = mean_cost(logits, data["t_dev"], outputs)
                if not math.isfinite(dev_cost):
                    result["status"] = "diverged"
                    result["reason"] = "dev cost became %s" % dev_cost
                    break
                dev_accuracy = accuracy(logits, data["y_dev"], outputs)
                result["dev_cost"], result["dev_accuracy"] = dev_cost, dev_accuracy
                curve["devStep"].append(step)
                curve["devCost"].append(dev_cost)
                curve["devAccuracy"].append(dev_accuracy)
                result["score"] = score_of(curve["devCost"])
                if report is not None and report(step, dev_cost):
                    result["status"] = "pruned"
                    result["reason"] = "pruned by Optuna at step %d" % step
                    break
    return result


# ---------- Optuna ----------

WORKER = "%s:%d" % (socket.gethostname(), os.getpid())


def make_sampler(name, seed):
    """The sampler and the name it is recorded under (qmc falls back to random where Optuna lacks it)."""
    if name == "qmc":
        qmc = getattr(optuna.samplers, "QMCSampler", None)
        if qmc is None:
            print("This Optuna (%s) has no QMCSampler (it came in 3.0): sampling at random instead."
                  % optuna.__version__, file=sys.stderr)
            return "random", optuna.samplers.RandomSampler(seed=seed)
        # QMCSampler is marked experimental in Optuna 3.x; the warning says nothing this script can act on.
        warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
        # Choice rows are drawn at random by QMCSampler itself (a QMC sequence has no categorical axis):
        # that is by design here, so its per-trial warning about it is turned off.
        return "qmc", qmc(qmc_type="halton", scramble=True, seed=SEED if seed is None else seed,
                          warn_independent_sampling=False)
    if name == "grid":
        return "grid", optuna.samplers.GridSampler(GRID, seed=SEED if seed is None else seed)
    if name == "tpe":
        return "tpe", optuna.samplers.TPESampler(seed=seed)
    return "random", optuna.samplers.RandomSampler(seed=seed)


def make_pruner(name):
    if name == "none":
        return optuna.pruners.NopPruner()
    if name == "halving":
        return optuna.pruners.SuccessiveHalvingPruner()
    return optuna.pruners.MedianPruner()


def open_study(storage_url, study_name, sampler, pruner):
    """Creates the study or joins it. Processes started together on a new SQLite file can collide while
    creating its tables (database is locked, table exists): such a collision is retried a few times."""
    storage = None
    for attempt in range(8):
        try:
            if storage_url:
                # SQLite: wait for a writer's lock instead of failing at once (several processes, one file).
                kwargs = {"connect_args": {"timeout": 60}} if storage_url.startswith("sqlite") else {}
                storage = optuna.storages.RDBStorage(storage_url, engine_kwargs=kwargs)
            return optuna.create_study(storage=storage, study_name=study_name, sampler=sampler, pruner=pruner,
                                       direction="minimize", load_if_exists=True)
        except Exception as error:  # sqlalchemy's OperationalError / IntegrityError, without importing it
            if not storage_url or attempt == 7 or type(error).__name__ not in ("OperationalError", "IntegrityError"):
                raise
            print("The storage is busy (%s); trying again." % type(error).__name__, file=sys.stderr)
            time.sleep(0.2 + random.random() * 0.5 * (attempt + 1))
    raise RuntimeError("unreachable")


def make_objective(sampler_name):
    def objective(trial):
        values = suggest(trial)
        trial.set_user_attr("values", values)
        trial.set_user_attr("worker", WORKER)
        trial.set_user_attr("sampler", sampler_name)

        def report(step, dev_cost):
            trial.report(dev_cost, step)
            # Pruning after the last step would save nothing: the trial is done.
            return step < STEPS and trial.should_prune()

        result = train(values, report)
        trial.set_user_attr("outcome", {k: result[k] for k in
                                        ("status", "reason", "steps", "train_cost", "dev_cost", "dev_accuracy",
                                         "score")})
        trial.set_user_attr("curve", result["curve"])
        if result["status"] == "pruned":
            raise optuna.TrialPruned(result["reason"])
        if result["status"] == "diverged":
            # The worst value, not a prune: see the module's docstring.
            return float("inf")
        return result["score"]

    return objective


# ---------- the playground's study file (src/core/export/studyFile.ts) ----------

STRATEGY_OF_SAMPLER = {"random": "random", "tpe": "random", "qmc": "quasi", "grid": "grid"}


def finite(v):
    return v if isinstance(v, (int, float)) and math.isfinite(v) else None


def file_trial(t):
    """One Optuna trial as a study-file trial, or None when it has no complete set of values yet."""
    state = t.state
    values = t.user_attrs.get("values") or values_of_params(t.params)
    if any(key not in values for key in SPACE):
        return None
    outcome = t.user_attrs.get("outcome", {})
    sampler = t.user_attrs.get("sampler", "random")
    status = {
        optuna.trial.TrialState.COMPLETE: "finished",
        optuna.trial.TrialState.PRUNED: "stopped",
        optuna.trial.TrialState.FAIL: "stopped",
        optuna.trial.TrialState.RUNNING: "training",
        optuna.trial.TrialState.WAITING: "waiting",
    }[state]
    reason = outcome.get("reason")
    if state == optuna.trial.TrialState.COMPLETE and outcome.get("status") == "diverged":
        status = "diverged"
    elif state == optuna.trial.TrialState.FAIL:
        reason = "the trial failed (an exception in the objective; see that process's output)"
    # The file's devCost is the score, as the page's trials hold it (a trial without an outcome, still
    # running or failed, from what it reported).
    dev_cost = outcome.get("score")
    if dev_cost is None and t.intermediate_values:
        dev_cost = score_of(t.intermediate_values[k] for k in sorted(t.intermediate_values))
    trial = {
        "id": t.number + 1,
        "round": 0,
        "strategy": STRATEGY_OF_SAMPLER.get(sampler, "random"),
        "values": {key: values[key] for key in SPACE},
        "status": status,
        "trainCost": finite(outcome.get("train_cost")),
        "devCost": finite(dev_cost),
        "devAccuracy": finite(outcome.get("dev_accuracy")),
        "steps": int(outcome.get("steps", max(t.intermediate_values) if t.intermediate_values else 0)),
    }
    if reason:
        trial["reason"] = reason
    curve = t.user_attrs.get("curve")
    if curve:
        trial["curve"] = {k: [finite(v) if k.endswith(("Cost", "Accuracy")) else v for v in curve[k]]
                          for k in ("trainStep", "trainCost", "devStep", "devCost", "devAccuracy")}
    return trial


def study_file(study, sampler_name):
    """The whole study in the storage (every process's trials) in the playground's study-file format."""
    trials = []
    for t in sorted(study.get_trials(deepcopy=False), key=lambda t: t.number):
        ft = file_trial(t)
        if ft is None:
            print("Trial %d has no complete set of values; it is left out of the file." % t.number, file=sys.stderr)
        else:
            trials.append(ft)
    samplers = [t.user_attrs.get("sampler") for t in study.get_trials(deepcopy=False) if "sampler" in t.user_attrs]
    sampler = max(set(samplers), key=samplers.count) if samplers else sampler_name
    strategy = STRATEGY_OF_SAMPLER[sampler]
    now = datetime.datetime.now(datetime.timezone.utc)
    return {
        "format": STUDY_FILE_FORMAT,
        "version": STUDY_FILE_VERSION,
        "source": "optuna",
        "createdAt": now.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (now.microsecond // 1000),
        "sampler": sampler,
        "strategy": strategy,
        # One round holds every trial, so a round's budget is the study's trial count.
        "budget": max(1, len(trials)),
        "seed": SEED,
        "steps": STEPS,
        "optimizer": OPTIMIZER,
        "space": SPACE,
        "rounds": [{"index": 0, "space": SPACE, "strategy": strategy, "region": None,
                    "trialIds": [t["id"] for t in trials]}],
        "trials": trials,
    }


def write_study_file(study, sampler_name, path):
    data = study_file(study, sampler_name)
    # Written beside the target and moved over it, so a reader never sees half a file.
    tmp = "%s.%d.tmp" % (path, os.getpid())
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, allow_nan=False, indent=1)
    os.replace(tmp, path)
    return data


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Run the playground's search-lab study with Optuna.")
    parser.add_argument("--n-trials", type=int, default=BUDGET, help="trials this process runs (0: only --out)")
    parser.add_argument("--study-name", default=DEFAULT_STUDY_NAME, help="the study several processes share")
    parser.add_argument("--storage", default=None,
                        help="Optuna RDB URL: sqlite:///study.db, postgresql://..., mysql+pymysql://... "
                             "(default: in memory)")
    parser.add_argument("--sampler", choices=["random", "tpe", "qmc", "grid"], default=DEFAULT_SAMPLER)
    parser.add_argument("--pruner", choices=["median", "halving", "none"], default="median")
    parser.add_argument("--seed", type=int, default=None, help="the sampler's seed (see the docstring)")
    parser.add_argument("--out", default=None, help="write the whole study as a playground study file (JSON)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    if args.n_trials < 0:
        sys.exit("--n-trials must be 0 or more")
    sampler_name, sampler = make_sampler(args.sampler, args.seed)
    study = open_study(args.storage, args.study_name, sampler, make_pruner(args.pruner))
    if args.n_trials > 0:
        prepared_data()
        study.optimize(make_objective(sampler_name), n_trials=args.n_trials)
    trials = study.get_trials(deepcopy=False)
    done = [t for t in trials if t.state == optuna.trial.TrialState.COMPLETE and math.isfinite(t.value)]
    print("Study %s: %d trials in the storage, %d finished with a finite dev cost."
          % (args.study_name, len(trials), len(done)))
    if done:
        best = min(done, key=lambda t: t.value)
        print("Best: trial %d, dev cost %.4g, %s" % (best.number, best.value, best.params))
    if args.out:
        data = write_study_file(study, sampler_name, args.out)
        print("Wrote %d trials to %s." % (len(data["trials"]), args.out))


if __name__ == "__main__":
    main()
`;
