// Normalizing inputs: logistic regression with two weights on x1 (hundreds) and x2 (near 1). The cost's
// contours over (w1, w2) with the gradient-descent path, raw or normalized; the page searches for the
// largest learning rate that still converges and counts the steps, for both (plain numbers, src/core).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Switch } from '../../components/Switch';
import {
  CONVERGENCE_TOLERANCE,
  conditionNumber,
  costGrid,
  type DescentRun,
  featureScales,
  largestConvergingRate,
  MAX_DESCENT_STEPS,
  normalizedProblem,
  plotWindow,
  type ScalingProblem,
  scaledFeaturesProblem,
} from '../../core/inputScaling';
import { ChartExport } from '../../ui/ChartExport';
import { formatRate } from '../../ui/format';
import { contourBandColor, PALETTE, SERIES } from '../../ui/palette';

interface Case {
  problem: ScalingProblem;
  run: DescentRun | null;
  condition: number;
  scales: [number, number];
}

const SIZE = 340;
const RES = 90;

function ContourPlot({ c, label }: { c: Case; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const figureRef = useRef<HTMLElement>(null);
  const path = c.run?.path ?? [];
  const win = useMemo(() => plotWindow(c.problem, path), [c, path]);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const grid = costGrid(c.problem, win.w1, win.w2, RES);
    const best = c.problem.best.cost;
    const cell = SIZE / RES;
    for (let r = 0; r < RES; r++) {
      for (let k = 0; k < RES; k++) {
        const level = Math.floor(3 * Math.log10(grid[r * RES + k] - best + 1e-3));
        ctx.fillStyle = contourBandColor(level);
        ctx.fillRect(k * cell, SIZE - (r + 1) * cell, cell + 0.5, cell + 0.5);
      }
    }
    const px = (w1: number) => ((w1 - win.w1[0]) / (win.w1[1] - win.w1[0])) * SIZE;
    const py = (w2: number) => SIZE - ((w2 - win.w2[0]) / (win.w2[1] - win.w2[0])) * SIZE;
    ctx.strokeStyle = SERIES[1];
    ctx.lineWidth = 1.6;
    ctx.beginPath();
    path.forEach((p, i) => {
      if (i === 0) ctx.moveTo(px(p.w1), py(p.w2));
      else ctx.lineTo(px(p.w1), py(p.w2));
    });
    ctx.stroke();
    ctx.fillStyle = PALETTE.highlight;
    ctx.beginPath();
    ctx.arc(px(c.problem.best.w1), py(c.problem.best.w2), 4, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = SERIES[1];
    ctx.beginPath();
    ctx.arc(px(0), py(0), 4, 0, 2 * Math.PI);
    ctx.fill();
  }, [c, win, path]);
  return (
    <figure className="bn-contour" aria-label={label} ref={figureRef}>
      <div className="chart-export-row">
        <ChartExport
          name={label}
          target={figureRef}
          fileName={label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}
        />
      </div>
      <canvas
        ref={ref}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label={`${label}: cost contours over w1 (across) and w2 (up) with the gradient-descent path`}
      />
      <figcaption>
        w1 from {formatRate(win.w1[0])} to {formatRate(win.w1[1])} (across), w2 from {formatRate(win.w2[0])}{' '}
        to {formatRate(win.w2[1])} (up).{' '}
        {win.stretch > 1.5
          ? `Not to scale: one unit of w1 is drawn ${formatRate(win.stretch)}× longer than one unit of w2 — in true proportions the ellipses are even longer.`
          : 'Both axes to the same scale.'}{' '}
        Orange dot: start (0, 0); black dot: the minimum.
      </figcaption>
    </figure>
  );
}

export function InputNormalizationPanel() {
  const [normalize, setNormalize] = useState(false);
  const [cases, setCases] = useState<{ raw: Case; normalized: Case } | null>(null);
  useEffect(() => {
    // About a second of plain-number gradient descent: after the first paint, not in its way.
    const timer = setTimeout(() => {
      const make = (problem: ScalingProblem): Case => ({
        problem,
        run: largestConvergingRate(problem),
        condition: conditionNumber(problem),
        scales: featureScales(problem),
      });
      const raw = scaledFeaturesProblem(1);
      setCases({ raw: make(raw), normalized: make(normalizedProblem(raw)) });
    }, 50);
    return () => clearTimeout(timer);
  }, []);
  const row = (name: string, c: Case) => (
    <tr>
      <th>{name}</th>
      <td>
        {formatRate(c.scales[0])}, {formatRate(c.scales[1])}
      </td>
      <td>{formatRate(c.condition)}</td>
      <td>
        <output aria-label={`Largest converging learning rate (${name})`}>
          {c.run ? formatRate(c.run.learningRate) : 'none'}
        </output>
      </td>
      <td>
        <output aria-label={`Steps to converge (${name})`}>
          {c.run ? c.run.steps.toLocaleString('en-US') : '—'}
        </output>
      </td>
    </tr>
  );
  const shown = cases ? (normalize ? cases.normalized : cases.raw) : null;
  return (
    <section className="bn-panel" aria-label="Normalizing inputs">
      <h2>Normalizing inputs</h2>
      <p className="bn-lead">
        Logistic regression with two weights, on 120 examples whose first feature x1 is in the hundreds and
        whose second x2 is near 1. Subtracting each feature’s mean and dividing by its standard deviation
        turns the long, thin bowl of the cost into a round one, so gradient descent can take far bigger steps.
      </p>
      <Switch label="Normalize inputs" checked={normalize} onChange={setNormalize} />
      {shown ? (
        <div className="bn-columns">
          <ContourPlot c={shown} label={normalize ? 'Contours, normalized inputs' : 'Contours, raw inputs'} />
          <div>
            <table className="bn-table" aria-label="Learning rate and steps, raw vs normalized">
              <thead>
                <tr>
                  <th />
                  <th>std of x1, x2</th>
                  <th>elongation (curvature ratio)</th>
                  <th>largest α that converges</th>
                  <th>steps to converge</th>
                </tr>
              </thead>
              <tbody>
                {row('raw', cases!.raw)}
                {row('normalized', cases!.normalized)}
              </tbody>
            </table>
            <p className="hint">
              Found by the page: gradient descent from (0, 0) at α = 10^(k/8), from 100 down, until a run
              brings the cost within {CONVERGENCE_TOLERANCE} of its minimum in at most{' '}
              {MAX_DESCENT_STEPS.toLocaleString('en-US')} steps (bigger α make the cost blow up). The path
              drawn is the run at that α.
            </p>
          </div>
        </div>
      ) : (
        <p className="hint">Running gradient descent…</p>
      )}
    </section>
  );
}
