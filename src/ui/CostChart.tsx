// Cost against step: train solid and dev dashed for one model, or one curve per sampled α.
import { useMemo, useRef, useState } from 'react';
import { RadioGroup } from '../components/RadioGroup';
import { Switch } from '../components/Switch';
import { useAppStore } from '../state/StoreProvider';
import type { AppState } from '../state/store';
import { curvesCsv } from '../core/export/curvesCsv';
import { selectChart, selectGhostPopulation, selectRunExperiment } from '../state/selectors';
import { ChartExport } from './ChartExport';
import { experimentColumns, seriesCurves } from './chartCsv';
import { CostLegend } from './CostLegend';
import { CurvesPlot } from './CurvesPlot';
import './linearLog.css';
import {
  chartLines,
  clampForLog,
  costDomain,
  ghostLabel,
  ghostLines,
  previousRunLabel,
  previousRunLines,
  stepDomain,
} from './costChartData';

// Here rather than in selectors.ts, which another change owns at the moment.
const selectPreviousRun = (s: AppState) => s.previousRun;

type Axis = 'linear' | 'log';
const AXIS_OPTIONS = [
  { value: 'linear', label: 'Linear' },
  { value: 'log', label: 'Log' },
] as const;

export function CostChart() {
  const { kind, series, seriesVersion, models, lrRange } = useAppStore(selectChart);
  const [axis, setAxis] = useState<Axis>('linear');
  const [smooth, setSmooth] = useState(true);
  const log = axis === 'log';
  // The run's own settings (the controls may have moved since it started).
  const experiment = useAppStore(selectRunExperiment);
  const figureRef = useRef<HTMLElement>(null);
  // Built on click: the raw curves (not smoothed), α per model and the run's other settings.
  const csv = () =>
    curvesCsv(
      seriesCurves(series, (i) => ({
        model: i + 1,
        hyper: { learning_rate: models[i]?.learningRate, ...experimentColumns(experiment) },
      })),
    );

  // Re-read the buffers only when the bridge says they grew (≤ 10 times a second).
  // biome-ignore lint/correctness/useExhaustiveDependencies: seriesVersion marks the mutable buffers' growth
  const lines = useMemo(
    () => chartLines(series, models, kind, lrRange, smooth),
    [series, seriesVersion, models, kind, lrRange, smooth],
  );
  // The other scale's last population, faded underneath, so linear and log can be compared on one chart.
  const ghost = useAppStore(selectGhostPopulation);
  const ghosted = useMemo(() => (ghost ? ghostLines(ghost, smooth) : []), [ghost, smooth]);
  // The run before this one, faded underneath, unless it is the other scale's population drawn already.
  const [showPrevious, setShowPrevious] = useState(true);
  const previousRun = useAppStore(selectPreviousRun);
  const previous = showPrevious && previousRun && previousRun.series !== ghost?.series ? previousRun : null;
  const previousLines = useMemo(
    () => (previous ? previousRunLines(previous, smooth) : []),
    [previous, smooth],
  );
  const all = useMemo(
    () => (ghosted.length + previousLines.length > 0 ? [...ghosted, ...previousLines, ...lines] : lines),
    [ghosted, previousLines, lines],
  );
  // Fitted to the latest run's curves (the ghost's blown-up models would flatten them); the ghost is clipped.
  const domain = useMemo(
    () => costDomain(lines.some((l) => l.points.length > 0) ? lines : all, log),
    [lines, all, log],
  );
  const drawn = useMemo(
    () => (log && domain ? all.map((l) => ({ ...l, points: clampForLog(l.points, domain[0]) })) : all),
    [all, log, domain],
  );
  const maxStep = Math.max(
    series ? series.maxStep() : 0,
    ghost ? ghost.series.maxStep() : 0,
    previous ? previous.series.maxStep() : 0,
  );
  const xDomain = stepDomain(maxStep);
  const yDomain: [number, number] = domain ?? (log ? [0.01, 10] : [0, 1]);
  const empty = lines.every((l) => l.points.length === 0);

  return (
    <figure className="panel cost-chart" aria-label="Cost chart" ref={figureRef} data-main-chart>
      <div className="panel-head">
        <h2>Cost</h2>
        <div className="chart-options" data-export="skip">
          <Switch label="Smooth train cost" checked={smooth} onChange={setSmooth} />
          <Switch
            label="Show the previous run as a ghost"
            checked={showPrevious}
            onChange={setShowPrevious}
          />
          <RadioGroup label="Cost axis" value={axis} options={AXIS_OPTIONS} onChange={setAxis} />
        </div>
      </div>
      <div className="chart-area">
        {empty ? (
          <p className="chart-empty">
            Press <strong>Train</strong> (one model) or <strong>Train all</strong> (a population over α) to
            draw the cost J against training steps.
          </p>
        ) : null}
        {ghost ? <p className="ghost-label">{ghostLabel(ghost.scale, ghost.samples)}</p> : null}
        {previous ? (
          <p
            className="ghost-label ghost-label-previous"
            data-previous-run
            // Below the other scale's label when both show.
            style={ghost ? { top: '2rem' } : undefined}
          >
            {previousRunLabel(previous)} (faded grey)
          </p>
        ) : null}
        <CurvesPlot
          lines={drawn}
          xDomain={xDomain}
          yDomain={yDomain}
          logY={log}
          // A population's curves 1 px wide: thin lines take the rasteriser's fast path (see CurveCanvas).
          strokeWidth={kind === 'single' ? 2.5 : 1}
        />
      </div>
      <figcaption>
        {/* In the caption, not the header: the header's switches would wrap onto a second line. */}
        <ChartExport
          name="Cost chart"
          target={figureRef}
          fileName="cost-chart"
          csv={csv}
          className="chart-export-float"
        />
        <CostLegend
          kind={kind}
          lines={lines}
          models={models}
          lrRange={lrRange}
          smooth={smooth}
          previous={previous ? { label: previousRunLabel(previous), lines: previousLines } : null}
        />
      </figcaption>
    </figure>
  );
}
