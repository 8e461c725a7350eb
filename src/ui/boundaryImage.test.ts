import { describe, expect, it } from 'vitest';
import { boundaryPixels, toCanvas } from './boundaryImage';

describe('boundaryPixels', () => {
  it('should put the bottom row of the grid at the bottom of the image', () => {
    // 2×2 grid: bottom row p = 0 (class 0, orange), top row p = 1 (class 1, blue).
    const px = boundaryPixels(Float32Array.of(0, 0, 1, 1), 2);
    const topLeft = [px[0], px[1], px[2]];
    const bottomLeft = [px[8], px[9], px[10]];
    expect(topLeft[2]).toBeGreaterThan(topLeft[0]); // blue on top
    expect(bottomLeft[0]).toBeGreaterThan(bottomLeft[2]); // orange at the bottom
  });
});

describe('toCanvas', () => {
  it('should map the box corners to the canvas corners with y pointing down', () => {
    const b: [number, number, number, number] = [-1, 1, -2, 2];
    expect(toCanvas(-1, 2, b, 100)).toEqual([0, 0]);
    expect(toCanvas(1, -2, b, 100)).toEqual([100, 100]);
  });
});
