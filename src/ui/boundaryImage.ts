// Pixels of the decision-boundary heatmap, and where a data point lands on the canvas.
import { probabilityColor } from './colorScale';

/**
 * RGBA pixels (resolution × resolution) for the probabilities of class 1. The worker's grid is
 * row-major with y from the bottom; images run from the top, so rows are flipped.
 */
export function boundaryPixels(probs: Float32Array, resolution: number): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(resolution * resolution * 4);
  for (let row = 0; row < resolution; row++) {
    const imageRow = resolution - 1 - row;
    for (let col = 0; col < resolution; col++) {
      const p = probs[row * resolution + col];
      const [r, g, b] = Number.isFinite(p) ? probabilityColor(p) : [200, 200, 200];
      const o = (imageRow * resolution + col) * 4;
      pixels[o] = r;
      pixels[o + 1] = g;
      pixels[o + 2] = b;
      pixels[o + 3] = 255;
    }
  }
  return pixels;
}

/** Canvas coordinates (y down) of an input-space point within bounds [xMin, xMax, yMin, yMax]. */
export function toCanvas(
  x: number,
  y: number,
  bounds: readonly [number, number, number, number],
  size: number,
): [number, number] {
  const [xMin, xMax, yMin, yMax] = bounds;
  return [((x - xMin) / (xMax - xMin)) * size, (1 - (y - yMin) / (yMax - yMin)) * size];
}
