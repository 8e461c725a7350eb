// What each choice and each control is called on screen. Controls of the table of hyperparameters
// (core/hyperparameters.ts) are named by their row, so a control and its error message agree.

import type { SelectOption } from '../components/SelectField';
import {
  type Activation,
  type BackendChoice,
  type DatasetName,
  DEFAULT_HYPERPARAMETERS,
  type DecayKind,
  type InitScheme,
  type OptimizerName,
  type SamplingScale,
} from '../core/config';
import { controlLabelOf, type HyperparameterKey, rowOf, type SettingKey } from '../core/hyperparameters';

/** A control's name for a row of the table ("Momentum β", "Mini-batch size", "Seed"). */
export function controlLabel(key: HyperparameterKey | SettingKey): string {
  return controlLabelOf(rowOf(key));
}

export const DATASET_OPTIONS: readonly SelectOption<DatasetName>[] = [
  { value: 'spiral', label: 'spiral' },
  { value: 'circles', label: 'circles' },
  { value: 'xor', label: 'xor' },
  { value: 'gaussian', label: 'gaussian' },
  { value: 'moons', label: 'moons' },
  { value: 'digits', label: 'digits (8×8 images, 10 classes)' },
];

export const ACTIVATION_OPTIONS: readonly SelectOption<Activation>[] = [
  { value: 'relu', label: 'ReLU' },
  { value: 'tanh', label: 'tanh' },
  { value: 'sigmoid', label: 'sigmoid' },
  { value: 'linear', label: 'linear (none)' },
];

export const INIT_OPTIONS: readonly SelectOption<InitScheme>[] = [
  { value: 'he', label: 'He' },
  { value: 'glorot', label: 'Glorot (Xavier)' },
  { value: 'normal', label: 'normal (choose std)' },
];

export const OPTIMIZER_OPTIONS: readonly SelectOption<OptimizerName>[] = [
  { value: 'sgd', label: 'SGD' },
  { value: 'momentum', label: 'Momentum' },
  { value: 'rmsprop', label: 'RMSprop' },
  { value: 'adam', label: 'Adam' },
];

export const DECAY_OPTIONS: readonly SelectOption<DecayKind>[] = [
  { value: 'none', label: 'none' },
  { value: 'inverse', label: 'inverse 1/(1+rate·epoch)' },
  { value: 'exponential', label: 'exponential rate^epoch' },
  { value: 'step', label: `step ×rate every ${DEFAULT_HYPERPARAMETERS.decayStepEpochs} epochs` },
];

export const BACKEND_OPTIONS: readonly SelectOption<BackendChoice>[] = [
  { value: 'auto', label: 'auto (fastest)' },
  { value: 'webgl', label: 'webgl' },
  { value: 'wasm', label: 'wasm' },
  { value: 'cpu', label: 'cpu' },
];

export const SCALE_OPTIONS: readonly SelectOption<SamplingScale>[] = [
  { value: 'linear', label: 'Linear' },
  { value: 'log', label: 'Log' },
];

/** A run's phase in words, on every screen; a screen may say its own idle ("not run yet"). */
export const RUN_PHASE_TEXT = {
  idle: 'ready',
  starting: 'starting…',
  running: 'training',
  paused: 'paused',
  finished: 'finished',
  stopped: 'stopped',
  error: 'error',
  reopened: 'reopened (saved)',
} as const;
