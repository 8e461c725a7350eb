// What each cost curve is: train vs dev for one model, or α per colour for a population.
import type { ModelInfo, RunKind } from '../state/store';
import type { ChartLine } from './costChartData';
import { formatRate } from './format';
import { LearningRateColorBar } from './LearningRateColorBar';
import { PALETTE } from './palette';

export interface CostLegendProps {
  kind: RunKind;
  lines: readonly ChartLine[];
  models: readonly ModelInfo[];
  lrRange: readonly [number, number];
  /** Train cost shown as a moving average (mini-batch noise damped). */
  smooth: boolean;
  /** The previous run drawn faded underneath, if shown: its label and its curves. */
  previous?: { label: string; lines: readonly ChartLine[] } | null;
}

function Swatch({ color, dashed }: { color: string; dashed: boolean }) {
  return (
    <svg className="swatch" width="28" height="10" aria-hidden="true">
      <line
        x1="1"
        y1="5"
        x2="27"
        y2="5"
        stroke={color}
        strokeWidth="3"
        strokeDasharray={dashed ? '5 3' : undefined}
      />
    </svg>
  );
}

/** One entry for the whole previous run: a faded swatch (solid train, dashed dev when it had one model). */
function PreviousEntry({ previous }: { previous: NonNullable<CostLegendProps['previous']> }) {
  const color = previous.lines[0]?.color ?? PALETTE.pending;
  const single = previous.lines.some((l) => l.key === 'previous-dev');
  return (
    <li className="legend-previous">
      <Swatch color={color} dashed={false} />
      {single ? <Swatch color={color} dashed /> : null}
      {previous.label} (faded grey{single ? ': train solid, dev dashed' : ''})
    </li>
  );
}

export function CostLegend({ kind, lines, models, lrRange, smooth, previous }: CostLegendProps) {
  const smoothing = smooth ? ' (smoothed: average of ~10 steps)' : ' (each mini-batch)';
  if (lines.length === 0) return null;
  const previousEntry = previous ? <PreviousEntry previous={previous} /> : null;
  if (kind === 'single') {
    const diverged = models[0]?.status === 'diverged';
    return (
      <ul className="legend" aria-label="Legend">
        {lines.map((l) => (
          <li key={l.key}>
            <Swatch color={l.color} dashed={l.dashed} />
            {l.name}
            {l.key === 'train' ? smoothing : ' (whole dev set)'}
            {diverged ? <span className="diverged-tag"> diverged</span> : null}
          </li>
        ))}
        {previousEntry}
      </ul>
    );
  }
  const order = models.map((m, i) => ({ m, i })).sort((a, b) => a.m.learningRate - b.m.learningRate);
  const divergedCount = models.filter((m) => m.status === 'diverged').length;
  return (
    <div className="population-legend">
      <LearningRateColorBar lo={lrRange[0]} hi={lrRange[1]} />
      <p className="hint">
        Train cost{smoothing} of {models.length} models that differ only in α (same seed, same start).
        {divergedCount > 0 ? ` ${divergedCount} diverged (red, dashed); the others go on.` : ''}
      </p>
      <ul className="legend legend-population" aria-label="Legend">
        {order.map(({ m, i }) => (
          <li key={i} className={m.status === 'diverged' ? 'legend-diverged' : undefined}>
            <Swatch color={lines[i]?.color ?? PALETTE.pending} dashed={lines[i]?.dashed ?? false} />α ={' '}
            {formatRate(m.learningRate)}
            {m.status === 'diverged' ? (
              <span className="diverged-tag" title={m.reason}>
                {' '}
                diverged{m.divergedAtStep !== undefined ? ` at step ${m.divergedAtStep}` : ''}
              </span>
            ) : null}
          </li>
        ))}
        {previousEntry}
      </ul>
    </div>
  );
}
