// The SIMD update rules (kernels/update.ts) against their JavaScript twins (updateLoopsJs in
// ../fusedUpdate.ts), on tfjs-wasm's real heap: two copies of one random region (NaN, ±Infinity, −0
// and subnormals sprinkled in, every array at an unaligned float offset between guards, each a view
// that starts a few floats before its stretch), the twin run on one and the kernel on the other, must
// hold the same bits afterwards (any NaN for a NaN), and no guard changes.
import { beforeAll, describe, expect, test } from 'vitest';
import { type UpdateLoops, updateLoopsJs } from '../fusedUpdate';
import { heapUpdateLoops, setSimdUpdate, simdUpdateFor } from './simdUpdate';
import { random, type WasmHeap, wasmHeap } from './testHeap';

const COUNTS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 31, 100, 337];
const GUARD = 6;
const GUARD_VALUE = 12345.678;
const f = Math.fround;

let heap: WasmHeap;
let simd: UpdateLoops;

beforeAll(async () => {
  heap = await wasmHeap();
  const fns = simdUpdateFor(heap.asm.memory);
  if (!fns) throw new Error('no SIMD update loops on the Node wasm heap');
  simd = fns;
});

const SPECIAL = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1e-40, -3e-39];

/**
 * Lays out `arrays` arrays of `count` floats in one region, each after a guard and shifted by 1–3
 * floats off 16-byte alignment, fills them, and runs `run` on two copies (the twin's and the
 * kernel's) with a view per array that starts `shift` floats before it. It asserts.
 */
function compare(
  arrays: number,
  count: number,
  seed: number,
  specials: number,
  run: (fns: UpdateLoops, views: Float32Array[], shift: number) => void,
): void {
  const next = random(seed);
  const shift = seed % 4;
  const rel: number[] = [];
  let size = 0;
  for (let k = 0; k < arrays; k++) {
    size += GUARD + ((k + seed) % 3) + 1;
    rel.push(size);
    size += count;
  }
  size += GUARD;
  const init = new Float32Array(size).fill(GUARD_VALUE);
  for (const r of rel)
    for (let k = 0; k < count; k++) {
      const u = next();
      init[r + k] =
        u < specials
          ? SPECIAL[Math.floor(next() * SPECIAL.length)]
          : (next() - 0.5) * 2 ** Math.floor(next() * 16 - 8);
    }
  const bytes = size * 4 + 64;
  const pa = heap._malloc(bytes);
  const pb = heap._malloc(bytes);
  try {
    const baseA = Math.ceil(pa / 16) * 4;
    const baseB = Math.ceil(pb / 16) * 4;
    let mem = new Float32Array(heap.asm.memory.buffer);
    mem.set(init, baseA);
    mem.set(init, baseB);
    const views = (base: number) => rel.map((r) => mem.subarray(base + r - shift, base + r + count));
    run(updateLoopsJs, views(baseA), shift);
    run(simd, views(baseB), shift);
    mem = new Float32Array(heap.asm.memory.buffer);
    const bitsA = new Uint32Array(mem.buffer, baseA * 4, size);
    const bitsB = new Uint32Array(mem.buffer, baseB * 4, size);
    const a = mem.subarray(baseA, baseA + size);
    const b = mem.subarray(baseB, baseB + size);
    let bad = -1;
    for (let i = 0; i < size && bad < 0; i++) {
      if (bitsA[i] !== bitsB[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) bad = i;
    }
    expect(bad < 0 ? 'same' : `float ${bad}: twin ${a[bad]}, kernel ${b[bad]}`).toBe('same');
    // The guards: before each array and after the last.
    const guardOk = rel.every((r, i) => {
      const from = i === 0 ? 0 : rel[i - 1] + count;
      for (let k = from; k < r; k++) if (b[k] !== f(GUARD_VALUE)) return false;
      return true;
    });
    expect(guardOk && b.subarray(rel[rel.length - 1] + count).every((v) => v === f(GUARD_VALUE))).toBe(true);
  } finally {
    heap._free(pb);
    heap._free(pa);
  }
}

/** Hyperparameter sets: typical float32 values, random ones, and specials. */
function hypers(seed: number, count: number): number[][] {
  const next = random(seed * 7919 + 1);
  const typical = [0.01, 0.9, 0.1, 0.999, f(1 - 0.999), 1e-8, 1e-3].map(f);
  const rand = Array.from({ length: 7 }, () => f((next() - 0.3) * 2 ** Math.floor(next() * 10 - 6)));
  const special = Array.from({ length: 7 }, (_, k) =>
    k % 2 ? f(SPECIAL[Math.floor(next() * SPECIAL.length)]) : rand[k],
  );
  return [typical, rand, special].map((h) => h.slice(0, count));
}

const SPECIALS = [0, 0.05];

describe('SIMD update rules equal their JavaScript twins bit for bit', () => {
  test.each(COUNTS)('SGD and running averages: %i floats', (count) => {
    for (const [j, specials] of SPECIALS.entries())
      for (const h of hypers(count + j, 2)) {
        compare(3, count, count * 131 + j, specials, (l, [p, g, out], i) => l.sgd(p, g, out, i, count, h[0]));
        compare(3, count, count * 137 + j, specials, (l, [r, st, out], i) =>
          l.running(r, st, out, i, count, h[0], h[1]),
        );
      }
  });

  test.each(COUNTS)('momentum: %i floats', (count) => {
    for (const [j, specials] of SPECIALS.entries())
      for (const h of hypers(count + j + 10, 3))
        compare(5, count, count * 139 + j, specials, (l, [p, g, v, out, vOut], i) =>
          l.momentum(p, g, v, out, vOut, i, i, count, h[0], h[1], h[2]),
        );
  });

  test.each(COUNTS)('RMSprop: %i floats', (count) => {
    for (const [j, specials] of SPECIALS.entries())
      for (const h of hypers(count + j + 20, 4))
        compare(5, count, count * 149 + j, specials, (l, [p, g, s, out, sOut], i) =>
          l.rmsprop(p, g, s, out, sOut, i, i, count, h[0], h[1], h[2], h[3]),
        );
  });

  test.each(COUNTS)('Adam: %i floats', (count) => {
    for (const [j, specials] of SPECIALS.entries())
      for (const h of hypers(count + j + 30, 6)) {
        compare(7, count, count * 151 + j, specials, (l, [p, g, v, s, out, vOut, sOut], i) =>
          l.adam(p, g, v, s, out, vOut, sOut, i, i, count, h[0], h[1], h[2], h[3], h[4], h[5]),
        );
        // In place (the memories' outputs over their inputs), as a caller may.
        compare(5, count, count * 157 + j, specials, (l, [p, g, v, s, out], i) =>
          l.adam(p, g, v, s, out, v, s, i, i, count, h[0], h[1], h[2], h[3], h[4], h[5]),
        );
      }
  });
});

describe('the SIMD update loops for a fused kernel', () => {
  test('only for views of the active backend heap, and not when switched off', () => {
    const onHeap = new Float32Array(heap.asm.memory.buffer, 64, 4);
    expect(simdUpdateFor(heap.asm.memory)).toBe(simd);
    expect(heapUpdateLoops([onHeap])).toBe(simd);
    expect(heapUpdateLoops([onHeap, new Float32Array(4)])).toBeNull();
    setSimdUpdate(false);
    try {
      expect(heapUpdateLoops([onHeap])).toBeNull();
    } finally {
      setSimdUpdate(true);
    }
  });
});

test('the shared-memory build binds to a shared memory and gives the same bits', () => {
  // As the threaded tfjs-wasm build makes its heap: shared, maximum 4 GiB (65536 pages).
  const memory = new WebAssembly.Memory({ initial: 2, maximum: 65536, shared: true });
  const fns = simdUpdateFor(memory);
  expect(fns).not.toBeNull();
  const count = 1003;
  const next = random(9);
  const mem = new Float32Array(memory.buffer);
  for (let i = 0; i < 4 * count; i++) mem[i] = (next() - 0.5) * 4;
  for (let i = count; i < 2 * count; i++) mem[i] *= 0.01;
  const view = (k: number) => mem.subarray(k * count, (k + 1) * count);
  const expected = mem.slice(0, 10 * count);
  const exp = (k: number) => expected.subarray(k * count, (k + 1) * count);
  const h = [0.001, 0.9, 0.1, 0.999, 0.001, 1e-8].map(f);
  updateLoopsJs.adam(
    exp(0),
    exp(1),
    exp(2),
    exp(3),
    exp(4),
    exp(5),
    exp(6),
    0,
    0,
    count,
    ...(h as [number, number, number, number, number, number]),
  );
  fns!.adam(
    view(0),
    view(1),
    view(2),
    view(3),
    view(4),
    view(5),
    view(6),
    0,
    0,
    count,
    ...(h as [number, number, number, number, number, number]),
  );
  expect(Array.from(new Uint32Array(mem.buffer, 0, 10 * count))).toEqual(
    Array.from(new Uint32Array(expected.buffer, 0, 10 * count)),
  );
});
