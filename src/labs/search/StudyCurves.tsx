// Caviar: every trial of the round trains at once; their train-cost curves stream into one chart,
// coloured by a chosen hyperparameter (on its scale's axis, so log where the scale is log).
import { useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { SelectField } from '../../components/SelectField';
import { axisDomain, fromAxis, type HyperKey, hyperDef, searchedKeys, toAxis } from '../../core/search/space';
import { chartPoints } from '../../state/runSeries';
import { rgbToHex, viridis } from '../../ui/colorScale';
import { type ChartLine, costDomain, DIVERGED_COLOR, smoothCurve } from '../../ui/costChartData';
import { formatCost } from '../../ui/format';
import { formatValue } from './plotAxes';
import { useSearch } from './useSearchStore';

const MAX_POINTS = 300;

export function StudyCurves() {
  const { series, seriesVersion, runTrials, trials, rounds, steps } = useSearch((s) => ({
    series: s.series,
    seriesVersion: s.seriesVersion,
    runTrials: s.runTrials,
    trials: s.trials,
    rounds: s.rounds,
    steps: s.steps,
  }));
  const space = rounds[rounds.length - 1]?.space ?? null;
  const keys = space ? searchedKeys(space) : [];
  const [wanted, setWanted] = useState<HyperKey | null>(null);
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
  const round = rounds[rounds.length - 1];
  const n = round?.trialIds.length ?? 0;
  const d = colorBy && space ? space[colorBy] : null;

  return (
    <figure className="panel search-curves" aria-label="Study curves">
      <div className="panel-head">
        <h2>Train cost of every trial{round ? ` (round ${round.index + 1})` : ''}</h2>
        {keys.length > 0 && colorBy ? (
          <SelectField
            label="Colour by"
            value={colorBy}
            options={keys.map((k) => ({ value: k, label: hyperDef(k).label }))}
            onChange={(k) => setWanted(k)}
          />
        ) : null}
      </div>
      <div className="chart-area search-chart-area">
        {lines.length === 0 ? (
          <p className="chart-empty">
            Press <strong>Run study</strong>: all the trials train at once, like the caviar strategy of the
            course, and their curves appear here.
          </p>
        ) : null}
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
            <CartesianGrid stroke="#e4e7eb" />
            <XAxis
              type="number"
              dataKey="step"
              domain={[0, Math.max(1, maxStep)]}
              allowDecimals={false}
              tick={{ fontSize: 12 }}
              label={{ value: 'step', position: 'insideBottom', offset: -12, fontSize: 12 }}
            />
            <YAxis
              type="number"
              dataKey="value"
              domain={domain ?? [0, 1]}
              allowDataOverflow
              tickFormatter={(v: number) => formatCost(v)}
              tick={{ fontSize: 12 }}
              width={56}
            />
            {lines.map((l) => (
              <Line
                key={l.key}
                data={l.points}
                dataKey="value"
                name={l.name}
                type="linear"
                stroke={l.color}
                strokeWidth={1.5}
                strokeDasharray={l.dashed ? '5 4' : undefined}
                dot={false}
                activeDot={false}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="hint">
        {colorBy && d ? (
          <>
            Colour: {hyperDef(colorBy).label} from {formatValue(colorBy, fromAxis(d, axisDomain(d)[0]))}{' '}
            (dark) to {formatValue(colorBy, fromAxis(d, axisDomain(d)[1]))} (pale)
            {d.scale === 'log' || d.scale === 'oneMinusLog' ? ', on a log scale' : ''}; grey dashed: diverged.
            Smoothed (average over about 10 steps).{' '}
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
