// The SIMD product against the reference gemmJs, on tfjs-wasm's real heap: same bits (any NaN
// matches any NaN: payloads are not part of the contract), nothing written outside C, and the
// committed binary is what the source compiles to.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { type GemmArgs, gemmJs } from '../gemm';
import { GEMM_WASM_PLAIN, GEMM_WASM_SHARED } from './gemmWasm';
import { type SimdGemm, simdGemmFor } from './simdGemm';
import { type WasmHeap, wasmHeap } from './testHeap';

const ROWS = [1, 2, 3, 5, 32, 60];
const INNER = [1, 2, 10, 16, 17, 32, 64, 100];
const COLS = [1, 2, 3, 10, 16, 32, 100];
const TRANS: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];
const GUARD = 5;
const GUARD_VALUE = 12345.678;

let heap: WasmHeap;
let simd: SimdGemm;

beforeAll(async () => {
  heap = await wasmHeap();
  const fn = simdGemmFor(heap.asm.memory);
  if (!fn) throw new Error('no SIMD gemm on the Node wasm heap');
  simd = fn;
});

/** Deterministic float32 data; `specials` sprinkles NaN, ±Infinity, −0 and 0 among it. */
function fill(out: Float32Array, seed: number, specials: boolean): void {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  const special = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0];
  for (let i = 0; i < out.length; i++) {
    const u = next();
    if (specials && u < 0.05) out[i] = special[Math.floor(next() * special.length)];
    // Mixed magnitudes so that rounding order matters: a reordered sum would show.
    else out[i] = (next() - 0.5) * 2 ** Math.floor(next() * 20 - 10);
  }
}

function sameBits(x: Float32Array, y: Float32Array): number {
  const xi = new Uint32Array(x.buffer, x.byteOffset, x.length);
  const yi = new Uint32Array(y.buffer, y.byteOffset, y.length);
  for (let i = 0; i < x.length; i++)
    if (xi[i] !== yi[i] && !(Number.isNaN(x[i]) && Number.isNaN(y[i]))) return i;
  return -1;
}

interface Case {
  models: number;
  rows: number;
  inner: number;
  cols: number;
  transA: boolean;
  transB: boolean;
  sharedA?: boolean;
  sharedB?: boolean;
  specials?: boolean;
  /** Extra floats between models' blocks (unaligned strides). */
  pad?: number;
}

/**
 * Lays out [guard A guard B guard C guard scratch guard] at an odd float offset in a malloc'd block,
 * runs gemmJs on a copy and the SIMD product in place, and returns the first differing float (-1).
 */
function check(k: Case, seed: number): number {
  const { models, rows, inner, cols, pad = 0 } = k;
  const aStride = k.sharedA ? 0 : rows * inner + pad;
  const bStride = k.sharedB ? 0 : inner * cols + pad;
  const cStride = rows * cols + pad;
  const aLen = k.sharedA ? rows * inner : models * aStride;
  const bLen = k.sharedB ? inner * cols : models * bStride;
  const cLen = models * cStride;
  const a = GUARD + 1;
  const b = a + aLen + GUARD;
  const c = b + bLen + GUARD;
  const scratch = c + cLen + GUARD;
  const total = scratch + inner * cols + GUARD;
  const pointer = heap._malloc(total * 4 + 16);
  try {
    const base = pointer / 4;
    const view = heap.HEAPF32.subarray(base, base + total); // after malloc: the heap may have grown
    view.fill(GUARD_VALUE);
    fill(view.subarray(a, a + aLen), seed, !!k.specials);
    fill(view.subarray(b, b + bLen), seed * 7 + 3, !!k.specials);
    const g = (o: number): GemmArgs => ({
      a: o + a,
      b: o + b,
      c: o + c,
      models,
      rows,
      inner,
      cols,
      aStride,
      bStride,
      cStride,
      transA: k.transA,
      transB: k.transB,
    });
    const expected = view.slice();
    gemmJs(expected, g(0));
    simd(g(base), base + scratch);
    // Scratch is the product's to use; everything else, guards included, must match.
    expected.fill(0, scratch, scratch + inner * cols);
    view.fill(0, scratch, scratch + inner * cols);
    return sameBits(view, expected);
  } finally {
    heap._free(pointer);
  }
}

describe('simdGemm on the tfjs-wasm heap', () => {
  test('binds to the non-shared heap of the single-threaded build', () => {
    expect(heap.asm.memory.buffer instanceof SharedArrayBuffer).toBe(false);
    expect(simdGemmFor(heap.asm.memory)).toBe(simd); // cached per memory
  });

  test('equals gemmJs bit for bit over the engine shapes, every transpose, models 1 and 3', () => {
    let seed = 1;
    for (const [transA, transB] of TRANS)
      for (const rows of ROWS)
        for (const inner of INNER)
          for (const cols of COLS)
            for (const models of [1, 3]) {
              const k = { models, rows, inner, cols, transA, transB };
              expect(check(k, seed++), JSON.stringify(k)).toBe(-1);
            }
  });

  test('equals gemmJs with 32 models, shared A or B, and unaligned strides', () => {
    let seed = 1000;
    for (const [transA, transB] of TRANS)
      for (const [rows, inner, cols] of [
        [32, 2, 16],
        [32, 16, 16],
        [32, 16, 1],
        [16, 32, 16],
        [2, 32, 16],
        [60, 100, 100],
        [100, 60, 100],
        [60, 100, 10],
        [5, 17, 10],
      ])
        for (const extra of [{}, { sharedA: true }, { sharedB: true }, { pad: 3 }]) {
          const k = { models: 32, rows, inner, cols, transA, transB, ...extra };
          expect(check(k, seed++), JSON.stringify(k)).toBe(-1);
        }
  });

  test('propagates NaN, ±Infinity and −0 as gemmJs does', () => {
    let seed = 5000;
    for (const [transA, transB] of TRANS)
      for (const rows of [1, 5, 32])
        for (const inner of [1, 2, 17])
          for (const cols of [1, 3, 10, 16]) {
            const k = { models: 3, rows, inner, cols, transA, transB, specials: true };
            expect(check(k, seed++), JSON.stringify(k)).toBe(-1);
          }
  });

  test('an empty sum writes +0, as gemmJs does', () => {
    expect(check({ models: 2, rows: 5, inner: 0, cols: 10, transA: false, transB: true }, 9)).toBe(-1);
  });

  test("a model's block does not depend on how many models share the call", () => {
    const [rows, inner, cols] = [32, 17, 10];
    for (const [transA, transB] of TRANS) {
      const aLen = rows * inner;
      const bLen = inner * cols;
      const total = 32 * (aLen + bLen + rows * cols) + bLen + rows * cols;
      const pointer = heap._malloc(total * 4);
      try {
        const base = pointer / 4;
        const view = heap.HEAPF32.subarray(base, base + total);
        fill(view, 77, false);
        const [a, b, c] = [base, base + 32 * aLen, base + 32 * (aLen + bLen)];
        const scratch = c + 32 * rows * cols;
        const one = scratch + bLen;
        const shape = {
          rows,
          inner,
          cols,
          aStride: aLen,
          bStride: bLen,
          cStride: rows * cols,
          transA,
          transB,
        };
        simd({ ...shape, a, b, c, models: 32 }, scratch);
        simd({ ...shape, a: a + 5 * aLen, b: b + 5 * bLen, c: one, models: 1 }, scratch);
        const mem = heap.HEAPF32;
        const five = mem.slice(c + 5 * rows * cols, c + 6 * rows * cols);
        expect(sameBits(mem.slice(one, one + rows * cols), five)).toBe(-1);
      } finally {
        heap._free(pointer);
      }
    }
  });
});

describe('the wasm binaries', () => {
  const bytes = (b64: string) => Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));

  /** Section ids of a wasm binary (11 = data, 8 = start). */
  function sections(bin: Uint8Array): number[] {
    const ids: number[] = [];
    let i = 8;
    while (i < bin.length) {
      ids.push(bin[i++]);
      let size = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = bin[i++];
        size |= (byte & 0x7f) << shift;
        if (byte < 0x80) break;
      }
      i += size;
    }
    return ids;
  }

  test('import only env.memory, export only the kernels, and carry no data or start to write into the heap', () => {
    for (const b64 of [GEMM_WASM_PLAIN, GEMM_WASM_SHARED]) {
      const mod = new WebAssembly.Module(bytes(b64));
      expect(WebAssembly.Module.imports(mod)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
      expect(WebAssembly.Module.exports(mod)).toEqual([
        { name: 'gemm', kind: 'function' },
        { name: 'sigmoid', kind: 'function' },
        { name: 'tanh', kind: 'function' },
        { name: 'exp', kind: 'function' },
        { name: 'biasAdd', kind: 'function' },
        { name: 'columnSums', kind: 'function' },
        { name: 'slopeSums', kind: 'function' },
        { name: 'batchNormForward', kind: 'function' },
        { name: 'batchNormBackward', kind: 'function' },
        { name: 'sgd', kind: 'function' },
        { name: 'momentum', kind: 'function' },
        { name: 'rmsprop', kind: 'function' },
        { name: 'adam', kind: 'function' },
        { name: 'runningAverage', kind: 'function' },
      ]);
      const ids = sections(bytes(b64));
      expect(ids).not.toContain(11);
      expect(ids).not.toContain(8);
      // ~21 kB with elementwise.ts's loops (one copy per activation of each batch-norm loop) and update.ts's.
      expect(bytes(b64).length).toBeLessThan(24576);
    }
  });

  test('the shared variant binds to a shared memory and computes the same product', () => {
    // As the threaded tfjs-wasm build makes its heap: shared, maximum 4 GiB (65536 pages).
    const memory = new WebAssembly.Memory({ initial: 2, maximum: 65536, shared: true });
    const fn = simdGemmFor(memory);
    expect(fn).not.toBeNull();
    const mem = new Float32Array(memory.buffer);
    const [rows, inner, cols] = [5, 17, 10];
    fill(mem.subarray(0, rows * inner + inner * cols), 3, false);
    const g = { a: 0, b: rows * inner, models: 1, rows, inner, cols, aStride: 0, bStride: 0, cStride: 0 };
    const expected = mem.slice(0, 4096);
    for (const [transA, transB] of TRANS) {
      gemmJs(expected, { ...g, c: 1000, transA, transB });
      fn!({ ...g, c: 1000, transA, transB }, 2000);
      expect(sameBits(mem.slice(1000, 1000 + rows * cols), expected.slice(1000, 1000 + rows * cols))).toBe(
        -1,
      );
    }
  });

  test('gemmWasm.ts is what npm run build:kernels makes of kernels/*.ts', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const built = execFileSync(process.execPath, ['kernels/build.mjs', '--stdout'], {
      cwd: root,
      encoding: 'utf8',
    });
    const committed = readFileSync(fileURLToPath(new URL('./gemmWasm.ts', import.meta.url)), 'utf8');
    expect(built).toBe(committed);
  }, 60_000);
});
