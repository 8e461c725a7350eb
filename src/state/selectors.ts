// Module-level selectors: each component picks only what it shows (used with useShallow, so a
// selector returns an object of stable references or primitives, never a freshly built array).
import type { AppState } from './store';

export const selectExperiment = (s: AppState) => s.experiment;
export const selectExperimentRevision = (s: AppState) => s.experimentRevision;

export const selectDatasetControls = (s: AppState) => ({
  dataset: s.experiment.dataset,
  noise: s.experiment.noise,
  normalizeInputs: s.experiment.normalizeInputs,
  setField: s.setField,
});

export const selectNetworkControls = (s: AppState) => ({
  hidden: s.experiment.hidden,
  activation: s.experiment.activation,
  init: s.experiment.init,
  initStd: s.experiment.initStd,
  setField: s.setField,
  setHiddenLayerCount: s.setHiddenLayerCount,
  setUnits: s.setUnits,
});

/** The batch-norm switches' props, as components/BatchNormSwitches names them. */
export const selectBatchNormControls = (s: AppState) => ({
  hidden: s.experiment.hidden,
  batchNorm: s.experiment.batchNorm,
  onAll: s.setBatchNormAll,
  onLayer: s.setBatchNormLayer,
});

export const selectOptimizerControls = (s: AppState) => ({
  optimizer: s.experiment.optimizer,
  momentum: s.experiment.momentum,
  adamBeta1: s.experiment.adamBeta1,
  adamBeta2: s.experiment.adamBeta2,
  epsilon: s.experiment.epsilon,
  setField: s.setField,
});

export const selectTrainingControls = (s: AppState) => ({
  dataset: s.experiment.dataset,
  learningRate: s.experiment.learningRate,
  miniBatchSize: s.experiment.miniBatchSize,
  learningRateDecay: s.experiment.learningRateDecay,
  decayRate: s.experiment.decayRate,
  seed: s.experiment.seed,
  steps: s.experiment.steps,
  backend: s.experiment.backend,
  setField: s.setField,
});

export const selectSpeed = (s: AppState) => ({
  speed: s.experiment.speed,
  setSpeed: s.setSpeed,
});

export const selectSampling = (s: AppState) => ({
  scale: s.experiment.scale,
  lrMin: s.experiment.lrMin,
  lrMax: s.experiment.lrMax,
  samples: s.experiment.samples,
  seed: s.experiment.seed,
  setField: s.setField,
});

export const selectAway = (s: AppState) => ({
  awayNote: s.awayNote,
  leave: s.leave,
  resumeAfterAway: s.resumeAfterAway,
});

export const selectFieldError = (key: string) => (s: AppState) => s.fieldErrors[key] ?? null;
export const selectSetFieldError = (s: AppState) => s.setFieldError;

export const selectReadouts = (s: AppState) => ({
  status: s.status,
  kind: s.kind,
  readouts: s.readouts,
  backend: s.backend,
  backendChoice: s.experiment.backend,
  models: s.models,
});

export const selectChart = (s: AppState) => ({
  kind: s.kind,
  series: s.series,
  seriesVersion: s.seriesVersion,
  models: s.models,
  lrRange: s.lrRange,
});

export const selectBoundary = (s: AppState) => ({
  kind: s.kind,
  dataset: s.experiment.dataset,
  data: s.data,
  boundary: s.boundary,
  status: s.status,
});

export const selectNotices = (s: AppState) => ({ notices: s.notices, dismissNotices: s.dismissNotices });
export const selectError = (s: AppState) => ({ error: s.error, dismissError: s.dismissError });

/** The experiment the current run started with (the controls may have moved since). */
export const selectRunExperiment = (s: AppState) => s.runExperiment ?? s.experiment;

/** The linear-vs-log comparison: each scale's last finished population, and the preset's needs. */
export const selectLinearLog = (s: AppState) => ({
  lastPopulationByScale: s.lastPopulationByScale,
  experiment: s.experiment,
  notices: s.notices,
  loadExperiment: s.loadExperiment,
  status: s.status,
});

/**
 * The earlier population the cost chart shows faded behind a "Train all" run: the last finished one of
 * the other scale (undefined for a single run or before one exists).
 */
export const selectGhostPopulation = (s: AppState) => {
  if (s.kind !== 'population' || !s.runExperiment) return undefined;
  return s.lastPopulationByScale[s.runExperiment.scale === 'log' ? 'linear' : 'log'];
};
