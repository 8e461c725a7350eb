// `npm run bench`: builds the app (bench/dist/app/) and the benchmark page (bench/dist/page/), serves
// both on 127.0.0.1 twice (one server cross-origin isolated with COOP/COEP, as `npm start` and
// `npm run preview` are, one without, as a static host would be), drives the system Chromium headless
// with Playwright (never a downloaded browser) and measures, with the app's engine and in the real app:
//   0. the ceiling: each backend's own 2-D matMul [1920,100]×[100,100] in GFLOP/s, in the bench worker;
//   1. training throughput (model-steps/s) per workload, backend, population size and mode (in the bench
//      worker, bench/bench.worker.ts: the app's engine and backends in a worker of their own), with its
//      FLOP per model-step, GFLOP/s and share of the ceiling; wasm once threaded (isolated page) and once
//      on one thread (the page without COOP/COEP);
//   2. the plain-TypeScript reference MLP (bench/referenceMlp.ts, on the bench page's main thread);
//   3. main-thread smoothness (requestAnimationFrame intervals) while curves stream into the app;
//   4. time from pressing Train to the first cost point drawn, per backend;
//   5. gzip sizes of the bundles;
//   6. the lessons' demos as a learner waits for them, in the real app pages (isolated server): the
//      batch-norm lab's comparison and sweep, the search lab's default study and "Train all three",
//      and Train -> first point for a second run of the same playground workload.
// Prints a table and PASS/MISS per target, and writes bench/results.json.
// Flags: --quick (few steps, N in {1, 8}, one repeat: a smoke test), --skip-build (reuse dist/ and
// bench/dist/), --only=throughput,firstpoint,frames,demos (some sections only), --backends=wasm,cpu, --chromium=PATH (default $CHROMIUM_PATH or /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Its own build folders (never dist/, which e2e and `npm run preview` use) and servers on free ports.
const APP_DIST = join(ROOT, 'bench', 'dist', 'app');
const BENCH_DIST = join(ROOT, 'bench', 'dist', 'page');
/** As vite.config.ts serves the app: cross-origin isolated, so tfjs-wasm may start threads. */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
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

/** --backends=wasm,cpu: time only those (the throughput section; the app pages still choose their own). */
const BACKENDS = args
  .find((a) => a.startsWith('--backends='))
  ?.slice('--backends='.length)
  .split(',') ?? ['webgl', 'wasm', 'cpu'];
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
  for (const extra of [
    ['--outDir', APP_DIST, '--emptyOutDir'],
    ['--config', 'bench/vite.config.ts'],
  ]) {
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

/** The app at /, the bench page at /bench/; with `isolated`, COOP/COEP (tfjs-wasm may use threads). */
function serve(isolated) {
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
        ...(isolated ? ISOLATION_HEADERS : {}),
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

async function openBenchPage(browser, origin, failures, query = '') {
  const page = await browser.newPage();
  page.on('pageerror', (e) => failures.push(`bench page error: ${e.message}`));
  await page.goto(`${origin}/bench/index.html${query}`);
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
  return {
    modelStepsPerSec: median(rates),
    steps,
    rates,
    threads: probe.threads,
    flopPerModelStep: probe.flopPerModelStep,
  };
}

/** The backend's own 2-D matMul on this page's bench worker: the ceiling its workloads are measured against. */
async function ceiling(page, backend, results, failures) {
  try {
    const c = await page.evaluate((p) => window.runCeiling(p), { backend });
    const entry = { backend, threads: c.threads, gflops: round(c.gflops, 2), ms: round(c.ms, 3) };
    if (!results.ceiling.some((c) => c.backend === backend && c.threads === entry.threads))
      results.ceiling.push(entry);
    log(
      `ceiling ${backend} (${c.threads} thread${c.threads > 1 ? 's' : ''}): matMul [1920,100]x[100,100] ${c.ms.toFixed(2)} ms, ${c.gflops.toFixed(1)} GFLOP/s`,
    );
    return entry;
  } catch (error) {
    failures.push(`ceiling ${backend}: ${error.message.split('\n')[0]}`);
    return null;
  }
}

/** Throughput rows of `backends` on one bench page; `tag` names the page in the log. */
async function throughput(page, backends, tag, results, failures, extra = {}) {
  for (const backend of backends) {
    const top = await ceiling(page, backend, results, failures);
    for (const workload of WORKLOADS) {
      for (const population of POPULATIONS) {
        for (const mode of MODES) {
          const params = { workload, backend, population, mode };
          if (mode === 'separate' && population === 1) {
            // One population of one is the same work either way: measured once, reported under both.
            const same = results.throughput.find(
              (t) =>
                t.workload === workload &&
                t.backend === backend &&
                t.population === 1 &&
                t.threads === top?.threads &&
                t.products === extra.products &&
                t.kernels === extra.kernels,
            );
            if (same) results.throughput.push({ ...same, mode });
            continue;
          }
          try {
            const m = await measureThroughput(page, params);
            const gflops = (m.modelStepsPerSec * m.flopPerModelStep) / 1e9;
            results.throughput.push({
              ...params,
              ...extra,
              threads: m.threads,
              modelStepsPerSec: round(m.modelStepsPerSec, 1),
              flopPerModelStep: m.flopPerModelStep,
              gflops: round(gflops, 3),
              shareOfCeiling: top ? round(gflops / top.gflops, 3) : null,
            });
            log(
              `${tag} ${workload.padEnd(13)} ${backend.padEnd(5)} x${m.threads} ${mode.padEnd(8)} N=${String(population).padEnd(2)} ` +
                `${m.modelStepsPerSec.toFixed(1).padStart(9)} model-steps/s, ${gflops.toFixed(2)} GFLOP/s` +
                `${top ? ` (${((100 * gflops) / top.gflops).toFixed(0)}% of ceiling)` : ''} (steps ${m.steps}, runs ${m.rates
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
}

async function throughputAndReference(browser, origins, results, failures) {
  const page = await openBenchPage(browser, origins.isolated, failures);
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
  await throughput(page, started, 'isolated', results, failures);
  const wasmThreads = results.ceiling.find((c) => c.backend === 'wasm')?.threads;
  if (wasmThreads !== undefined && results.cores > 1) {
    // wasm the other way, for the threads comparison: where the app's own rule gave one thread (few
    // cores), forced onto every core of the isolated page; where it gave threads, on the page without
    // COOP/COEP (one thread).
    const [origin, query, tag] =
      wasmThreads === 1
        ? [origins.isolated, `?threads=${results.cores}`, 'forced  ']
        : [origins.plain, '', 'plain   '];
    const other = await openBenchPage(browser, origin, failures, query);
    try {
      await throughput(other, ['wasm'], tag, results, failures);
    } finally {
      await other.close();
    }
  }
  if (started.includes('wasm')) {
    // Before/after in one run: wasm with tfjs's batched products, as the engine ran before issue 12.
    const before = await openBenchPage(browser, origins.isolated, failures, '?products=batched');
    try {
      await throughput(before, ['wasm'], 'batched ', results, failures, { products: 'batched' });
    } finally {
      await before.close();
    }
    // The per-layer fused kernels without the whole-network kernel (round 4's engine, round 5's "before").
    const layers = await openBenchPage(browser, origins.isolated, failures, '?kernels=layers');
    try {
      await throughput(layers, ['wasm'], 'layers  ', results, failures, { kernels: 'layers' });
    } finally {
      await layers.close();
    }
    // And with tfjs's separate kernels instead of the fused ones (round 3's "before"), same run.
    const unfused = await openBenchPage(browser, origins.isolated, failures, '?kernels=unfused');
    try {
      await throughput(unfused, ['wasm'], 'unfused ', results, failures, { kernels: 'unfused' });
    } finally {
      await unfused.close();
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

// ---------- 6. the lessons' demos, as a learner waits for them ----------

/**
 * In the page: clicks the button named `button` and resolves with the milliseconds until the output
 * labelled `label` reads text matching `done` (a MutationObserver, so the moment is the DOM's own).
 */
async function timeUntil({ button, label, done, timeoutMs }) {
  const find = () =>
    [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === button && !b.disabled);
  const target = find();
  if (!target) throw new Error(`no enabled button "${button}"`);
  const output = () => document.querySelector(`output[aria-label="${label}"]`);
  const pattern = new RegExp(done);
  const started = performance.now();
  target.click();
  return new Promise((resolveDone, reject) => {
    const check = () => {
      if (pattern.test(output()?.textContent ?? '')) {
        observer.disconnect();
        clearTimeout(timer);
        resolveDone(performance.now() - started);
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(
        new Error(
          `"${label}" did not read /${done}/ within ${timeoutMs} ms (it reads "${output()?.textContent}")`,
        ),
      );
    }, timeoutMs);
  });
}

const DEMOS = [
  {
    name: 'bn-comparison',
    hash: '#lab=batchnorm',
    button: 'Run comparison',
    label: 'Lab status',
    done: 'comparison: finished',
  },
  {
    name: 'bn-sweep',
    hash: '#lab=batchnorm',
    button: 'Sweep learning rate',
    label: 'Lab status',
    done: 'sweep: finished',
  },
  {
    name: 'search-default-study',
    hash: '#lab=search',
    button: 'Run study',
    label: 'Study status',
    done: '^finished$',
  },
  {
    name: 'search-train-all-three',
    hash: '#lab=search',
    button: 'Train all three',
    label: 'Study status',
    done: '^finished$',
  },
];
const DEMO_TIMEOUT_MS = 300_000;

/** The lessons' demos with the app's defaults, each in a fresh page (one run each: they take seconds). */
async function demos(browser, origin, results, failures) {
  for (const demo of DEMOS) {
    const errors = [];
    try {
      const { context, page } = await openApp(browser, origin, demo.hash, demo.button, errors);
      try {
        const ms = await page.evaluate(timeUntil, { ...demo, timeoutMs: DEMO_TIMEOUT_MS });
        const backend = await page.evaluate(
          () => document.querySelector('output[aria-label="Backend"]')?.textContent ?? '',
        );
        results.demos[demo.name] = round(ms, 0);
        log(`demo ${demo.name.padEnd(22)} ${ms.toFixed(0)} ms${backend ? ` (${backend})` : ''}`);
      } finally {
        await context.close();
      }
    } catch (e) {
      const message = `${e.message.split('\n')[0]}${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`;
      failures.push(`demo ${demo.name}: ${message}`);
      log(`demo ${demo.name} FAILED: ${message}`);
      results.demos[demo.name] = null;
    }
  }
  // Train -> first point of a second run of the same playground workload (verdict known, kernels built).
  const errors = [];
  try {
    const hash = `#lab=playground&dataset=spiral&hidden=16,16&steps=3000&backend=auto`;
    const { context, page, button } = await openApp(browser, origin, hash, 'Train', errors);
    try {
      await button.click();
      await page.evaluate(() => window.__benchProbe.firstCurve);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await page.getByRole('button', { name: 'Reset', exact: true }).click();
      await page.waitForFunction(
        () =>
          Number(
            document
              .querySelector('figure[aria-label="Cost chart"] canvas.curve-canvas')
              ?.getAttribute('data-drawn') ?? 0,
          ) === 0,
        null,
        { timeout: 30_000 },
      );
      await page.evaluate(installProbe, 'Train');
      await button.click();
      const ms = await page.evaluate(async () => {
        const state = window.__benchProbe;
        const at = await state.firstCurve;
        return at - state.clickAt;
      });
      results.demos['second-run-first-point'] = round(ms, 0);
      log(`demo second-run-first-point  ${ms.toFixed(0)} ms`);
    } finally {
      await context.close();
    }
  } catch (e) {
    failures.push(`demo second-run-first-point: ${e.message.split('\n')[0]}`);
    results.demos['second-run-first-point'] = null;
  }
}

// ---------- 7. bundle sizes ----------

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

/** A throughput row's engine: the backend, with wasm's thread count ("wasm x2"). */
const engineOf = (t) =>
  t.backend === 'wasm'
    ? `wasm x${t.threads}${t.products === 'batched' ? ' batched' : ''}${t.kernels ? ` ${t.kernels}` : ''}`
    : t.backend;

function table(results) {
  const lines = [];
  const cell = (v) => (v == null ? '—' : String(Math.round(v)));
  lines.push('', 'Ceiling (2-D matMul [1920,100]x[100,100]):');
  for (const c of results.ceiling) lines.push(`  ${engineOf(c).padEnd(8)} ${c.gflops} GFLOP/s`);
  for (const workload of WORKLOADS) {
    const flop = results.throughput.find(
      (t) => t.workload === workload && t.flopPerModelStep,
    )?.flopPerModelStep;
    lines.push(
      '',
      `Throughput, ${workload} (model-steps/s, median of ${REPEATS}; ${flop ? `${(flop / 1e6).toFixed(2)} MFLOP per model-step; ` : ''}% = share of the ceiling):`,
    );
    const header = ['engine', 'mode', ...POPULATIONS.map((n) => `N=${n}`)];
    const rows = [header];
    const engines = [...new Set(results.throughput.filter((t) => t.workload === workload).map(engineOf))];
    for (const engine of engines) {
      const modes = engine === 'reference-js' ? ['reference'] : MODES;
      for (const mode of modes) {
        const pops =
          engine === 'reference-js'
            ? POPULATIONS.map((n) => (REFERENCE_POPULATIONS.includes(n) ? n : -1))
            : POPULATIONS;
        rows.push([
          engine,
          mode,
          ...pops.map((n) => {
            const t = results.throughput.find(
              (r) =>
                r.workload === workload && engineOf(r) === engine && r.mode === mode && r.population === n,
            );
            const share = t?.shareOfCeiling == null ? '' : ` (${Math.round(100 * t.shareOfCeiling)}%)`;
            return `${cell(t?.modelStepsPerSec)}${share}`;
          }),
        ]);
      }
    }
    if (engines.includes('reference-js') && !POPULATIONS.includes(32)) {
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
  lines.push('', 'Demos, click -> finished (ms):');
  for (const [name, ms] of Object.entries(results.demos)) lines.push(`  ${name.padEnd(24)} ${ms ?? '—'}`);
  const sizes = results.bundleGzipKB;
  if (sizes) {
    lines.push('', 'Bundle sizes (kB gzip):', `  main ${sizes.main}   worker ${sizes.worker}`);
    for (const [name, kb] of Object.entries(sizes.other)) lines.push(`  ${name} ${kb}`);
  }
  return lines.join('\n');
}

/** What the learner waited before this engine work (issue 12's measurements), for the demo targets. */
const DEMO_BEFORE_MS = { 'bn-sweep': 17_000, 'search-train-all-three': 7_000 };

function targets(results, bundleInfo) {
  // The batched, layers and unfused rows are the "before" figures: no target counts them.
  const rows = (where) =>
    results.throughput.filter(
      (t) =>
        t.products !== 'batched' &&
        t.kernels === undefined &&
        Object.entries(where).every(([k, v]) => t[k] === v),
    );
  const rate = (where) => rows(where)[0]?.modelStepsPerSec;
  /** The fastest engine (backend and threads) for this workload, mode and population. */
  const best = (workload, mode, population, extra = {}) =>
    rows({ workload, mode, population, ...extra })
      .filter((t) => t.backend !== 'reference-js')
      .reduce((a, b) => (a && a.modelStepsPerSec >= b.modelStepsPerSec ? a : b), null);
  const out = [];
  const add = (name, pass, detail) =>
    out.push({ target: name, status: pass === null ? 'N/A' : pass ? 'PASS' : 'MISS', detail });
  const n32 = POPULATIONS.includes(32) ? 32 : Math.max(...POPULATIONS);
  const pct = (x) => `${(100 * x).toFixed(0)}%`;

  const d1 = best('digits-bn-mlp', 'stacked', 1, { threads: 1 });
  add(
    'digits-bn-mlp best backend N=1, one thread: >= 40% of its 2-D matMul rate',
    d1?.shareOfCeiling == null ? null : d1.shareOfCeiling >= 0.4,
    d1
      ? `${engineOf(d1)} ${d1.gflops} GFLOP/s = ${pct(d1.shareOfCeiling ?? Number.NaN)} of its ceiling`
      : 'missing data',
  );
  const d32 = best('digits-bn-mlp', 'stacked', n32);
  const dSep =
    d32 &&
    rate({
      workload: 'digits-bn-mlp',
      backend: d32.backend,
      threads: d32.threads,
      mode: 'separate',
      population: n32,
    });
  add(
    `digits-bn-mlp best stacked N=${n32} >= 1.5x separate N=${n32} (same engine)`,
    d32 && dSep ? d32.modelStepsPerSec >= 1.5 * dSep : null,
    d32 && dSep
      ? `${engineOf(d32)} ${d32.modelStepsPerSec} vs ${dSep} (${(d32.modelStepsPerSec / dSep).toFixed(2)}x)`
      : 'missing data',
  );
  const ref1 = rate({ workload: 'spiral-mlp', backend: 'reference-js', population: 1 });
  const ref32 = rate({ workload: 'spiral-mlp', backend: 'reference-js', population: 32 });
  const s1 = best('spiral-mlp', 'stacked', 1);
  add(
    'spiral-mlp best population-of-one >= 1x reference N=1',
    s1 && ref1 ? s1.modelStepsPerSec >= ref1 : null,
    s1 && ref1
      ? `${engineOf(s1)} ${s1.modelStepsPerSec} vs ${ref1} (${(s1.modelStepsPerSec / ref1).toFixed(2)}x)`
      : 'missing data',
  );
  const s32 = best('spiral-mlp', 'stacked', n32);
  add(
    `spiral-mlp best stacked N=${n32} >= 10x reference N=32`,
    s32 && ref32 ? s32.modelStepsPerSec >= 10 * ref32 : null,
    s32 && ref32
      ? `${engineOf(s32)} ${s32.modelStepsPerSec} vs ${ref32} (${(s32.modelStepsPerSec / ref32).toFixed(2)}x)`
      : 'missing data',
  );
  const threaded = rows({ workload: 'digits-bn-mlp', backend: 'wasm', mode: 'stacked', population: n32 })
    .filter((t) => t.threads > 1)
    .at(0);
  const single = rate({
    workload: 'digits-bn-mlp',
    backend: 'wasm',
    mode: 'stacked',
    population: n32,
    threads: 1,
  });
  add(
    `threaded wasm digits-bn-mlp N=${n32} >= 1.6x one thread`,
    threaded && single ? threaded.modelStepsPerSec >= 1.6 * single : null,
    threaded && single
      ? `x${threaded.threads} ${threaded.modelStepsPerSec} vs x1 ${single} (${(threaded.modelStepsPerSec / single).toFixed(2)}x)`
      : 'no threaded wasm row (page not isolated, or one core)',
  );
  for (const [name, before] of Object.entries(DEMO_BEFORE_MS)) {
    const ms = results.demos[name];
    add(
      `${name} >= 4x faster than ${before / 1000} s`,
      ms == null ? null : ms * 4 <= before,
      ms == null ? 'not measured' : `${ms} ms (${(before / ms).toFixed(1)}x faster)`,
    );
  }
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
    ceiling: [],
    demos: {},
  };
  let bundleInfo = { mainFiles: [], workerFiles: [], tfjsMarkersInMain: [], tfjsMarkersInWorker: 0 };
  try {
    bundleInfo = await bundleSizes(results, failures);
  } catch (error) {
    failures.push(`bundle sizes: ${error.message}`);
  }

  const { server, origin } = await serve(true);
  const { server: plainServer, origin: plainOrigin } = await serve(false);
  log(
    `serving bench/dist/app and bench/dist/page at ${origin} (COOP/COEP) and ${plainOrigin} (no isolation)`,
  );
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

    if (wanted('throughput'))
      await throughputAndReference(browser, { isolated: origin, plain: plainOrigin }, results, failures);
    if (wanted('demos')) await demos(browser, origin, results, failures);
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
  plainServer.close();

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
