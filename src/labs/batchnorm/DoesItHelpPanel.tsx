// Does it help? The same network with and without batch norm trained as one population (same seed:
// same initial W, same mini-batches), curves overlaid; and a learning-rate sweep, with and without,
// final dev accuracy against α. The page states what it measured.

import { useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Switch } from '../../components/Switch';
import { Readout } from '../../components/Readout';
import type { Experiment } from '../../core/experiment';
import { curvesCsv } from '../../core/export/curvesCsv';
import { chartPoints, type RunSeries } from '../../state/runSeries';
import { AnswerGate } from '../../ui/AnswerGate';
import { ChartExport } from '../../ui/ChartExport';
import { experimentColumns, seriesCurves } from '../../ui/chartCsv';
import { smoothCurve } from '../../ui/costChartData';
import { formatPercent, formatRate } from '../../ui/format';
import { PALETTE } from '../../ui/palette';
import { usePresenter } from '../../ui/presenter';
import { SaveButton } from '../../ui/SaveButton';
import { useLab, useLabStore } from './LabContext';
import { type LabModel, logSpaced, withBatchNormLayout } from './labStore';
import { SCENARIOS } from './labHash';
import { sweepPoints } from './bnScenes';
import { type ComparisonRun, comparisonGhost, ghostLabel } from './comparisonGhost';
import { comparisonRecord } from './savedComparison';
import { Frame, polyline } from './svgCharts';
import { goodCount, type SweepPoint, summarizeSweep, sweepVerdict } from '../../core/sweepSummary';

const ON = PALETTE.withBatchNorm;
const OFF = PALETTE.withoutBatchNorm;

export function DoesItHelpPanel() {
  const store = useLabStore();
  // The ghost listens from the panel's first showing, so the first comparison is there to keep.
  comparisonGhost(store);
  // On by default, as on the playground's cost chart; it outlives a sweep shown in between.
  const [showGhost, setShowGhost] = useState(true);
  const presenting = usePresenter();
  const s = useLab((st) => ({
    kind: st.kind,
    status: st.status,
    series: st.series,
    seriesVersion: st.seriesVersion,
    models: st.models,
    experiment: st.experiment,
    sweep: st.sweep,
    ranSweep: st.runSetup?.sweep ?? st.sweep,
    runComparison: st.runComparison,
    runSweep: st.runSweep,
    scenario: st.scenario,
    loadScenario: st.loadScenario,
  }));
  const e = s.experiment;
  const layout = withBatchNormLayout(e);
  const busy =
    (s.kind === 'compare' || s.kind === 'sweep') && (s.status === 'running' || s.status === 'starting');
  // The α the sweep on screen trained (the settings below may already describe the next one).
  const rates = logSpaced(s.ranSweep.lrMin, s.ranSweep.lrMax, s.ranSweep.count);
  const setup = (
    <>
      <p className="bn-lead">
        Both networks start from the same weights and see the same mini-batches; the only difference is batch
        norm (on{' '}
        {layout.every(Boolean)
          ? 'every hidden layer'
          : `layers ${layout
              .map((on, i) => (on ? i + 1 : null))
              .filter(Boolean)
              .join(', ')}`}
        ). They train together in one population on this worker: a new run stops the one before.
      </p>
      <p className="bn-lead">
        Network: {SCENARIOS[s.scenario].title} ({e.hidden.length} hidden layers of {e.hidden.join('-')}{' '}
        {e.activation} units, {e.optimizer.toUpperCase()}). The course’s claim is that with batch norm a{' '}
        <em>wider range</em> of α trains well; the three-layer net trains without it for some α, so the sweep
        can show the range widen (or fail to).{' '}
        {s.scenario === 'deep-sigmoid-digits' ? (
          'This deep net is the dramatic case: without batch norm it barely trains at any α.'
        ) : (
          <button type="button" disabled={busy} onClick={() => s.loadScenario('deep-sigmoid-digits')}>
            Try the dramatic case: a deep sigmoid net
          </button>
        )}
      </p>
      <div className="bn-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void s.runComparison()}>
          Run comparison
        </button>
        <button type="button" disabled={busy} onClick={() => void s.runSweep()}>
          Sweep learning rate
        </button>
        <SaveButton
          build={() => comparisonRecord(store.getState())}
          disabled={busy || !((s.kind === 'compare' || s.kind === 'sweep') && s.series)}
          what="a comparison or a sweep"
        />
        <span className="hint">
          Sweep: {s.sweep.count} values of α from {formatRate(s.sweep.lrMin)} to {formatRate(s.sweep.lrMax)}{' '}
          (log scale), with and without batch norm = {2 * s.sweep.count} models, {s.sweep.steps} steps each.
        </span>
      </div>
    </>
  );
  const results = (
    <AnswerGate lab="batchnorm" what="The comparison and the sweep">
      {s.kind === 'compare' && s.series ? (
        <Comparison showGhost={showGhost} onShowGhost={setShowGhost} />
      ) : null}
      {s.kind === 'sweep' && s.series ? <Sweep rates={rates} /> : null}
    </AnswerGate>
  );
  // On a projector the result is the lesson: it comes straight under the title, the buttons and the
  // explanation after it. The DOM order changes with it (not CSS order), so Tab follows what is seen.
  return (
    <section className="bn-panel bn-help" aria-label="Does it help?">
      <h2>Does it help? Side by side, same seeds</h2>
      {presenting ? results : setup}
      {presenting ? setup : results}
    </section>
  );
}

type Point = { x: number; y: number };

/**
 * The run's curves as CSV: each model with or without batch norm, its α, and the experiment's other
 * settings (batch_norm says "with" or "without"; the layers "with" uses are the experiment's layout).
 */
function runCsv(
  series: Parameters<typeof seriesCurves>[0],
  models: readonly LabModel[],
  experiment: Experiment,
): string {
  return curvesCsv(
    seriesCurves(series, (i) => ({
      model: models[i]?.label ?? i + 1,
      hyper: {
        ...experimentColumns(experiment),
        batch_norm: models[i] ? (models[i].batchNorm ? 'with' : 'without') : undefined,
        learning_rate: models[i]?.learningRate,
      },
    })),
  );
}

const xy = (p: { step: number; value: number }): Point => ({ x: p.step, y: p.value });

/**
 * The network without batch norm and the one with it (the comparison's models, in that order) as two
 * lines in a Frame's scales; `classNames` marks the lines where a test or a style looks them up.
 */
function offOnLines(
  curves: readonly Point[][],
  sx: (v: number) => number,
  sy: (v: number) => number,
  strokeWidth: number,
  classNames?: readonly [string, string],
) {
  return (
    <>
      {[OFF, ON].map((stroke, i) => (
        <polyline
          key={stroke}
          className={classNames?.[i]}
          points={polyline(curves[i] ?? [], sx, sy)}
          fill="none"
          stroke={stroke}
          strokeWidth={strokeWidth}
        />
      ))}
    </>
  );
}

/** A comparison's two models as curves: dev accuracy and smoothed train cost, without then with. */
function curvesOf(series: RunSeries) {
  return series.models.map((m) => ({
    dev: chartPoints(m.devStep.view(), m.devAccuracy.view()).map(xy),
    cost: chartPoints(m.trainStep.view(), smoothCurve(m.trainCost.view())).map(xy),
  }));
}

/** The ghost's faded, dashed lines, each labelled "previous" at its end in the line's colour. */
function ghostLines(
  curves: readonly Point[][],
  sx: (v: number) => number,
  sy: (v: number) => number,
  strokeWidth: number,
) {
  return (
    <g className="bn-ghost" opacity={0.45}>
      {[OFF, ON].map((stroke, i) => {
        const line = curves[i] ?? [];
        const end = line[line.length - 1];
        return (
          <g key={stroke}>
            <polyline
              className={i === 0 ? 'bn-ghost-off' : 'bn-ghost-on'}
              points={polyline(line, sx, sy)}
              fill="none"
              stroke={stroke}
              strokeWidth={strokeWidth}
              strokeDasharray="6 4"
            />
            {end && Number.isFinite(end.y) ? (
              <text x={sx(end.x) - 4} y={sy(end.y) - 5} textAnchor="end" fill={stroke} className="bn-tick">
                previous
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

function Comparison({ showGhost, onShowGhost }: { showGhost: boolean; onShowGhost: (on: boolean) => void }) {
  const store = useLabStore();
  const { series, seriesVersion, models, status, experiment, now } = useLab((st) => ({
    series: st.series,
    seriesVersion: st.seriesVersion,
    models: st.models,
    status: st.status,
    // The run's own setup: the controls may have moved since it started.
    experiment: st.runSetup?.experiment ?? st.experiment,
    now: st.runSetup?.experiment ?? null,
  }));
  const ghostStore = comparisonGhost(store);
  const kept = useSyncExternalStore(ghostStore.subscribe, ghostStore.get).previous;
  const previous: ComparisonRun | null = showGhost && kept && kept.series !== series ? kept : null;
  const figureRef = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: seriesVersion marks the mutable buffers' growth
  const lines = useMemo(() => (series ? curvesOf(series) : []), [series, seriesVersion]);
  // The ghost's run has ended: its buffers no longer grow.
  const ghost = useMemo(() => (previous ? curvesOf(previous.series) : []), [previous]);
  if (!series) return null;
  const maxStep = Math.max(1, series.maxStep(), previous?.series.maxStep() ?? 0);
  const costsOf = (ls: typeof lines) => ls.flatMap((l) => l.cost.map((p) => p.y)).filter(Number.isFinite);
  const ownMax = Math.max(0.1, ...costsOf(lines));
  // Fitted to both runs, but a ghost that blew up may not flatten the new curves: past 3× it is clipped.
  const maxCost = Math.min(3 * ownMax, Math.max(ownMax, ...costsOf(ghost)));
  const lastOf = (ls: typeof lines) => ls.map((l) => l.dev[l.dev.length - 1]?.y ?? Number.NaN);
  const lastAcc = lastOf(lines);
  const ghostAcc = lastOf(ghost);
  const clip = (ls: Point[][], max: number) =>
    ls.map((l) => l.map((p) => ({ x: p.x, y: Math.min(p.y, max) })));
  const label = previous ? ghostLabel(previous, now) : null;
  return (
    <figure className="bn-figure" aria-label="Comparison chart" ref={figureRef} data-main-chart>
      <div className="chart-export-row bn-ghost-row">
        <Switch label="Show the previous comparison as a ghost" checked={showGhost} onChange={onShowGhost} />
        {showGhost && kept && kept.series !== series ? (
          <button type="button" onClick={() => ghostStore.clear()}>
            Forget the previous comparison
          </button>
        ) : null}
        <ChartExport
          name="Comparison chart"
          target={figureRef}
          fileName="batch-norm-comparison"
          csv={() => runCsv(series, models, experiment)}
        />
      </div>
      {label ? (
        <p className="bn-ghost-label" data-previous-run>
          {label} (faded, dashed)
        </p>
      ) : null}
      <div className="bn-columns">
        <Frame
          xDomain={[0, maxStep]}
          yDomain={[0, 1]}
          label="Dev accuracy with and without batch norm"
          xLabel="step"
          yLabel="dev accuracy"
        >
          {(sx, sy) => (
            <>
              {previous
                ? ghostLines(
                    ghost.map((l) => l.dev),
                    sx,
                    sy,
                    2.2,
                  )
                : null}
              {offOnLines(
                lines.map((l) => l.dev),
                sx,
                sy,
                2.2,
                ['bn-line-off', 'bn-line-on'],
              )}
            </>
          )}
        </Frame>
        <Frame
          xDomain={[0, maxStep]}
          yDomain={[0, maxCost]}
          label="Train cost with and without batch norm"
          xLabel="step"
          yLabel="train cost (smoothed)"
        >
          {(sx, sy) => (
            <>
              {previous
                ? ghostLines(
                    clip(
                      ghost.map((l) => l.cost),
                      maxCost,
                    ),
                    sx,
                    sy,
                    1.8,
                  )
                : null}
              {offOnLines(
                lines.map((l) => l.cost),
                sx,
                sy,
                1.8,
              )}
            </>
          )}
        </Frame>
      </div>
      <figcaption>
        <span className="bn-key" style={{ color: OFF }}>
          ━ without batch norm: dev accuracy{' '}
          <output aria-label="Accuracy without batch norm">{formatPercent(lastAcc[0])}</output>
          {models[0]?.status === 'diverged' ? ' (diverged)' : ''}
        </span>{' '}
        <span className="bn-key" style={{ color: ON }}>
          ━ with batch norm: dev accuracy{' '}
          <output aria-label="Accuracy with batch norm">{formatPercent(lastAcc[1])}</output>
          {models[1]?.status === 'diverged' ? ' (diverged)' : ''}
        </span>{' '}
        at step {series.maxStep()} ({status}), α = {formatRate(experiment.learningRate)}.
        {previous && label ? (
          <span className="bn-ghost-key" data-ghost-legend>
            {' '}
            ┅ {label} (faded, dashed): without{' '}
            <output aria-label="Previous accuracy without batch norm">{formatPercent(ghostAcc[0])}</output>
            {previous.models[0]?.status === 'diverged' ? ' (diverged)' : ''}, with{' '}
            <output aria-label="Previous accuracy with batch norm">{formatPercent(ghostAcc[1])}</output>
            {previous.models[1]?.status === 'diverged' ? ' (diverged)' : ''}, at step{' '}
            {previous.series.maxStep()}.
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}

function Sweep({ rates }: { rates: number[] }) {
  const { series, seriesVersion, models, status, sweep, experiment } = useLab((st) => ({
    series: st.series,
    seriesVersion: st.seriesVersion,
    models: st.models,
    status: st.status,
    sweep: st.runSetup?.sweep ?? st.sweep,
    experiment: st.runSetup?.experiment ?? st.experiment,
  }));
  const figureRef = useRef<HTMLElement>(null);
  // On a projector the chart shares the screen with the scene bar: wider and flatter, it keeps its
  // width and gives up height.
  const presenting = usePresenter();
  // biome-ignore lint/correctness/useExhaustiveDependencies: seriesVersion marks the mutable buffers' growth
  const points = useMemo<SweepPoint[]>(
    () => (series ? sweepPoints(series, models) : []),
    [series, seriesVersion, models],
  );
  if (!series) return null;
  // A sweep reopened from saved work is one that ran: its counts and verdict stand as measured.
  const done = status === 'finished' || status === 'reopened';
  const summary = summarizeSweep(points);
  const arm = (bn: boolean) => points.filter((p) => p.batchNorm === bn);
  const draw = (bn: boolean) => arm(bn).map((p) => ({ x: p.learningRate, y: p.accuracy ?? 0 }));
  const range = (a: ReturnType<typeof summarizeSweep>['withBn']) =>
    a.lowest === null
      ? 'no α'
      : `α from ${formatRate(a.lowest)} to ${formatRate(a.highest!)} (${a.good.length} of ${rates.length} values)`;
  return (
    <figure className="bn-figure bn-sweep" aria-label="Sweep chart" ref={figureRef} data-main-chart>
      <div className="chart-export-row">
        <ChartExport
          name="Sweep chart"
          target={figureRef}
          fileName="batch-norm-sweep"
          csv={() => runCsv(series, models, experiment)}
        />
      </div>
      <Frame
        width={560}
        height={presenting ? 200 : 260}
        xDomain={[rates[0] / 1.3, rates[rates.length - 1] * 1.3]}
        yDomain={[0, 1]}
        xLog
        label="Final dev accuracy against learning rate, with and without batch norm"
        xLabel="learning rate α (log scale)"
        yLabel="final dev accuracy"
      >
        {(sx, sy) => [
          <g key="bar" className="bn-threshold">
            <line
              x1={sx(rates[0] / 1.3)}
              x2={sx(rates[rates.length - 1] * 1.3)}
              y1={sy(summary.threshold)}
              y2={sy(summary.threshold)}
              stroke={PALETTE.axis}
              strokeDasharray="4 3"
            />
            <text x={sx(rates[0] / 1.3) + 4} y={sy(summary.threshold) - 4} className="bn-tick">
              good: ≥ 90% of the best
            </text>
          </g>,
          ...[false, true].map((bn) => (
            <g key={String(bn)} className={bn ? 'bn-arm-on' : 'bn-arm-off'}>
              <polyline
                className={bn ? 'bn-line-on' : 'bn-line-off'}
                points={polyline(draw(bn), sx, sy)}
                fill="none"
                stroke={bn ? ON : OFF}
                strokeWidth={2.2}
              />
              {arm(bn).map((p) =>
                p.diverged ? (
                  <text
                    key={p.learningRate}
                    x={sx(p.learningRate)}
                    y={sy(0) - 2}
                    textAnchor="middle"
                    fill={bn ? ON : OFF}
                    className="bn-tick"
                  >
                    ×
                  </text>
                ) : (
                  // A good α is a filled dot, the others hollow: the filled run is the range.
                  <circle
                    key={p.learningRate}
                    className={(p.accuracy ?? 0) >= summary.threshold ? 'bn-dot bn-dot-good' : 'bn-dot'}
                    cx={sx(p.learningRate)}
                    cy={sy(p.accuracy ?? 0)}
                    r={4}
                    fill={(p.accuracy ?? 0) >= summary.threshold ? (bn ? ON : OFF) : PALETTE.white}
                    stroke={bn ? ON : OFF}
                    strokeWidth={1.6}
                  />
                ),
              )}
            </g>
          )),
        ]}
      </Frame>
      <figcaption>
        <span className="bn-key" style={{ color: OFF }}>
          ━ without batch norm
        </span>{' '}
        <span className="bn-key" style={{ color: ON }}>
          ━ with batch norm
        </span>
        . Each point is one model’s dev accuracy after {sweep.steps} steps (filled: a good α; × at 0:
        diverged). Step {series.maxStep()} of {sweep.steps}
        {done ? ', finished.' : '…'}
        <p className="bn-measured">
          {done ? 'Measured' : 'So far'}: a good α is one whose final dev accuracy is within 90% of the best
          either curve reached (
          {formatPercent(Math.max(summary.withBn.best ?? 0, summary.withoutBn.best ?? 0))}
          ), so {formatPercent(summary.threshold)} or more: one bar for both. With batch norm:{' '}
          {range(summary.withBn)}; without: {range(summary.withoutBn)}. Diverged: {summary.withBn.diverged}{' '}
          with, {summary.withoutBn.diverged} without. Best: {formatPercent(summary.withBn.best ?? Number.NaN)}{' '}
          with, {formatPercent(summary.withoutBn.best ?? Number.NaN)} without.
        </p>
      </figcaption>
      <div className="bn-readouts">
        {/* Counted once the sweep has finished: while it trains, "0 of 12" would claim what no run measured. */}
        <Readout label="Good α with batch norm" value={done ? goodCount(summary.withBn) : '—'} />
        <Readout label="Good α without batch norm" value={done ? goodCount(summary.withoutBn) : '—'} />
        <Readout
          label="Good-α bar"
          name="Good α threshold"
          value={done ? formatPercent(summary.threshold) : '—'}
        />
        {done && sweepVerdict(summary) ? <p className="bn-verdict">{sweepVerdict(summary)}</p> : null}
      </div>
    </figure>
  );
}
