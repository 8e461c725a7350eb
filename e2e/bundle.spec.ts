// The build keeps tfjs in the training worker: the page's main bundle (the entry chunk and what it imports
// statically) and the labs' lazy chunks never contain it, and the main bundle stays small. Reads the manifest
// that `vite build` writes (build.manifest in vite.config.ts); needs no browser, so it runs in a blink
// after the build in `npm run test:e2e`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/** The build folder; DIST_DIR checks another build than the e2e run's dist/. */
const DIST = process.env.DIST_DIR ?? 'dist';

/** Largest main bundle (the entry's static closure, JavaScript, zlib's default gzip level) in bytes: 200 kB. */
const MAIN_BUNDLE_GZIP_LIMIT = 200 * 1000;

// String literals of tfjs-core itself that minification keeps: a flag name (flags.ts), the URL parameter
// the environment reads flags from (environment.ts) and a tensor's own error (tensor.ts). Module ids such
// as '@tensorflow/tfjs-core' do not survive a production build, so they alone would prove nothing; these
// are in every build that holds tfjs-core, whichever backends it registers, and no lesson text says them.
// The worker test below checks each one is present there, so a marker that stops matching fails loudly.
const TFJS_MARKERS = ['TENSORLIKE_CHECK_SHAPE_CONSISTENCY', 'tfjsflags', 'Tensor is disposed.'];

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function readManifest(): Manifest {
  const path = join(DIST, '.vite', 'manifest.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${path} is missing: run \`vite build\` first (vite.config.ts sets build.manifest).`);
  }
  return JSON.parse(text) as Manifest;
}

/** Manifest keys reachable from `start` through `imports` (and `dynamicImports` too when asked). */
function closure(manifest: Manifest, start: string[], withDynamic: boolean): string[] {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest names ${key} but has no entry for it.`);
    seen.add(key);
    queue.push(...(chunk.imports ?? []));
    if (withDynamic) queue.push(...(chunk.dynamicImports ?? []));
  }
  return [...seen];
}

function entryKeys(manifest: Manifest): string[] {
  const keys = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  expect(keys, 'the manifest has an entry chunk').not.toHaveLength(0);
  return keys;
}

/** The JavaScript files of these manifest chunks, as paths under dist/. */
function jsFiles(manifest: Manifest, keys: string[]): string[] {
  return keys.map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
}

function markersIn(file: string): string[] {
  const code = readFileSync(join(DIST, file), 'utf8');
  return TFJS_MARKERS.filter((marker) => code.includes(marker));
}

test.describe('the build', () => {
  test('the main bundle (the entry and its static imports) holds no tfjs', () => {
    const manifest = readManifest();
    const files = jsFiles(manifest, closure(manifest, entryKeys(manifest), false));
    expect(files).not.toHaveLength(0);
    for (const file of files) {
      expect(markersIn(file), `${file} is in the main bundle and must not contain tfjs`).toEqual([]);
      const code = readFileSync(join(DIST, file), 'utf8');
      expect(code.includes('@tensorflow/'), `${file} names an @tensorflow module`).toBe(false);
    }
  });

  test("the labs' lazy chunks hold no tfjs either: tensors live only in the worker", () => {
    const manifest = readManifest();
    const files = jsFiles(manifest, closure(manifest, entryKeys(manifest), true));
    for (const file of files) {
      expect(markersIn(file), `${file} loads on the page and must not contain tfjs`).toEqual([]);
    }
  });

  test('the training worker holds tfjs (so the checks above can fail)', () => {
    const manifest = readManifest();
    // A module worker (new Worker(new URL(...))) is emitted as an asset of the chunk that starts it.
    const workers = [...new Set(Object.values(manifest).flatMap((chunk) => chunk.assets ?? []))].filter(
      (file) => /\.worker[-.][^/]*\.js$/.test(file),
    );
    expect(workers, 'the manifest lists the training worker among the assets').not.toHaveLength(0);
    const found = new Set(workers.flatMap(markersIn));
    expect([...found].sort(), `every marker appears in a worker (${workers.join(', ')})`).toEqual(
      [...TFJS_MARKERS].sort(),
    );
  });

  test('the main bundle stays within 200 kB gzip', () => {
    const manifest = readManifest();
    const files = jsFiles(manifest, closure(manifest, entryKeys(manifest), false));
    const sizes = files.map((file) => ({
      file,
      gzip: gzipSync(readFileSync(join(DIST, file))).length,
    }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const detail = sizes.map((s) => `${s.file} ${(s.gzip / 1000).toFixed(1)} kB`).join(', ');
    expect(total, `main bundle gzip: ${(total / 1000).toFixed(1)} kB (${detail})`).toBeLessThanOrEqual(
      MAIN_BUNDLE_GZIP_LIMIT,
    );
  });
});
