// Batch norm for one hidden unit over a mini-batch, in plain numbers: the reference the tfjs
// engine is tested against, and what a lesson page can show step by step.

export interface BatchNormUnitResult {
  mean: number;
  /** Biased (population) variance: divides by m, as batch norm does on a mini-batch. */
  variance: number;
  zNorm: number[];
  zTilde: number[];
}

export function batchNormUnit(
  z: number[],
  bnGamma: number,
  bnBeta: number,
  eps: number,
): BatchNormUnitResult {
  const m = z.length;
  const mean = z.reduce((s, v) => s + v, 0) / m;
  const variance = z.reduce((s, v) => s + (v - mean) ** 2, 0) / m;
  const scale = 1 / Math.sqrt(variance + eps);
  const zNorm = z.map((v) => (v - mean) * scale);
  const zTilde = zNorm.map((v) => bnGamma * v + bnBeta);
  return { mean, variance, zNorm, zTilde };
}

/** γ and β that undo the normalisation (z̃ = z): batch norm can always fall back to the identity. */
export function identityParameters(z: number[], eps: number): { bnGamma: number; bnBeta: number } {
  const { mean, variance } = batchNormUnit(z, 1, 0, eps);
  return { bnGamma: Math.sqrt(variance + eps), bnBeta: mean };
}

/** One exponentially weighted average step, as used for the running mean/variance at test time. */
export function ewaUpdate(previous: number, value: number, momentum: number): number {
  return momentum * previous + (1 - momentum) * value;
}

/** An EWA with weight β averages over roughly the last 1/(1−β) values. */
export function averagingWindow(beta: number): number {
  return 1 / (1 - beta);
}
