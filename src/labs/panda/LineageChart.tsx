// Who descends from whom in population-based training: one row per member, its stretches coloured by
// α, and an arrow wherever it copied another member's weights and hyperparameters.
import { useRef } from 'react';
import type { Lineage } from '../../core/panda/pbt';
import { ChartExport } from '../../ui/ChartExport';
import { learningRateColor } from '../../ui/colorScale';
import { formatRate } from '../../ui/format';
import { PALETTE } from '../../ui/palette';
import { LR_RANGE } from './pandaStore';

const ROW = 22;
const LEFT = 40;
const WIDTH = 720;

export function LineageChart({
  lineage,
  totalSteps,
  best,
}: {
  lineage: Lineage;
  totalSteps: number;
  best: number | null;
}) {
  const figureRef = useRef<HTMLElement>(null);
  const height = lineage.length * ROW + 26;
  const x = (step: number) =>
    LEFT + (Math.min(step, totalSteps) / Math.max(1, totalSteps)) * (WIDTH - LEFT - 10);
  const y = (member: number) => 6 + member * ROW + ROW / 2;
  const copies = lineage.flatMap((segments, to) =>
    segments.flatMap((s) =>
      s.copiedFrom === null ? [] : [{ id: `${to}:${s.fromStep}`, to, from: s.copiedFrom, step: s.fromStep }],
    ),
  );
  return (
    <figure className="panel panda-lineage" aria-label="Lineage" ref={figureRef}>
      <div className="panel-head">
        <h3>Lineage</h3>
        <ChartExport name="Lineage" target={figureRef} fileName="pbt-lineage" />
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label="Lineage of each member">
        <title>Lineage of each member</title>
        <defs>
          <marker
            id="panda-arrow"
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={PALETTE.lineage} />
          </marker>
        </defs>
        {lineage.map((segments, m) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: members are fixed positions of the population
          <g key={m}>
            <text x={4} y={y(m) + 4} fontSize={12} fontWeight={m === best ? 700 : 400}>
              #{m + 1}
            </text>
            {segments.map((s) => (
              <rect
                key={s.fromStep}
                x={x(s.fromStep)}
                y={y(m) - 7}
                width={Math.max(1, x(s.toStep ?? totalSteps) - x(s.fromStep) - 1)}
                height={14}
                rx={3}
                fill={learningRateColor(s.hyper.learningRate, LR_RANGE[0], LR_RANGE[1])}
                stroke={m === best ? PALETTE.highlight : 'none'}
              >
                <title>
                  #{m + 1} from step {s.fromStep}: α {formatRate(s.hyper.learningRate)}, β{' '}
                  {s.hyper.momentum.toFixed(3)}
                  {s.copiedFrom !== null ? ` (copied from #${s.copiedFrom + 1})` : ''}
                </title>
              </rect>
            ))}
          </g>
        ))}
        {copies.map((c) => (
          <line
            key={c.id}
            className="panda-copy"
            x1={x(c.step)}
            x2={x(c.step)}
            y1={y(c.from)}
            y2={y(c.to) + (y(c.to) > y(c.from) ? -7 : 7)}
            stroke={PALETTE.lineage}
            strokeWidth={1.5}
            markerEnd="url(#panda-arrow)"
          />
        ))}
        <text x={LEFT} y={height - 4} fontSize={11} fill={PALETTE.lineageText}>
          step 0
        </text>
        <text x={WIDTH - 10} y={height - 4} fontSize={11} fill={PALETTE.lineageText} textAnchor="end">
          step {totalSteps}
        </text>
      </svg>
      <figcaption className="hint">
        Colour: α (purple small, yellow large). An arrow: the member at its head threw its weights away and
        copied the member at its tail, then moved α and β by ×0.8 or ×1.2.
      </figcaption>
    </figure>
  );
}
