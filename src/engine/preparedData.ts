// Turns a DataConfig into the plain arrays the engine trains on: split, normalised with the
// training split's statistics only (so the dev set never leaks into them), labels as class ids.
import type { DataConfig } from '../core/config';
import {
  applyNormalization,
  generateToySet,
  normalizationStats,
  parseDigits,
  splitTrainDev,
} from '../core/datasets';

export interface PreparedData {
  inputs: number;
  classes: number;
  trainSize: number;
  devSize: number;
  /** Row-major [trainSize, inputs], normalised when asked. */
  xTrain: Float32Array;
  yTrain: Uint8Array;
  xDev: Float32Array;
  yDev: Uint8Array;
  /** Statistics applied to the inputs (identity when normalisation is off). */
  mean: Float32Array;
  std: Float32Array;
  /** For 2-D sets: raw points, labels, dev flags and a box around them for drawing. */
  raw?: { xy: Float32Array; label: Uint8Array; dev: Uint8Array; bounds: [number, number, number, number] };
}

function rows(x: Float32Array, features: number, indices: Int32Array): Float32Array {
  const out = new Float32Array(indices.length * features);
  indices.forEach((r, i) => {
    out.set(x.subarray(r * features, (r + 1) * features), i * features);
  });
  return out;
}

function labels(y: Uint8Array, indices: Int32Array): Uint8Array {
  return Uint8Array.from(indices, (r) => y[r]);
}

/** `digitsBytes` is public/data/digits.bin; needed only for the digits set. */
export function prepareData(config: DataConfig, digitsBytes?: Uint8Array): PreparedData {
  let x: Float32Array;
  let y: Uint8Array;
  let inputs: number;
  let classes: number;
  if (config.dataset === 'digits') {
    if (!digitsBytes) throw new Error('The digits data set has not been loaded.');
    const digits = parseDigits(digitsBytes);
    x = digits.x;
    y = digits.y;
    inputs = 64;
    classes = 10;
  } else {
    const toy = generateToySet(config.dataset, config.size, config.noise, config.seed);
    x = toy.x;
    y = toy.y;
    inputs = 2;
    classes = 2;
  }
  const count = y.length;
  const split = splitTrainDev(count, config.devFraction, config.seed);
  const stats = config.normalizeInputs
    ? normalizationStats(x, inputs, split.train)
    : { mean: new Float32Array(inputs), std: new Float32Array(inputs).fill(1) };
  const normalised = config.normalizeInputs ? applyNormalization(x, inputs, stats) : x;

  const prepared: PreparedData = {
    inputs,
    classes,
    trainSize: split.train.length,
    devSize: split.dev.length,
    xTrain: rows(normalised, inputs, split.train),
    yTrain: labels(y, split.train),
    xDev: rows(normalised, inputs, split.dev),
    yDev: labels(y, split.dev),
    mean: stats.mean,
    std: stats.std,
  };
  if (inputs === 2) {
    const dev = new Uint8Array(count);
    for (const r of split.dev) dev[r] = 1;
    prepared.raw = { xy: x, label: y, dev, bounds: boundsOf(x) };
  }
  return prepared;
}

/** A square-ish box around the points with a margin, so the boundary heatmap frames the data. */
function boundsOf(xy: Float32Array): [number, number, number, number] {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    xMin = Math.min(xMin, xy[i]);
    xMax = Math.max(xMax, xy[i]);
    yMin = Math.min(yMin, xy[i + 1]);
    yMax = Math.max(yMax, xy[i + 1]);
  }
  const pad = 0.1 * Math.max(xMax - xMin, yMax - yMin, 1e-6);
  return [xMin - pad, xMax + pad, yMin - pad, yMax + pad];
}

/** Grid points (row-major, y from bottom) over the bounds, normalised like the inputs. */
export function boundaryGrid(data: PreparedData, resolution: number): Float32Array {
  if (!data.raw) throw new Error('Decision boundaries exist for 2-D data sets only.');
  const [xMin, xMax, yMin, yMax] = data.raw.bounds;
  const grid = new Float32Array(resolution * resolution * 2);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const i = (r * resolution + c) * 2;
      const gx = xMin + ((c + 0.5) / resolution) * (xMax - xMin);
      const gy = yMin + ((r + 0.5) / resolution) * (yMax - yMin);
      grid[i] = (gx - data.mean[0]) / data.std[0];
      grid[i + 1] = (gy - data.mean[1]) / data.std[1];
    }
  }
  return grid;
}
