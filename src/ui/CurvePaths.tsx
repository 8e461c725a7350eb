// The cost curves as one plain SVG path each, drawn inside a recharts chart with its own scales.
// recharts' <Line> builds an object (and a label entry) per point on every update; with 32 curves
// streaming that kept the main thread busy for most of each frame. A path string per curve costs
// microseconds and keeps the axes, grid and ticks recharts draws.
import { memo, useId } from 'react';
import { usePlotArea } from 'recharts';
import type { ChartLine } from './costChartData';

/** SVG path data through the points, mapped by the chart's scales. */
export function pathData(
  points: readonly { step: number; value: number }[],
  x: (v: number) => number | undefined,
  y: (v: number) => number | undefined,
): string {
  let d = '';
  for (const p of points) {
    const px = x(p.step);
    const py = y(p.value);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) continue;
    d += `${d ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
  }
  return d;
}

/** Maps [d0, d1] onto [p0, p1], linearly or on log10 (values ≤ 0 have no place on a log axis). */
export function axisMap(domain: readonly [number, number], p0: number, p1: number, log: boolean) {
  const f = log ? Math.log10 : (v: number) => v;
  const a = f(domain[0]);
  const span = f(domain[1]) - a || 1;
  return (v: number): number | undefined =>
    log && v <= 0 ? undefined : p0 + ((f(v) - a) / span) * (p1 - p0);
}

interface CurvePathsProps {
  lines: readonly ChartLine[];
  strokeWidth: number;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  logY: boolean;
}

/** Must be a child of a recharts chart: it draws in the chart's plot area, on the same domains as its axes. */
export const CurvePaths = memo(function CurvePaths({
  lines,
  strokeWidth,
  xDomain,
  yDomain,
  logY,
}: CurvePathsProps) {
  const area = usePlotArea();
  const clipId = useId();
  if (!area) return null;
  const x = axisMap(xDomain, area.x, area.x + area.width, false);
  const y = axisMap(yDomain, area.y + area.height, area.y, logY);
  return (
    <g className="recharts-line cost-lines" clipPath={`url(#${CSS.escape(clipId)})`}>
      <defs>
        <clipPath id={clipId}>
          <rect x={area.x} y={area.y} width={area.width} height={area.height} />
        </clipPath>
      </defs>
      {lines.map((l) => (
        <path
          key={l.key}
          className="recharts-curve"
          d={pathData(l.points, x, y)}
          fill="none"
          stroke={l.color}
          strokeWidth={strokeWidth}
          strokeDasharray={l.dashed ? '6 4' : undefined}
          strokeOpacity={l.diverged ? 0.6 : 1}
          strokeLinejoin="round"
        >
          <title>{l.name}</title>
        </path>
      ))}
    </g>
  );
});
