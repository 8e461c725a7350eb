// What each choice is called on screen.

import type { SelectOption } from '../components/SelectField';
import type {
  Activation,
  BackendChoice,
  DatasetName,
  DecayKind,
  InitScheme,
  OptimizerName,
  SamplingScale,
} from '../core/config';

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
  { value: 'step', label: 'step ×rate every 10 epochs' },
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
