// `npm run bench`: builds the app (dist/) and the benchmark page (bench/dist/), serves both on
// 127.0.0.1, drives the system Chromium headless with Playwright (never a downloaded browser) and
// measures, with the app's engine and in the real app:
//   1. training throughput (model-steps/s) per workload, backend, population size and mode (in the bench
//      worker, bench/bench.worker.ts: the app's engine and backends in a worker of their own);
//   2. the plain-TypeScript reference MLP (bench/referenceMlp.ts, on the bench page's main thread);
//   3. main-thread smoothness (requestAnimationFrame intervals) while curves stream into the app;
//   4. time from pressing Train to the first cost point drawn, per backend;
//   5. gzip sizes of the bundles.
// Prints a table and PASS/MISS per target, and writes bench/results.json.
// Flags: --quick (few steps, N in {1, 8}, one repeat: a smoke test), --skip-build (reuse dist/ and
// bench/dist/), --only=throughput,firstpoint,frames (some sections only), --chromium=PATH (default $CHROMIUM_PATH or /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const APP_DIST = join(ROOT, 'dist');
const BENCH_DIST = join(ROOT, 'bench', 'dist');
const RESULTS = join(ROOT, 'bench', 'results.json');

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const SKIP_BUILD = args.includes('--skip-build');
/** --only=throughput,firstpoint,frames: run just those sections (for working on the bench itself). */
const ONLY = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (section) => !ONLY || ONLY.includes(section);
const CHROMIUM =
  args.find((a) => a.startsWith('--chromium='))?.slice('--chromium='.length) ??
  process.env.CHROMIUM_PATH ??
  '/usr/bin/chromium';

const BACKENDS = ['webgl', 'wasm', 'cpu'];
const WORKLOADS = ['spiral-mlp', 'digits-bn-mlp'];
const POPULATIONS = QUICK ? [1, 8] : [1, 8, 32, 64];
const MODES = ['stacked', 'separate'];
const REPEATS = QUICK ? 1 : 3;
/** Wall time aimed at for each timed throughput measurement. */
const TARGET_MS = QUICK ? 250 : 1500;
const PROBE_STEPS = 2;
const MIN_STEPS = 1;
const MAX_STEPS = QUICK ? 100 : 5000;
const REFERENCE_POPULATIONS = [1, 32];
const FRAME_WINDOW_MS = QUICK ? 2000 : 5000;
const FRAME_REPEATS = QUICK ? 1 : 3;
const FIRST_POINT_REPEATS = QUICK ? 1 : 3;
const FIRST_POINT_TIMEOUT_MS = 60_000;

const APP_HASH = '#lab=playground&dataset=spiral&hidden=16,16&samples=32&steps=3000&backend=auto&scale=log';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // WebGL 2 through SwiftShader, as Chrome gives it on a machine without a usable GPU. The page itself is
  // composited and rastered the way Chrome does it there (in software), not on SwiftShader.
  '--enable-unsafe-swiftshader',
];
/**
 * For comparison only: SwiftShader forced onto the compositor as well. Every SVG curve is then
 * rastered by the emulated GPU, and 32 streaming curves cost ~400 ms per frame: a setting of this
 * benchmark machine, not something a learner's browser does.
 */
const FORCED_SWIFTSHADER_ARGS = ['--use-angle=swiftshader', '--ignore-gpu-blocklist'];

const startedAt = Date.now();
const log = (...parts) =>
  console.log(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)}s]`, ...parts);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const round = (value, digits = 1) =>
  value == null || !Number.isFinite(value) ? null : Math.round(value * 10 ** digits) / 10 ** digits;

// ---------- 1. build ----------

function build() {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  for (const extra of [[], ['--config', 'bench/vite.config.ts']]) {
    log(`vite build ${extra.join(' ')}`.trim());
    const result = spawnSync(process.execPath, [vite, 'build', ...extra], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`vite build ${extra.join(' ')} failed (exit ${result.status}).`);
  }
}

// ---------- 2. static server ----------

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** dist/ at /, bench/dist/ at /bench/; no COOP/COEP headers (tfjs-wasm then uses its non-threaded build). */
function serve() {
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      let pathname = decodeURIComponent(url.pathname);
      let root = APP_DIST;
      if (pathname === '/bench') pathname = '/bench/';
      if (pathname.startsWith('/bench/')) {
        root = BENCH_DIST;
        pathname = pathname.slice('/bench'.length);
      }
      if (pathname.endsWith('/')) pathname += 'index.html';
      const file = normalize(join(root, pathname));
      if (!file.startsWith(root + sep)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      const missing = error && (error.code === 'ENOENT' || error.code === 'EISDIR');
      response.writeHead(missing ? 404 : 500, { 'Content-Type': 'text/plain' });
      response.end(missing ? 'not found' : String(error));
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolvePromise({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

// ---------- 4. throughput and reference (bench page) ----------

async function openBenchPage(browser, origin, failures) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => failures.push(`bench page error: ${e.message}`));
  await page.goto(`${origin}/bench/index.html`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
  return page;
}

const runBenchmark = (page, params) => page.evaluate((p) => window.runBenchmark(p), params);

/** A probe fixes the steps so one measurement takes about TARGET_MS; then the median of REPEATS. */
async function measureThroughput(page, params) {
  const probe = await runBenchmark(page, { ...params, steps: PROBE_STEPS });
  const msPerStep = probe.elapsedMs / PROBE_STEPS; // per step of every population
  const steps = Math.max(MIN_STEPS, Math.min(MAX_STEPS, Math.round(TARGET_MS / Math.max(msPerStep, 1e-3))));
  // When the probe already had the steps chosen (slow configurations), it counts as the first repeat.
  const rates = steps === PROBE_STEPS ? [probe.modelStepsPerSec] : [];
  while (rates.length < REPEATS)
    rates.push((await runBenchmark(page, { ...params, steps })).modelStepsPerSec);
  return { modelStepsPerSec: median(rates), steps, rates };
}

async function throughputAndReference(browser, origin, results, failures) {
  const page = await openBenchPage(browser, origin, failures);
  const started = [];
  for (const backend of BACKENDS) {
    try {
      await runBenchmark(page, { workload: 'spiral-mlp', backend, population: 1, mode: 'stacked', steps: 2 });
      started.push(backend);
    } catch (error) {
      const message = `backend ${backend} did not start: ${error.message.split('\n')[0]}`;
      failures.push(message);
      log(message);
    }
  }
  log(`backends that start: ${started.join(', ') || 'none'}`);
  for (const backend of started) {
    for (const workload of WORKLOADS) {
      for (const population of POPULATIONS) {
        for (const mode of MODES) {
          if (mode === 'separate' && population === 1) {
            // One population of one is the same work either way: measured once, reported under both.
            const same = results.throughput.find(
              (t) => t.workload === workload && t.backend === backend && t.population === 1,
            );
            if (same) results.throughput.push({ ...same, mode });
            continue;
          }
          const params = { workload, backend, population, mode };
          try {
            const m = await measureThroughput(page, params);
            results.throughput.push({ ...params, modelStepsPerSec: round(m.modelStepsPerSec, 1) });
            log(
              `${workload.padEnd(13)} ${backend.padEnd(5)} ${mode.padEnd(8)} N=${String(population).padEnd(2)} ` +
                `${m.modelStepsPerSec.toFixed(1).padStart(9)} model-steps/s (steps ${m.steps}, runs ${m.rates
                  .map((r) => r.toFixed(0))
                  .join('/')})`,
            );
          } catch (error) {
            const message = `${workload} ${backend} ${mode} N=${population} failed: ${error.message.split('\n')[0]}`;
            failures.push(message);
            log(message);
          }
        }
      }
    }
  }

  // The reference engine: probe, then steps for about TARGET_MS.
  for (const population of REFERENCE_POPULATIONS) {
    const probe = await page.evaluate((p) => window.runReference(p), { population: 1, steps: 20 });
    const msPerModelStep = probe.elapsedMs / 20;
    const steps = Math.max(
      MIN_STEPS,
      Math.min(20 * MAX_STEPS, Math.round(TARGET_MS / population / Math.max(msPerModelStep, 1e-4))),
    );
    const runs = [];
    for (let r = 0; r < REPEATS; r++)
      runs.push(await page.evaluate((p) => window.runReference(p), { population, steps }));
    const rate = median(runs.map((r) => r.modelStepsPerSec));
    results.throughput.push({
      workload: 'spiral-mlp',
      backend: 'reference-js',
      mode: 'reference',
      population,
      modelStepsPerSec: round(rate, 1),
    });
    log(
      `spiral-mlp    reference-js (main thread) N=${population} ${rate.toFixed(1)} model-steps/s ` +
        `(steps ${steps}; model 0 cost ${runs[0].costBefore.toFixed(3)} -> ${runs[0].costAfter.toFixed(3)})`,
    );
  }
  await page.close();
}

// ---------- 5. the real app: frames and first point ----------

/**
 * Installed in the app page before a click: remembers when the named button was clicked (the click
 * event's timeStamp, on performance.now()'s clock) and resolves `firstCurve` with performance.now() as
 * soon as the cost chart's canvas shows a curve with at least two points.
 */
function installProbe(buttonName) {
  const state = { clickAt: null, curveAt: null, longTasks: [] };
  window.__benchProbe = state;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  } catch {
    // No Long Tasks API: the frame report then says nothing about long tasks.
  }
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button && button.textContent.trim() === buttonName && state.clickAt === null)
        state.clickAt = event.timeStamp;
    },
    true,
  );
  // The cost chart draws its curves on a canvas that says how many have at least two points.
  const hasCurve = () => {
    const canvas = document.querySelector('figure[aria-label="Cost chart"] canvas.curve-canvas');
    return Number(canvas?.getAttribute('data-drawn') ?? 0) >= 1;
  };
  state.firstCurve = new Promise((resolveCurve) => {
    const found = () => {
      if (state.curveAt !== null || state.clickAt === null || !hasCurve()) return false;
      state.curveAt = performance.now();
      observer.disconnect();
      resolveCurve(state.curveAt);
      return true;
    };
    const observer = new MutationObserver(found);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-drawn'],
    });
    const poll = () => {
      if (!found() && state.curveAt === null) requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
}

/** Records rAF intervals (in page) for windowMs; with a timeout, only after the first curve is drawn. */
async function recordFrames({ windowMs, timeoutMs }) {
  const state = window.__benchProbe;
  if (timeoutMs) {
    const timeout = new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`no curve in the cost chart within ${timeoutMs} ms`)), timeoutMs),
    );
    await Promise.race([state.firstCurve, timeout]);
  }
  const readout = (label) => document.querySelector(`output[aria-label="${label}"]`)?.textContent ?? '?';
  const stepBefore = readout('Step');
  const times = await new Promise((resolveTimes) => {
    const stamps = [];
    const tick = (t) => {
      stamps.push(t);
      if (t - stamps[0] < windowMs) requestAnimationFrame(tick);
      else resolveTimes(stamps);
    };
    requestAnimationFrame(tick);
  });
  const start = times[0];
  const end = times[times.length - 1];
  const longTasks = state.longTasks.filter((t) => t.start + t.duration > start && t.start < end);
  return {
    intervals: times.slice(1).map((t, i) => t - times[i]),
    longTaskCount: longTasks.length,
    longTaskMs: longTasks.reduce((sum, t) => sum + t.duration, 0),
    longestTaskMs: Math.max(0, ...longTasks.map((t) => t.duration)),
    steps: `${stepBefore} -> ${readout('Step')}`,
    backend: readout('Backend'),
  };
}

/** Opens the app in a fresh context and returns the enabled button, or throws a readable error. */
async function openApp(browser, origin, hash, buttonName, errors) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/index.html${hash}`);
  const button = page.getByRole('button', { name: buttonName, exact: true });
  try {
    await button.waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    await context.close();
    throw new Error(`the app shows no button named "${buttonName}" (is the UI finished?)`);
  }
  const deadline = Date.now() + 15_000;
  while (!(await button.isEnabled())) {
    if (Date.now() > deadline) {
      await context.close();
      throw new Error(`the "${buttonName}" button stays disabled`);
    }
    await page.waitForTimeout(100);
  }
  await page.evaluate(installProbe, buttonName);
  return { context, page, button };
}

function frameStats(intervals) {
  return {
    p50Ms: round(percentile(intervals, 50), 2),
    p95Ms: round(percentile(intervals, 95), 2),
    maxMs: round(Math.max(...intervals), 2),
  };
}

async function frames(browser, origin, results, failures, suffix = '') {
  const scenarios = [
    { scenario: 'idle', button: null },
    { scenario: '32-curves', button: 'Train all' },
    { scenario: '1-curve', button: 'Train' },
  ].map((s) => ({ ...s, scenario: `${s.scenario}${suffix}` }));
  for (const { scenario, button: buttonName } of scenarios) {
    const runs = [];
    let error = null;
    for (let r = 0; r < FRAME_REPEATS && !error; r++) {
      const pageErrors = [];
      try {
        const { context, page, button } = await openApp(
          browser,
          origin,
          APP_HASH,
          buttonName ?? 'Train',
          pageErrors,
        );
        try {
          if (buttonName) await button.click();
          const recorded = await page.evaluate(recordFrames, {
            windowMs: FRAME_WINDOW_MS,
            timeoutMs: buttonName ? FIRST_POINT_TIMEOUT_MS : 0,
          });
          const { intervals, ...extra } = recorded;
          runs.push({ ...frameStats(intervals), count: intervals.length, ...extra });
        } finally {
          await context.close();
        }
      } catch (e) {
        error = `${e.message.split('\n')[0]}${pageErrors.length ? ` (page errors: ${pageErrors.join('; ')})` : ''}`;
      }
    }
    if (error) {
      failures.push(`frames ${scenario}: ${error}`);
      log(`frames ${scenario} FAILED: ${error}`);
      results.frames.push({ scenario, p50Ms: null, p95Ms: null, maxMs: null });
      continue;
    }
    const entry = {
      scenario,
      p50Ms: round(median(runs.map((x) => x.p50Ms)), 2),
      p95Ms: round(median(runs.map((x) => x.p95Ms)), 2),
      maxMs: round(median(runs.map((x) => x.maxMs)), 2),
    };
    results.frames.push(entry);
    log(
      `frames ${scenario.padEnd(9)} p50 ${entry.p50Ms} ms, p95 ${entry.p95Ms} ms, max ${entry.maxMs} ms ` +
        `(${runs.map((x) => `${x.count} frames`).join(', ')})`,
    );
    for (const x of runs.filter((run) => run.backend)) {
      log(
        `  ${x.count} frames; long tasks ${x.longTaskCount} (${x.longTaskMs.toFixed(0)} ms in all, longest ` +
          `${x.longestTaskMs.toFixed(0)} ms); step ${x.steps}; backend ${x.backend}`,
      );
    }
  }
}

async function firstPoint(browser, origin, results, failures) {
  for (const backend of BACKENDS) {
    const times = [];
    let error = null;
    for (let r = 0; r < FIRST_POINT_REPEATS && !error; r++) {
      const pageErrors = [];
      try {
        const hash = `#lab=playground&dataset=spiral&hidden=16,16&steps=3000&backend=${backend}`;
        const { context, page, button } = await openApp(browser, origin, hash, 'Train', pageErrors);
        try {
          await button.click();
          const point = await page.evaluate(async (timeoutMs) => {
            const state = window.__benchProbe;
            const timeout = new Promise((_, reject) =>
              setTimeout(
                () => reject(new Error(`no curve in the cost chart within ${timeoutMs} ms`)),
                timeoutMs,
              ),
            );
            const curveAt = await Promise.race([state.firstCurve, timeout]);
            const ran = document.querySelector('output[aria-label="Backend"]')?.textContent ?? '';
            return { ms: curveAt - state.clickAt, ran };
          }, FIRST_POINT_TIMEOUT_MS);
          // An explicit choice that fails falls back to another backend, and the app says so.
          if (point.ran && !point.ran.startsWith(backend)) {
            throw new Error(`asked for ${backend}, the app trained on "${point.ran}"`);
          }
          times.push(point.ms);
        } finally {
          await context.close();
        }
      } catch (e) {
        error = `${e.message.split('\n')[0]}${pageErrors.length ? ` (page errors: ${pageErrors.join('; ')})` : ''}`;
      }
    }
    if (error) {
      failures.push(`first point ${backend}: ${error}`);
      log(`first point ${backend} FAILED: ${error}`);
      results.firstPointMs[backend] = null;
      continue;
    }
    results.firstPointMs[backend] = round(median(times), 0);
    log(
      `first point ${backend.padEnd(5)} ${results.firstPointMs[backend]} ms (runs ${times.map((t) => t.toFixed(0)).join('/')})`,
    );
  }
}

// ---------- 6. bundle sizes ----------

const STATIC_IMPORT = /(?:^|[^.\w$])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;
/** Strings that only tfjs code carries (kernel registry, webgl flags, fused kernels). */
const TFJS_MARKERS = [
  'registerKernel',
  '@tensorflow',
  'kernelName',
  'WEBGL_VERSION',
  'FusedBatchNorm',
  '_FusedMatMul',
];

/** The file plus every chunk it imports statically (not dynamic import()), relative to dist/. */
async function staticClosure(dist, entry) {
  const seen = new Set();
  const visit = async (rel) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    if (!rel.endsWith('.js')) return;
    const code = await readFile(join(dist, rel), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) {
      const target = join(rel, '..', match[1]).split(sep).join('/');
      if (existsSync(join(dist, target))) await visit(target);
    }
  };
  await visit(entry);
  return [...seen];
}

const gzipKB = async (files, dist) => {
  let bytes = 0;
  for (const f of files) bytes += gzipSync(await readFile(join(dist, f)), { level: 9 }).length;
  return bytes / 1000;
};

async function bundleSizes(results, failures) {
  const html = await readFile(join(APP_DIST, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) =>
    m[1].replace(/^\.?\//, ''),
  );
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) =>
    m[1].replace(/^\.?\//, ''),
  );
  if (entries.length === 0) throw new Error('dist/index.html has no module script');
  const main = new Set(preloads);
  for (const entry of entries) for (const f of await staticClosure(APP_DIST, entry)) main.add(f);
  const assets = (await readdir(join(APP_DIST, 'assets'))).map((f) => `assets/${f}`);
  const workerEntries = assets.filter((f) => /^assets\/training\.worker-.*\.js$/.test(f));
  const worker = new Set();
  for (const entry of workerEntries) for (const f of await staticClosure(APP_DIST, entry)) worker.add(f);
  if (workerEntries.length === 0) failures.push('bundle: no assets/training.worker-*.js in dist/');
  const other = {};
  for (const f of assets) {
    if (main.has(f) || worker.has(f) || f.endsWith('.map')) continue;
    const name = f.slice('assets/'.length).replace(/-[\w-]{8}(?=\.[a-z]+$)/, '');
    let key = name;
    for (let i = 2; key in other; i++) key = `${name}#${i}`;
    other[key] = round(await gzipKB([f], APP_DIST), 1);
  }
  const markers = {};
  for (const f of main) {
    if (!f.endsWith('.js')) continue;
    const code = await readFile(join(APP_DIST, f), 'utf8');
    for (const m of TFJS_MARKERS) if (code.includes(m)) markers[m] = (markers[m] ?? 0) + 1;
  }
  let workerMarkers = 0;
  for (const f of worker) {
    const code = await readFile(join(APP_DIST, f), 'utf8');
    for (const m of TFJS_MARKERS) if (code.includes(m)) workerMarkers++;
  }
  results.bundleGzipKB = {
    main: round(await gzipKB([...main], APP_DIST), 1),
    worker: round(await gzipKB([...worker], APP_DIST), 1),
    other,
  };
  return {
    mainFiles: [...main],
    workerFiles: [...worker],
    tfjsMarkersInMain: Object.keys(markers),
    tfjsMarkersInWorker: workerMarkers,
    rawMainKB:
      (await Promise.all([...main].map(async (f) => (await stat(join(APP_DIST, f))).size))).reduce(
        (a, b) => a + b,
        0,
      ) / 1000,
  };
}

// ---------- report ----------

function table(results) {
  const lines = [];
  const cell = (v) => (v == null ? '—' : String(Math.round(v)));
  for (const workload of WORKLOADS) {
    lines.push('', `Throughput, ${workload} (model-steps/s, median of ${REPEATS}):`);
    const header = ['backend', 'mode', ...POPULATIONS.map((n) => `N=${n}`)];
    const rows = [header];
    const backends = [
      ...new Set(results.throughput.filter((t) => t.workload === workload).map((t) => t.backend)),
    ];
    for (const backend of backends) {
      const modes = backend === 'reference-js' ? ['reference'] : MODES;
      for (const mode of modes) {
        const pops =
          backend === 'reference-js'
            ? POPULATIONS.map((n) => (REFERENCE_POPULATIONS.includes(n) ? n : -1))
            : POPULATIONS;
        rows.push([
          backend,
          mode,
          ...pops.map((n) =>
            cell(
              results.throughput.find(
                (t) =>
                  t.workload === workload && t.backend === backend && t.mode === mode && t.population === n,
              )?.modelStepsPerSec,
            ),
          ),
        ]);
      }
    }
    if (backends.includes('reference-js') && !POPULATIONS.includes(32)) {
      const ref32 = results.throughput.find((t) => t.backend === 'reference-js' && t.population === 32);
      lines.push(`  (reference-js N=32: ${cell(ref32?.modelStepsPerSec)})`);
    }
    const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows)
      lines.push(`  ${r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`);
  }
  lines.push('', 'Frames (rAF intervals, ms):');
  for (const f of results.frames)
    lines.push(
      `  ${f.scenario.padEnd(10)} p50 ${f.p50Ms ?? '—'}  p95 ${f.p95Ms ?? '—'}  max ${f.maxMs ?? '—'}`,
    );
  lines.push('', 'Train -> first cost point (ms):');
  for (const [b, ms] of Object.entries(results.firstPointMs)) lines.push(`  ${b.padEnd(5)} ${ms ?? '—'}`);
  const sizes = results.bundleGzipKB;
  if (sizes) {
    lines.push('', 'Bundle sizes (kB gzip):', `  main ${sizes.main}   worker ${sizes.worker}`);
    for (const [name, kb] of Object.entries(sizes.other)) lines.push(`  ${name} ${kb}`);
  }
  return lines.join('\n');
}

function targets(results, bundleInfo) {
  const find = (workload, backend, mode, population) =>
    results.throughput.find(
      (t) =>
        t.workload === workload && t.backend === backend && t.mode === mode && t.population === population,
    )?.modelStepsPerSec;
  const best = (workload, mode, population) => {
    let winner = null;
    for (const backend of BACKENDS) {
      const v = find(workload, backend, mode, population);
      if (v != null && (winner === null || v > winner.value)) winner = { backend, value: v };
    }
    return winner;
  };
  const out = [];
  const add = (name, pass, detail) =>
    out.push({ target: name, status: pass === null ? 'N/A' : pass ? 'PASS' : 'MISS', detail });
  const n32 = POPULATIONS.includes(32) ? 32 : Math.max(...POPULATIONS);
  const ref32 = find('spiral-mlp', 'reference-js', 'reference', 32);
  const ref1 = find('spiral-mlp', 'reference-js', 'reference', 1);
  const s32 = best('spiral-mlp', 'stacked', n32);
  add(
    `spiral-mlp best stacked N=${n32} >= 10x reference N=32`,
    s32 && ref32 ? s32.value >= 10 * ref32 : null,
    s32 && ref32
      ? `${s32.backend} ${s32.value} vs ${ref32} (${(s32.value / ref32).toFixed(2)}x)`
      : 'missing data',
  );
  const s1 = best('spiral-mlp', 'stacked', 1);
  add(
    'spiral-mlp best population-of-one >= 1x reference N=1',
    s1 && ref1 ? s1.value >= ref1 : null,
    s1 && ref1 ? `${s1.backend} ${s1.value} vs ${ref1} (${(s1.value / ref1).toFixed(2)}x)` : 'missing data',
  );
  const d32 = best('digits-bn-mlp', 'stacked', n32);
  const dSep = d32 && find('digits-bn-mlp', d32.backend, 'separate', n32);
  const dSepBest = best('digits-bn-mlp', 'separate', n32);
  add(
    `digits-bn-mlp best stacked N=${n32} >= 8x separate N=${n32} (same backend)`,
    d32 && dSep ? d32.value >= 8 * dSep : null,
    d32 && dSep
      ? `${d32.backend} ${d32.value} vs ${dSep} (${(d32.value / dSep).toFixed(2)}x; vs best separate ` +
          `${dSepBest.backend} ${dSepBest.value}: ${(d32.value / dSepBest.value).toFixed(2)}x)`
      : 'missing data',
  );
  const f32 = results.frames.find((f) => f.scenario === '32-curves');
  const f32Forced = results.frames.find((f) => f.scenario === '32-curves-swiftshader-compositing');
  add(
    'frames p95 <= 17.5 ms with 32 curves',
    f32?.p95Ms == null ? null : f32.p95Ms <= 17.5,
    (f32?.p95Ms == null ? 'not measured' : `p95 ${f32.p95Ms} ms`) +
      (f32Forced?.p95Ms == null ? '' : ` (SwiftShader compositing forced: p95 ${f32Forced.p95Ms} ms)`),
  );
  const fp = Object.entries(results.firstPointMs).filter(([, v]) => v != null);
  const fastest = fp.length ? fp.reduce((a, b) => (a[1] <= b[1] ? a : b)) : null;
  add(
    'first point <= 1 s on the fastest backend',
    fastest ? fastest[1] <= 1000 : null,
    fastest ? `${fastest[0]} ${fastest[1]} ms` : 'not measured',
  );
  const sizes = results.bundleGzipKB;
  add(
    'main bundle <= 200 kB gzip, tfjs only in the worker',
    sizes ? sizes.main <= 200 && bundleInfo.tfjsMarkersInMain.length === 0 : null,
    sizes
      ? `main ${sizes.main} kB gzip (${bundleInfo.mainFiles.join(', ')}); tfjs markers in main: ` +
          `${bundleInfo.tfjsMarkersInMain.join(', ') || 'none'} (worker has ${bundleInfo.tfjsMarkersInWorker})`
      : 'not measured',
  );
  return out;
}

// ---------- main ----------

async function main() {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM} (set CHROMIUM_PATH or --chromium=).`);
  if (!SKIP_BUILD) build();
  for (const dir of [APP_DIST, BENCH_DIST]) {
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: build first.`);
  }
  const failures = [];
  const results = {
    date: new Date().toISOString(),
    userAgent: null,
    cores: null,
    quick: QUICK,
    throughput: [],
    frames: [],
    firstPointMs: {},
    bundleGzipKB: null,
  };
  let bundleInfo = { mainFiles: [], workerFiles: [], tfjsMarkersInMain: [], tfjsMarkersInWorker: 0 };
  try {
    bundleInfo = await bundleSizes(results, failures);
  } catch (error) {
    failures.push(`bundle sizes: ${error.message}`);
  }

  const { server, origin } = await serve();
  log(`serving dist/ and bench/dist/ at ${origin}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const probe = await browser.newPage();
    await probe.goto(`${origin}/bench/index.html`);
    Object.assign(
      results,
      await probe.evaluate(() => ({ userAgent: navigator.userAgent, cores: navigator.hardwareConcurrency })),
    );
    await probe.close();
    log(`${results.userAgent}, ${results.cores} cores${QUICK ? ' (quick mode)' : ''}`);

    if (wanted('throughput')) await throughputAndReference(browser, origin, results, failures);
    if (wanted('firstpoint')) await firstPoint(browser, origin, results, failures);
    if (wanted('frames')) await frames(browser, origin, results, failures);
  } finally {
    await browser.close();
  }
  if (wanted('frames')) {
    // For reading the frames above: the same scenarios with SwiftShader forced onto the compositor
    // (see FORCED_SWIFTSHADER_ARGS). Not a target.
    log('frames again with SwiftShader compositing forced, for comparison');
    const forced = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS, ...FORCED_SWIFTSHADER_ARGS],
    });
    try {
      await frames(forced, origin, results, failures, '-swiftshader-compositing');
    } finally {
      await forced.close();
    }
  }
  server.close();

  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(table(results));
  console.log('\nTargets:');
  for (const t of targets(results, bundleInfo))
    console.log(`  ${t.status.padEnd(4)}  ${t.target}: ${t.detail}`);
  if (failures.length) {
    console.log('\nNot measured / problems:');
    for (const f of failures) console.log(`  - ${f}`);
  }
  console.log(`\nWrote ${resolve(RESULTS)} in ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack ?? error}`);
  process.exit(1);
});
