// Caviar: every trial of the round trains at once; their train-cost curves stream into one chart,
// coloured by a chosen hyperparameter (on its scale's axis, so log where the scale is log), or as small
// multiples: one mini chart per trial, all on the same scales, each curve one SVG path string.
import { useMemo, useRef, useState } from 'react';
import { SelectField } from '../../components/SelectField';
import { curvesCsv } from '../../core/export/curvesCsv';
import { axisDomain, fromAxis, type HyperKey, hyperDef, searchedKeys, toAxis } from '../../core/search/space';
import { chartPoints } from '../../state/runSeries';
import { ChartExport } from '../../ui/ChartExport';
import { CurvesPlot } from '../../ui/CurvesPlot';
import { seriesCurves } from '../../ui/chartCsv';
import { rgbToHex, viridis } from '../../ui/colorScale';
import { type ChartLine, costDomain, DIVERGED_COLOR, smoothCurve, stepDomain } from '../../ui/costChartData';
import { formatCost } from '../../ui/format';
import { PALETTE } from '../../ui/palette';
import { axisMap, pathData } from '../../ui/plotScales';
import { formatValue } from './plotAxes';
import { shownSteps } from './searchStore';
import { useSearch } from './useSearchStore';

const MAX_POINTS = 300;
const MINI_W = 150;
const MINI_H = 90;
const MINI_PAD = { left: 4, right: 4, top: 4, bottom: 4 };

interface MiniChartProps {
  line: ChartLine;
  trialId: number;
  title: string;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
}

/** One trial's curve in a small frame; every frame shares the same x and y scales. */
function MiniChart({ line, trialId, title, xDomain, yDomain }: MiniChartProps) {
  const x = axisMap(xDomain, MINI_PAD.left, MINI_W - MINI_PAD.right, false);
  const y = axisMap(yDomain, MINI_H - MINI_PAD.bottom, MINI_PAD.top, false);
  // Values above the shared top are clamped to it (a diverging curve runs along the top edge).
  const top = yDomain[1];
  const points = line.points.map((p) => (p.value > top ? { step: p.step, value: top } : p));
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
  const domain = useMemo(() => costDomain(lines, false), [lines]);
  const maxStep = series ? series.maxStep() : 0;
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
            lines={lines}
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
        Equal compute:{' '}
        <output aria-label="Equal compute">
          {n} trials × {steps} steps = {(n * steps).toLocaleString('en-US')} model-steps
        </output>
      </figcaption>
    </figure>
  );
}
