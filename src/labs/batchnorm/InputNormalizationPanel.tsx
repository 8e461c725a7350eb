// Normalizing inputs: logistic regression with two weights, on raw features of very different spreads and on
// the same features standardised. The two cost bowls side by side, each drawn to scale with smooth contour
// lines (d3-contour, only in this lab's lazy chunk); one α drives both gradient-descent paths, which can be
// played step by step. Every number shown (elongation, largest α, steps) is measured by src/core/inputScaling.

import { contours } from 'd3-contour';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ScrollBox } from '../../components/ScrollBox';
import {
  CONVERGENCE_TOLERANCE,
  type DescentRun,
  devSetProblem,
  elongation,
  type FeatureStats,
  featureCorrelation,
  featureStats,
  fewestStepsRate,
  gradientDescent,
  largestConvergingRate,
  logisticCost,
  MAX_DESCENT_STEPS,
  normalizedProblem,
  type ScalingProblem,
  scaledFeaturesProblem,
  scaleWith,
  squareWindow,
} from '../../core/inputScaling';
import { AnswerGate } from '../../ui/AnswerGate';
import { ChartExport } from '../../ui/ChartExport';
import { formatCost, formatRate } from '../../ui/format';
import { PALETTE, SERIES } from '../../ui/palette';

const SEED = 1;
const SIZE = 320;
const RES = 150;
/** Contour levels: J* + fraction × (J(0, 0) − J*), denser near the minimum where the bowl's shape shows. */
const LEVELS = [0.01, 0.03, 0.07, 0.14, 0.25, 0.4, 0.6, 0.85, 1.2, 1.7, 2.4];
const ALPHA_MIN = -2;
const ALPHA_MAX = 1;

interface Case {
  name: 'raw' | 'normalized';
  problem: ScalingProblem;
  largest: DescentRun | null;
  fewest: DescentRun | null;
  elongation: number;
  stats: FeatureStats;
  correlation: number;
  window: { w1: [number, number]; w2: [number, number] };
  /** Contour rings already in pixels, one SVG path per level. */
  rings: string[];
}

interface Measured {
  raw: Case;
  normalized: Case;
  train: FeatureStats;
  dev: FeatureStats;
  devRow: [number, number];
  devCostTrainStats: number;
  devCostOwnStats: number;
  devM: number;
}

function contourPaths(p: ScalingProblem, win: Case['window']): string[] {
  // One extra cell on every side, clipped away when drawn: d3-contour closes each ring along the grid's
  // border, and those closing edges must fall outside the visible square.
  const n = RES + 2;
  const cell = (win.w1[1] - win.w1[0]) / RES;
  const values = new Array<number>(n * n);
  for (let r = 0; r < n; r++) {
    // Row 0 is the top of the picture (largest w2), as the SVG's y axis runs down.
    const b = win.w2[1] - (r - 0.5) * cell;
    for (let c = 0; c < n; c++) values[r * n + c] = logisticCost(p, win.w1[0] + (c - 0.5) * cell, b);
  }
  const top = logisticCost(p, 0, 0) - p.best.cost;
  const thresholds = LEVELS.map((f) => p.best.cost + f * top);
  const scale = SIZE / RES;
  return contours()
    .size([n, n])
    .thresholds(thresholds)(values)
    .map((geometry) =>
      geometry.coordinates
        .flatMap((polygon) =>
          polygon.map(
            (ring) =>
              `M${ring.map(([x, y]) => `${((x - 1) * scale).toFixed(1)},${((y - 1) * scale).toFixed(1)}`).join('L')}Z`,
          ),
        )
        .join(''),
    );
}

function measureCase(name: Case['name'], problem: ScalingProblem): Case {
  const window = squareWindow(problem);
  return {
    name,
    problem,
    largest: largestConvergingRate(problem),
    fewest: fewestStepsRate(problem),
    elongation: elongation(problem),
    stats: featureStats(problem),
    correlation: featureCorrelation(problem),
    window,
    rings: contourPaths(problem, window),
  };
}

function measure(): Measured {
  const raw = scaledFeaturesProblem(SEED);
  const train = featureStats(raw);
  const normalized = normalizedProblem(raw);
  const dev = devSetProblem(SEED);
  const devStats = featureStats(dev);
  const w = normalized.best;
  return {
    raw: measureCase('raw', raw),
    normalized: measureCase('normalized', normalized),
    train,
    dev: devStats,
    devRow: [dev.x[0], dev.x[1]],
    devCostTrainStats: logisticCost(scaleWith(dev, train), w.w1, w.w2),
    devCostOwnStats: logisticCost(scaleWith(dev, devStats), w.w1, w.w2),
    devM: dev.m,
  };
}

function describeRun(run: DescentRun): string {
  if (run.outcome === 'converged') return `converges in ${run.steps.toLocaleString('en-US')} steps`;
  if (run.outcome === 'diverged') return `diverges (the cost blows up at step ${run.steps})`;
  if (run.outcome === 'oscillates') return 'never converges: the steps bounce across the valley';
  return `not converged after ${run.steps.toLocaleString('en-US')} steps`;
}

function BowlPlot({ c, run, step, title }: { c: Case; run: DescentRun; step: number; title: string }) {
  const clipId = useId();
  const figureRef = useRef<HTMLElement>(null);
  const { w1, w2 } = c.window;
  const px = (a: number) => ((a - w1[0]) / (w1[1] - w1[0])) * SIZE;
  const py = (b: number) => SIZE - ((b - w2[0]) / (w2[1] - w2[0])) * SIZE;
  const shown = run.path.filter((q) => q.t <= step);
  const here = shown[shown.length - 1] ?? run.path[0];
  // Far outside the square a diverging path's coordinates are huge; clamp them so the line still points out.
  const clamp = (v: number) => Math.max(-4 * SIZE, Math.min(5 * SIZE, v));
  const line = shown.map((q) => `${clamp(px(q.w1)).toFixed(1)},${clamp(py(q.w2)).toFixed(1)}`).join(' ');
  const span = w1[1] - w1[0];
  return (
    <figure className="bn-contour bn-bowl" aria-label={title} ref={figureRef}>
      <div className="chart-export-row">
        <span className="bn-bowl-title">{title}</span>
        <ChartExport
          name={title}
          target={figureRef}
          fileName={`contours-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`}
        />
      </div>
      <svg
        width={SIZE}
        height={SIZE}
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={`${title}: cost contours over w1 (across) and w2 (up), same scale on both axes, with the gradient-descent path`}
      >
        <defs>
          <clipPath id={clipId}>
            <rect width={SIZE} height={SIZE} />
          </clipPath>
        </defs>
        <g clipPath={`url(#${clipId})`}>
          <rect width={SIZE} height={SIZE} fill="#fbfcfe" />
          {c.rings.map((d, k) => (
            <path
              // biome-ignore lint/suspicious/noArrayIndexKey: one path per fixed contour level
              key={k}
              d={d}
              fill="none"
              stroke={PALETTE.train}
              strokeOpacity={0.25 + 0.6 * (1 - k / c.rings.length)}
              strokeWidth={1}
            />
          ))}
          <polyline points={line} fill="none" stroke={SERIES[1]} strokeWidth={1.4} strokeLinejoin="round" />
          <circle cx={px(0)} cy={py(0)} r={4} fill={SERIES[1]} />
          <circle cx={px(c.problem.best.w1)} cy={py(c.problem.best.w2)} r={4} fill={PALETTE.highlight} />
          <circle
            cx={clamp(px(here.w1))}
            cy={clamp(py(here.w2))}
            r={3}
            fill="#fff"
            stroke={SERIES[1]}
            strokeWidth={1.5}
          />
        </g>
      </svg>
      <p className="bn-bowl-axes">
        w1 {formatRate(w1[0])} … {formatRate(w1[1])} across, w2 {formatRate(w2[0])} … {formatRate(w2[1])} up:
        both spans {formatRate(span)}, so one unit is the same length on both axes.
      </p>
      <p className="bn-bowl-run">
        <output aria-label={`Path at this α (${c.name})`}>
          Step {Math.min(step, here.t).toLocaleString('en-US')}: {describeRun(run)}
        </output>
      </p>
    </figure>
  );
}

/** `onMeasured`: the two largest converging α once measured (a lesson scene judges its question by them). */
export function InputNormalizationPanel({
  onMeasured,
}: {
  onMeasured?: (largest: { raw: number | null; normalized: number | null }) => void;
} = {}) {
  const [measured, setMeasured] = useState<Measured | null>(null);
  const [exponent, setExponent] = useState<number | null>(null);
  const [step, setStep] = useState(Number.POSITIVE_INFINITY);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    // About a second of plain-number gradient descent: after the first paint, not in its way.
    const timer = setTimeout(() => setMeasured(measure()), 50);
    return () => clearTimeout(timer);
  }, []);
  const reported = useRef(onMeasured);
  reported.current = onMeasured;
  useEffect(() => {
    if (!measured) return;
    reported.current?.({
      raw: measured.raw.largest?.learningRate ?? null,
      normalized: measured.normalized.largest?.learningRate ?? null,
    });
  }, [measured]);
  // The slider starts at the largest α the raw inputs tolerate: the best raw can do, and the α where the
  // classic picture shows (raw zigzags across its valley; normalized heads straight for the minimum).
  const rawLargest = measured?.raw.largest?.learningRate ?? 0.1;
  const logAlpha = exponent ?? Math.log10(rawLargest);
  const alpha = Number((10 ** logAlpha).toPrecision(3));
  const runs = useMemo(
    () =>
      measured
        ? {
            raw: gradientDescent(measured.raw.problem, alpha, 50_000),
            normalized: gradientDescent(measured.normalized.problem, alpha, 50_000),
          }
        : null,
    [measured, alpha],
  );
  const lastStep = runs ? Math.max(runs.raw.steps, runs.normalized.steps, 1) : 1;
  const shownStep = Math.min(step, lastStep);
  const stepRef = useRef(shownStep);
  stepRef.current = shownStep;
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const tick = () => {
      // A few steps per frame at first, then faster: the first steps are where the paths differ most.
      const next = stepRef.current + Math.max(1, Math.ceil(stepRef.current * 0.025));
      if (next >= lastStep) {
        setStep(lastStep);
        setPlaying(false);
        return;
      }
      setStep(next);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, lastStep]);

  const setAlpha = (e: number) => {
    setExponent(Math.max(ALPHA_MIN, Math.min(ALPHA_MAX, e)));
    setPlaying(false);
    setStep(Number.POSITIVE_INFINITY);
  };

  return (
    <section className="bn-panel" aria-label="Normalizing inputs">
      <h2>Normalizing inputs</h2>
      <p className="bn-lead">
        Logistic regression with two weights and no bias, on 400 training examples: feature x1 is spread about
        25 times wider than x2. Left, the cost J(w1, w2) for the raw features; right, for the same examples
        after subtracting each feature’s mean and dividing by its standard deviation. Both are drawn to scale.
      </p>
      {measured && runs ? (
        <>
          <div className="bn-bowls">
            <BowlPlot c={measured.raw} run={runs.raw} step={shownStep} title="Raw inputs" />
            <BowlPlot
              c={measured.normalized}
              run={runs.normalized}
              step={shownStep}
              title="Normalized inputs"
            />
          </div>
          <p className="hint">
            Orange dot: the start (0, 0); black dot: the minimum; white dot: where the path is at the step
            shown. Contour lines are levels of J between its minimum and its value at the start.
          </p>
          <div className="bn-row">
            <label>
              Learning rate α
              <input
                type="range"
                aria-label="Learning rate α"
                aria-valuetext={`α = ${formatRate(alpha)}`}
                min={ALPHA_MIN}
                max={ALPHA_MAX}
                step={0.025}
                value={logAlpha}
                onChange={(e) => setAlpha(Number(e.target.value))}
              />
              <output aria-label="Learning rate α value">α = {formatRate(alpha)}</output>
            </label>
            <AnswerGate lab="batchnorm" what="The buttons that jump to each bowl’s measured α">
              {measured.raw.largest && (
                <button
                  type="button"
                  onClick={() => setAlpha(Math.log10(measured.raw.largest!.learningRate))}
                >
                  α = raw’s largest ({formatRate(measured.raw.largest.learningRate)})
                </button>
              )}
              {measured.normalized.fewest && (
                <button
                  type="button"
                  onClick={() => setAlpha(Math.log10(measured.normalized.fewest!.learningRate))}
                >
                  α = normalized’s fastest ({formatRate(measured.normalized.fewest.learningRate)})
                </button>
              )}
            </AnswerGate>
          </div>
          <div className="bn-row">
            <button
              type="button"
              onClick={() => {
                if (!playing) setStep(0);
                setPlaying(!playing);
              }}
            >
              {playing ? 'Stop' : 'Animate the paths'}
            </button>
            <label>
              Path step
              <input
                type="range"
                aria-label="Path step"
                min={0}
                max={lastStep}
                step={1}
                value={shownStep}
                onChange={(e) => {
                  setPlaying(false);
                  setStep(Number(e.target.value));
                }}
              />
              <output aria-label="Path step shown">
                {shownStep.toLocaleString('en-US')} of {lastStep.toLocaleString('en-US')}
              </output>
            </label>
          </div>
          <AnswerGate lab="batchnorm" what="The table of measured α and steps">
            <ScrollBox label="Learning rate and steps, raw vs normalized (table)">
              <table className="bn-table" aria-label="Learning rate and steps, raw vs normalized">
                <thead>
                  <tr>
                    <th>inputs</th>
                    <th>std of x1, x2</th>
                    <th>elongation</th>
                    <th>largest α that converges</th>
                    <th>steps to converge at that α</th>
                    <th>fewest steps (at α)</th>
                  </tr>
                </thead>
                <tbody>
                  {[measured.raw, measured.normalized].map((c) => (
                    <tr key={c.name}>
                      <th>{c.name}</th>
                      <td>
                        {formatRate(c.stats.std[0])}, {formatRate(c.stats.std[1])}
                      </td>
                      <td>
                        <output aria-label={`Elongation: ${c.name}`}>{formatRate(c.elongation)}</output>
                      </td>
                      <td>
                        <output aria-label={`Largest converging learning rate (${c.name})`}>
                          {c.largest ? formatRate(c.largest.learningRate) : 'none'}
                        </output>
                      </td>
                      <td>
                        <output aria-label={`Steps to converge (${c.name})`}>
                          {c.largest ? c.largest.steps.toLocaleString('en-US') : '—'}
                        </output>
                      </td>
                      <td>
                        {c.fewest
                          ? `${c.fewest.steps.toLocaleString('en-US')} (α = ${formatRate(c.fewest.learningRate)})`
                          : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </AnswerGate>
          <p className="hint">
            Elongation is the ratio of the largest to the smallest eigenvalue of J’s Hessian at the minimum
            (the curvature ratio): 1 is a perfectly round bowl; the contour ellipses’ long and short axes
            differ by its square root. Normalizing leaves the two features almost uncorrelated (correlation{' '}
            {formatRate(measured.normalized.correlation)}) with the same spread, so every direction curves
            about equally. The largest α is found by running gradient descent from (0, 0) at α = 10^(k/8),
            from 100 down, until a run brings J within {CONVERGENCE_TOLERANCE} of its minimum in at most{' '}
            {MAX_DESCENT_STEPS.toLocaleString('en-US')} steps. Above it the steps overshoot the steep
            direction and bounce or blow up; below it the gentle direction is crawled along.
          </p>
          <TestTimeRule m={measured} />
        </>
      ) : (
        <p className="hint">Running gradient descent…</p>
      )}
    </section>
  );
}

function TestTimeRule({ m }: { m: Measured }) {
  const f = (v: number) => formatRate(v);
  const scaled = m.devRow.map((v, k) => (v - m.train.mean[k]) / m.train.std[k]);
  return (
    <section className="bn-test-time-rule" aria-label="Test-time rule for normalized inputs">
      <h3>At test time: scale with the training set’s μ and σ</h3>
      <p>
        The weights were learned for inputs shifted by the training mean and divided by the training standard
        deviation. The dev and test sets go through exactly the same shift and division (the training numbers,
        not their own), so an example means the same to the model whichever set it comes from, and a single
        example can be scaled on its own.
      </p>
      <ScrollBox label="Scaling statistics, training vs dev (table)">
        <table className="bn-table" aria-label="Scaling statistics, training vs dev">
          <thead>
            <tr>
              <th>statistics of</th>
              <th>μ1</th>
              <th>σ1</th>
              <th>μ2</th>
              <th>σ2</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th>training set (used for every set)</th>
              <td>
                <output aria-label="Training mean of x1">{f(m.train.mean[0])}</output>
              </td>
              <td>
                <output aria-label="Training std of x1">{f(m.train.std[0])}</output>
              </td>
              <td>
                <output aria-label="Training mean of x2">{f(m.train.mean[1])}</output>
              </td>
              <td>
                <output aria-label="Training std of x2">{f(m.train.std[1])}</output>
              </td>
            </tr>
            <tr>
              <th>dev set’s own ({m.devM} examples, not used)</th>
              <td>{f(m.dev.mean[0])}</td>
              <td>{f(m.dev.std[0])}</td>
              <td>{f(m.dev.mean[1])}</td>
              <td>{f(m.dev.std[1])}</td>
            </tr>
          </tbody>
        </table>
      </ScrollBox>
      <p>
        First dev example: x = ({f(m.devRow[0])}, {f(m.devRow[1])}) → ({f(m.devRow[0])} − {f(m.train.mean[0])}
        ) / {f(m.train.std[0])} = {f(scaled[0])}, ({f(m.devRow[1])} − {f(m.train.mean[1])}) /{' '}
        {f(m.train.std[1])} = {f(scaled[1])}. Dev cost of the normalized model:{' '}
        <output aria-label="Dev cost, scaled with training statistics">
          {formatCost(m.devCostTrainStats)}
        </output>{' '}
        with the training statistics; {formatCost(m.devCostOwnStats)} had the dev set been scaled with its
        own, which would quietly move every dev example.
      </p>
    </section>
  );
}
