import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyNormalization,
  digitsBinUrl,
  generateToySet,
  normalizationStats,
  parseDigits,
  splitTrainDev,
  type ToySetName,
} from './datasets';

const TOYS: ToySetName[] = ['spiral', 'circles', 'xor', 'gaussian', 'moons'];

describe('generateToySet', () => {
  it('should give identical sets for the same seed and different ones for another seed', () => {
    for (const name of TOYS) {
      const a = generateToySet(name, 200, 0.3, 5);
      const b = generateToySet(name, 200, 0.3, 5);
      const c = generateToySet(name, 200, 0.3, 6);
      expect(a.x).toEqual(b.x);
      expect(a.y).toEqual(b.y);
      expect(a.x).not.toEqual(c.x);
    }
  });

  it('should balance the two classes and use only labels 0 and 1', () => {
    for (const name of TOYS) {
      const { x, y } = generateToySet(name, 1000, 0.5, 1);
      expect(x.length).toBe(2000);
      expect(y.filter((v) => v === 1).length).toBe(500);
      expect(y.filter((v) => v === 0).length).toBe(500);
    }
  });

  it('should differ between noise 0 and noise 1 and stay roughly within ±6 when clean', () => {
    for (const name of TOYS) {
      const clean = generateToySet(name, 500, 0, 2);
      const noisy = generateToySet(name, 500, 1, 2);
      expect(clean.x).not.toEqual(noisy.x);
      expect(clean.x.every((v) => Math.abs(v) <= 6)).toBe(true);
    }
  });

  it('should label clean xor points by the sign of x·y', () => {
    const { x, y } = generateToySet('xor', 400, 0, 3);
    for (let i = 0; i < 400; i++) expect(y[i]).toBe(x[2 * i] * x[2 * i + 1] > 0 ? 1 : 0);
  });

  it('should put the clean circles class 1 inside and class 0 outside', () => {
    const { x, y } = generateToySet('circles', 400, 0, 3);
    for (let i = 0; i < 400; i++) {
      const r = Math.hypot(x[2 * i], x[2 * i + 1]);
      expect(y[i] === 1 ? r <= 2 + 1e-5 : r >= 3.5 - 1e-5).toBe(true);
    }
  });
});

describe('splitTrainDev', () => {
  it('should give disjoint splits of the right sizes covering every index', () => {
    const { train, dev } = splitTrainDev(1000, 0.2, 9);
    expect(dev.length).toBe(200);
    expect(train.length).toBe(800);
    const all = new Set([...train, ...dev]);
    expect(all.size).toBe(1000);
    expect(Math.min(...all)).toBe(0);
    expect(Math.max(...all)).toBe(999);
  });

  it('should be seeded', () => {
    expect(splitTrainDev(100, 0.3, 1)).toEqual(splitTrainDev(100, 0.3, 1));
    expect(splitTrainDev(100, 0.3, 1).dev).not.toEqual(splitTrainDev(100, 0.3, 2).dev);
  });
});

describe('normalization', () => {
  it('should compute mean and std from the given rows only', () => {
    // Rows 0 and 1 are train: feature 0 is {1, 3} (mean 2, std 1), feature 1 is constant 5 (std -> 1).
    const x = Float32Array.from([1, 5, 3, 5, 100, -100]);
    const stats = normalizationStats(x, 2, Int32Array.from([0, 1]));
    expect(Array.from(stats.mean)).toEqual([2, 5]);
    expect(Array.from(stats.std)).toEqual([1, 1]);
    const out = applyNormalization(x, 2, stats);
    expect(Array.from(out)).toEqual([-1, 0, 1, 0, 98, -105]);
    expect(out).not.toBe(x);
  });
});

describe('parseDigits', () => {
  const bytes = new Uint8Array(readFileSync(resolve(__dirname, '../../public', digitsBinUrl)));

  it('should read 1797 rows of 64 pixels with every label about 180 times', () => {
    const { x, y, count } = parseDigits(bytes);
    expect(count).toBe(1797);
    expect(x.length).toBe(1797 * 64);
    expect(y[0]).toBe(0);
    expect(x.every((v) => v >= 0 && v <= 16)).toBe(true);
    for (let d = 0; d <= 9; d++) {
      const n = y.filter((v) => v === d).length;
      expect(n).toBeGreaterThan(170);
      expect(n).toBeLessThan(190);
    }
  });

  it('should throw on a length that is not a multiple of 65', () => {
    expect(() => parseDigits(bytes.subarray(0, 100))).toThrow(/multiple of 65/);
  });

  it('should throw on an out-of-range value', () => {
    const bad = bytes.slice(0, 65);
    bad[64] = 10;
    expect(() => parseDigits(bad)).toThrow(/label 10/);
    bad[64] = 1;
    bad[3] = 17;
    expect(() => parseDigits(bad)).toThrow(/pixel 3 is 17/);
  });
});
