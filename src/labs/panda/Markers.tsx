// Vertical marks inside a recharts chart: what changed at which step (a nudge, a roll back, a
// divergence), and where each day ended. Drawn with the chart's plot area and the cost chart's axis map.
import { usePlotArea } from 'recharts';
import type { MarkerKind } from '../../core/panda/branchTree';
import { PALETTE } from '../../ui/palette';
import { axisMap } from '../../ui/plotScales';
import { labelRows, labelWidth } from './markerLayout';

export interface ChartMark {
  key: string;
  step: number;
  text: string;
  kind: MarkerKind | 'day' | 'pending';
  /** On an abandoned branch. */
  faded: boolean;
}

const COLORS: Record<ChartMark['kind'], string> = {
  change: PALETTE.change,
  pending: PALETTE.change,
  rollback: PALETTE.rollback,
  return: PALETTE.rollback,
  diverged: PALETTE.diverged,
  day: PALETTE.day,
};

export function Markers({
  marks,
  xDomain,
}: {
  marks: readonly ChartMark[];
  xDomain: readonly [number, number];
}) {
  const area = usePlotArea();
  if (!area) return null;
  const x = axisMap(xDomain, area.x, area.x + area.width, false);
  // Labels of nearby marks share the rows at the top of the plot without overlapping (markerLayout.ts).
  const boxes = marks.map((m) => {
    const px = x(m.step) ?? 0;
    const width = labelWidth(m.text);
    const right = px > area.x + area.width * 0.7;
    return right ? { left: px - 4 - width, right: px - 4 } : { left: px + 4, right: px + 4 + width };
  });
  const labelled = marks.map((m, i) => (m.kind === 'day' ? null : { box: boxes[i], i }));
  const rows = labelRows(
    labelled.flatMap((l) => (l ? [l.box] : [])),
    Math.max(1, Math.floor((area.height - 24) / 15)),
  );
  const rowOf = new Map<number, number>();
  labelled
    .filter((l) => l !== null)
    .forEach((l, k) => {
      rowOf.set(l.i, rows[k]);
    });
  return (
    <g className="panda-markers">
      {marks.map((m, i) => {
        const px = x(m.step);
        if (px === undefined || px < area.x - 1 || px > area.x + area.width + 1) return null;
        const color = COLORS[m.kind];
        // Every mark is a vertical line over the plot area's height at its step.
        const vertical = { x1: px, x2: px, y1: area.y, y2: area.y + area.height };
        if (m.kind === 'day') {
          return (
            <g key={m.key} className="panda-day-mark" opacity={m.faded ? 0.35 : 0.8}>
              <line {...vertical} stroke={color} strokeDasharray="2 4" />
              <text x={px + 3} y={area.y + area.height - 5} fontSize={11} fill={color}>
                {m.text}
              </text>
            </g>
          );
        }
        const row = rowOf.get(i) ?? -1;
        const y = area.y + 13 + row * 15;
        const right = px > area.x + area.width * 0.7;
        return (
          <g key={m.key} className={`panda-mark panda-mark-${m.kind}`} opacity={m.faded ? 0.45 : 1}>
            <line
              {...vertical}
              stroke={color}
              strokeWidth={1.5}
              strokeDasharray={m.kind === 'pending' ? '4 3' : undefined}
            />
            {row < 0 ? null : (
              <text
                x={right ? px - 4 : px + 4}
                y={y}
                fontSize={12}
                fontWeight={600}
                fill={color}
                textAnchor={right ? 'end' : 'start'}
                paintOrder="stroke"
                stroke={PALETTE.white}
                strokeWidth={3}
              >
                {m.text}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
