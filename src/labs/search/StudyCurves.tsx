// Caviar: every trial of the round trains at once; their train-cost curves stream into one chart,
// coloured by a chosen hyperparameter (on its scale's axis, so log where the scale is log), or as small
// multiples: one mini chart per trial, all on the same scales, each curve one SVG path string. The
// previous study's best trial stays underneath as a ghost (studyGhost.ts says why only its best).
import { useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { SelectField } from '../../components/SelectField';
import { Switch } from '../../components/Switch';
import { curvesCsv } from '../../core/export/curvesCsv';
import { axisDomain, fromAxis, type HyperKey, hyperDef, searchedKeys, toAxis } from '../../core/search/space';
import { type ChartPoint, chartPoints } from '../../state/runSeries';
import { ChartExport } from '../../ui/ChartExport';
import type { WideLine } from '../../ui/CurveCanvas';
import { CurvesPlot } from '../../ui/CurvesPlot';
import { seriesCurves } from '../../ui/chartCsv';
import { rgbToHex, viridis } from '../../ui/colorScale';
import {
  type ChartLine,
  costDomain,
  DIVERGED_COLOR,
  ghostColor,
  smoothCurve,
  stepDomain,
} from '../../ui/costChartData';
import { formatCost } from '../../ui/format';
import { PALETTE } from '../../ui/palette';
import { axisMap, pathData } from '../../ui/plotScales';
import { costText } from './costText';
import { formatValue } from './plotAxes';
import { shownSteps } from './searchStore';
import { ghostLabel, type PreviousStudy, studyGhost } from './studyGhost';
import { searchStore, useSearch } from './useSearchStore';

const MAX_POINTS = 300;
const MINI_W = 150;
const MINI_H = 90;
const MINI_PAD = { left: 4, right: 4, top: 4, bottom: 4 };
// Grey, more opaque than the playground's faded populations: one curve, not a crowd, has to be seen.
const GHOST_COLOR = ghostColor(0.6);

/** The previous study's best trial's train cost, smoothed as the live curves are. */
function ghostPoints(previous: PreviousStudy | null): ChartPoint[] {
  const m = previous?.curve;
  return m ? chartPoints(m.trainStep.view(), smoothCurve(m.trainCost.view()), MAX_POINTS) : [];
}

interface MiniChartProps {
  line: ChartLine;
  trialId: number;
  title: string;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  /** The previous study's best curve, the same in every frame: each trial against the bar to beat. */
  ghost: readonly ChartPoint[] | null;
}

/** One trial's curve in a small frame; every frame shares the same x and y scales. */
function MiniChart({ line, trialId, title, xDomain, yDomain, ghost }: MiniChartProps) {
  const x = axisMap(xDomain, MINI_PAD.left, MINI_W - MINI_PAD.right, false);
  const y = axisMap(yDomain, MINI_H - MINI_PAD.bottom, MINI_PAD.top, false);
  // Values above the shared top are clamped to it (a diverging curve runs along the top edge).
  const top = yDomain[1];
  const clamp = (ps: readonly ChartPoint[]) =>
    ps.map((p) => (p.value > top ? { step: p.step, value: top } : p));
  const points = clamp(line.points);
  return (
    <li
      className={`search-mini${line.diverged ? ' search-mini-diverged' : ''}`}
      data-trial={trialId}
      aria-label={title}
    >
      <svg viewBox={`0 0 ${MINI_W} ${MINI_H}`} width="100%" aria-hidden="true">
        <rect
          x={0.5}
          y={0.5}
          width={MINI_W - 1}
          height={MINI_H - 1}
          fill={line.diverged ? PALETTE.divergedBackground : PALETTE.plotBackground}
          stroke={line.diverged ? PALETTE.diverged : PALETTE.frame}
        />
        {ghost ? (
          <path
            className="search-mini-ghost"
            d={pathData(clamp(ghost), x, y)}
            fill="none"
            stroke={GHOST_COLOR}
            strokeWidth={2}
            strokeDasharray="5 3"
          />
        ) : null}
        <path
          className="search-mini-curve"
          d={pathData(points, x, y)}
          fill="none"
          stroke={line.color}
          strokeWidth={1.6}
          strokeDasharray={line.dashed ? '5 3' : undefined}
          strokeLinejoin="round"
        />
      </svg>
      <span className="search-mini-label">
        #{trialId} {line.name}
        {line.diverged ? <strong className="search-cross"> diverged</strong> : null}
      </span>
    </li>
  );
}

export function StudyCurves() {
  const { series, seriesVersion, runTrials, trials, rounds, steps } = useSearch((s) => ({
    series: s.series,
    seriesVersion: s.seriesVersion,
    runTrials: s.runTrials,
    trials: s.trials,
    rounds: s.rounds,
    steps: shownSteps(s),
  }));
  const space = rounds[rounds.length - 1]?.space ?? null;
  const keys = space ? searchedKeys(space) : [];
  const [wanted, setWanted] = useState<HyperKey | null>(null);
  const [multiples, setMultiples] = useState(false);
  const colorBy = wanted && keys.includes(wanted) ? wanted : (keys[0] ?? null);
  // The ghost listens from the chart's first showing, so the first study is there to keep.
  const ghostStore = studyGhost(searchStore());
  const kept = useSyncExternalStore(ghostStore.subscribe, () => ghostStore.get().previous);
  // On by default, as on the playground's cost chart.
  const [showGhost, setShowGhost] = useState(true);
  // Shown under the study it came before (a zoomed round of it too), not under the strategy comparison.
  const onStudy = !!rounds[0] && rounds[0] === ghostStore.get().current?.first;
  const previous = showGhost && onStudy ? kept : null;
  const ghostCurve = useMemo(() => ghostPoints(previous), [previous]);
  const ghostLines = useMemo(
    (): WideLine[] =>
      ghostCurve.length > 0
        ? [
            {
              key: 'previous-study-best',
              name: 'previous study: its best trial',
              color: GHOST_COLOR,
              dashed: true,
              diverged: false,
              faded: true,
              widthFactor: 2.5,
              points: ghostCurve,
            },
          ]
        : [],
    [ghostCurve],
  );

  // Re-read the buffers only when the bridge says they grew (≤ 10 times a second).
  // biome-ignore lint/correctness/useExhaustiveDependencies: seriesVersion marks the mutable buffers' growth
  const lines = useMemo((): ChartLine[] => {
    if (!series || !space) return [];
    const byId = new Map(trials.map((t) => [t.id, t]));
    const d = colorBy ? space[colorBy] : null;
    const [lo, hi] = d ? axisDomain(d) : [0, 1];
    return series.models.map((m, i) => {
      const trial = byId.get(runTrials[i]);
      const diverged = trial?.status === 'diverged';
      const t = trial && d && colorBy ? toAxis(d, trial.values[colorBy]) : 0;
      const pos = hi > lo ? (t - lo) / (hi - lo) : 0.5;
      return {
        key: `trial-${runTrials[i]}`,
        name:
          trial && colorBy
            ? `${hyperDef(colorBy).symbol} = ${formatValue(colorBy, trial.values[colorBy])}`
            : '',
        color: diverged ? DIVERGED_COLOR : rgbToHex(viridis(0.92 * Math.min(1, Math.max(0, pos)))),
        dashed: diverged,
        diverged,
        points: chartPoints(m.trainStep.view(), smoothCurve(m.trainCost.view()), MAX_POINTS),
      };
    });
  }, [series, seriesVersion, runTrials, trials, space, colorBy]);
  // Drawn first, so underneath; the axes fit the live curves (a ghost above them runs off the top).
  const all = useMemo(() => (ghostLines.length > 0 ? [...ghostLines, ...lines] : lines), [ghostLines, lines]);
  const domain = useMemo(
    () => costDomain(lines.some((l) => l.points.length > 0) ? lines : all, false),
    [lines, all],
  );
  const maxStep = Math.max(series ? series.maxStep() : 0, previous?.maxStep ?? 0);
  const xDomain = stepDomain(maxStep);
  const round = rounds[rounds.length - 1];
  const n = round?.trialIds.length ?? 0;
  const d = colorBy && space ? space[colorBy] : null;
  const figureRef = useRef<HTMLElement>(null);
  // Built on click: each trial's raw curves with its round, strategy and values.
  const csv = () => {
    const byId = new Map(trials.map((t) => [t.id, t]));
    return curvesCsv(
      seriesCurves(series, (i) => {
        const t = byId.get(runTrials[i]);
        return {
          model: runTrials[i],
          hyper: t ? { round: t.round + 1, strategy: t.strategy, ...t.values } : {},
        };
      }),
    );
  };

  return (
    <figure className="panel search-curves" aria-label="Study curves" ref={figureRef}>
      <div className="panel-head">
        <h2>Train cost of every trial{round ? ` (round ${round.index + 1})` : ''}</h2>
        <ChartExport name="Study curves" target={figureRef} fileName="study-curves" csv={csv} />
        <div className="search-curve-options" data-export="skip" style={{ display: 'contents' }}>
          {keys.length > 0 && colorBy ? (
            <SelectField
              label="Colour by"
              value={colorBy}
              options={keys.map((k) => ({ value: k, label: hyperDef(k).label }))}
              onChange={(k) => setWanted(k)}
            />
          ) : null}
          <label className="search-toggle">
            <input type="checkbox" checked={multiples} onChange={(e) => setMultiples(e.target.checked)} />
            Small multiples
          </label>
        </div>
      </div>
      {/* Under a study only: the strategy comparison's curves get no study ghost. */}
      {series && rounds[0]?.strategy !== 'compare' ? (
        <div className="search-ghost-row" data-export="skip">
          <Switch label="Show the previous study as a ghost" checked={showGhost} onChange={setShowGhost} />
          {previous ? (
            <button type="button" onClick={() => ghostStore.clear()}>
              Forget the previous study
            </button>
          ) : null}
        </div>
      ) : null}
      {/* Above the plot, not on it: over the plot it would hide the curves' high start. */}
      {previous ? (
        <p className="search-ghost-label" data-previous-run>
          {ghostLabel(previous)} (grey dashed)
        </p>
      ) : null}
      {multiples && lines.length > 0 ? (
        <ul className="search-multiples" aria-label="Small multiples">
          {lines.map((l, i) => (
            <MiniChart
              key={l.key}
              line={l}
              trialId={runTrials[i]}
              title={`Trial ${runTrials[i]}: ${l.name}${l.diverged ? ', diverged' : ''}`}
              xDomain={xDomain}
              yDomain={domain ?? [0, 1]}
              ghost={ghostCurve.length > 0 ? ghostCurve : null}
            />
          ))}
        </ul>
      ) : null}
      {multiples && lines.length > 0 ? null : (
        <div className="chart-area search-chart-area">
          {lines.length === 0 && trials.length > 0 && !series ? (
            <p className="chart-empty">
              This study came without curves (a study file with final numbers only, as the exported Optuna
              script writes): the leaderboard and the plots show its results. Press <strong>Run study</strong>{' '}
              to train it here.
            </p>
          ) : lines.length === 0 ? (
            <p className="chart-empty">
              Press <strong>Run study</strong>: all the trials train at once, like the caviar strategy of the
              course, and their curves appear here.
            </p>
          ) : null}
          <CurvesPlot
            lines={all}
            xDomain={xDomain}
            yDomain={domain ?? [0, 1]}
            strokeWidth={1}
            fontSize={12}
          />
        </div>
      )}
      <figcaption className="hint">
        {colorBy && d ? (
          <>
            Colour: {hyperDef(colorBy).label} from {formatValue(colorBy, fromAxis(d, axisDomain(d)[0]))}{' '}
            (dark) to {formatValue(colorBy, fromAxis(d, axisDomain(d)[1]))} (pale)
            {d.scale === 'log' || d.scale === 'oneMinusLog' ? ', on a log scale' : ''}; red dashed: diverged.
            Smoothed (average over about 10 steps).{' '}
            {multiples
              ? `Small multiples: one frame per trial, all on the same scales (steps 0 to ${xDomain[1]}, cost ${formatCost((domain ?? [0, 1])[0])} to ${formatCost((domain ?? [0, 1])[1])}). `
              : ''}
          </>
        ) : null}
        {previous ? <GhostKey previous={previous} /> : null}
        Equal compute:{' '}
        <output aria-label="Equal compute">
          {n} trials × {steps} steps = {(n * steps).toLocaleString('en-US')} model-steps
        </output>
      </figcaption>
    </figure>
  );
}

/** The ghost's entry in the caption: the previous study's numbers, read out one by one. */
function GhostKey({ previous }: { previous: PreviousStudy }) {
  const b = previous.best;
  const alpha = previous.keys.includes('learningRate');
  return (
    <span className="search-ghost-key" data-ghost-legend>
      ┅ Grey dashed: the previous study ({previous.trials} trials
      {previous.rounds > 1 ? ` in ${previous.rounds} rounds` : ''}), its best trial’s train cost: dev cost{' '}
      <output aria-label="Previous study best dev cost">{b ? costText(b.devCost) : '—'}</output>
      {b && alpha ? (
        <>
          {' '}
          at α ={' '}
          <output aria-label="Previous study best α">
            {formatValue('learningRate', b.values.learningRate)}
          </output>
        </>
      ) : null}
      {b ? '' : ' (no trial of it has a dev cost)'}.{' '}
    </span>
  );
}
