// What the batch-norm lab reads out of a training network, as plain data: the engine fills these in,
// the worker posts them, the page draws them. Types and constants only.

/** Bins of each probe histogram. */
export const PROBE_BINS = 24;
/** The percentiles drawn as bands (as in the batch-norm paper's figure). */
export const PROBE_PERCENTILES = [0.15, 0.5, 0.85] as const;
/** Quantities per layer in a probe frame, in this order. */
export const PROBE_QUANTITIES = ['z', 'zTilde', 'a'] as const;

export interface InspectResult {
  step: number;
  layer: number;
  unit: number;
  batchNorm: boolean;
  /** The layer has a bias b: always without batch norm, with it only when keepBias is on. */
  hasBias: boolean;
  bnEpsilon: number;
  bnMomentum: number;
  /** The chosen unit over the mini-batch (m values each). */
  z: Float32Array;
  /** null where the layer has no batch norm. */
  zNorm: Float32Array | null;
  zTilde: Float32Array;
  a: Float32Array;
  /** μ_B and σ²_B of the unit's z on this mini-batch (biased variance, as batch norm uses). */
  mean: number;
  variance: number;
  /** The unit's learned γ and β, and running averages (null without batch norm). */
  bnGamma: number | null;
  bnBeta: number | null;
  runningMean: number | null;
  runningVariance: number | null;
  /** Per unit of the layer. */
  layerMean: Float32Array;
  layerVariance: Float32Array;
  layerRunningMean: Float32Array | null;
  layerRunningVariance: Float32Array | null;
  layerGamma: Float32Array | null;
  layerBeta: Float32Array | null;
  /** The layer's bias b and dJ/db on this mini-batch (null when it has none). */
  bias: Float32Array | null;
  biasGradient: Float32Array | null;
  /** ‖dJ/dW‖ of the same layer, for scale. */
  weightGradientNorm: number;
  /** Mini-batch cost J. */
  cost: number;
  /** max |Δ logit| over the batch when every b of the layer moves by biasShift (null when not asked or no bias). */
  outputChange: number | null;
}

export interface ProbeFrame {
  step: number;
  hidden: number[];
  batchNorm: boolean[];
  bins: number;
  /** [layer][quantity (z, zTilde, a)][15th, 50th, 85th percentile]. */
  percentiles: Float32Array;
  /** [layer][quantity][lo, hi] of each histogram. */
  range: Float32Array;
  /** [layer][quantity][bin]: fraction of the probe values in each bin. */
  histogram: Float32Array;
  /** Every hidden unit's γ and β, layers one after another (NaN where batch norm is off). */
  bnGamma: Float32Array;
  bnBeta: Float32Array;
  /** Dev set in training mode (normalised with its own statistics) and in evaluation mode (running averages). */
  trainModeCost: number;
  trainModeAccuracy: number;
  evalModeCost: number;
  evalModeAccuracy: number;
}

export interface ModeEvaluation {
  step: number;
  trainModeCost: number;
  trainModeAccuracy: number;
  evalModeCost: number;
  evalModeAccuracy: number;
  /** The dev set predicted one example at a time; null when the network has no batch norm. */
  oneAtATime: OneAtATime | null;
}

/**
 * Every dev example predicted alone, as a mini-batch of 1, with the same trained weights: normalised
 * with its own batch statistics (z − μ_B is 0 for a single example, so every batch-norm unit outputs
 * β whatever the input) and with the running averages (what test time uses).
 */
export interface OneAtATime {
  batchStatisticsAccuracy: number;
  runningAveragesAccuracy: number;
  /** Per dev example, in dev-set order: its class and the class predicted each way. */
  labels: Int32Array;
  batchStatisticsPrediction: Int32Array;
  runningAveragesPrediction: Int32Array;
  /** Per dev example: the probability the network gave its predicted class, each way. */
  batchStatisticsConfidence: Float32Array;
  runningAveragesConfidence: Float32Array;
}

export interface BatchStatisticsResult {
  sizes: number[];
  batches: number;
  /** [size][batch]: μ_B and σ²_B of the unit's z on successive mini-batches of each size. */
  mean: Float32Array;
  variance: Float32Array;
}
