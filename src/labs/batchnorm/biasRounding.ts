// How big float32 rounding is where batch norm cancels the bias, so that the bias panel can say
// whether a measured output change is rounding or a real effect. Pure arithmetic on the inspection.
//
// Float32 keeps 24 significant bits: a value v is stored to within |v|·2^-24. Moving b by s makes
// z + b as large as |μ| + 3σ + |s| for most of the batch, so rounding alone moves the normalised
// value (z − μ)/σ by up to about that times 2^-24/σ, and γ scales it. That is the rounding this
// layer adds; the layers after it add their own, each of about the same relative size. Measured on
// the lab's two scenarios (steps 0 to 300, shifts ±0.5 to ±5) the outputs moved by 0.3 to 3 times
// this bound, while a bias in a layer without batch norm moves them by 1e-2 or more.

import type { InspectResult } from '../../core/inspection';

/** 2^-24: the relative spacing of float32 numbers (half an ulp at 1). */
export const FLOAT32_HALF_ULP = 2 ** -24;
/** A change up to this many times the layer's rounding is still rounding (the later layers add theirs). */
export const ROUNDING_HEADROOM = 30;

export interface BiasRounding {
  /** The largest change rounding makes in this layer's γ·ẑ when b moves by `shift`. */
  layerRounding: number;
  /** Below this, a change of the outputs is what rounding gives. */
  threshold: number;
  /** The measured output change in units of layerRounding. */
  ratio: number;
  isRounding: boolean;
}

type LayerNumbers = Pick<InspectResult, 'layerMean' | 'layerVariance' | 'layerGamma' | 'bnEpsilon'>;

export function biasRounding(r: LayerNumbers, shift: number, outputChange: number): BiasRounding {
  let layerRounding = 0;
  for (let j = 0; j < r.layerMean.length; j++) {
    const sd = Math.sqrt(r.layerVariance[j]);
    const size = Math.abs(r.layerMean[j]) + 3 * sd + Math.abs(shift);
    const gamma = r.layerGamma ? Math.abs(r.layerGamma[j]) : 1;
    layerRounding = Math.max(
      layerRounding,
      (size * FLOAT32_HALF_ULP * gamma) / Math.sqrt(r.layerVariance[j] + r.bnEpsilon),
    );
  }
  const threshold = ROUNDING_HEADROOM * layerRounding;
  return {
    layerRounding,
    threshold,
    ratio: outputChange / layerRounding,
    isRounding: outputChange <= threshold,
  };
}
