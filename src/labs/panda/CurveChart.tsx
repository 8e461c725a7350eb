// A cost chart of many curves: recharts draws the axes and grid, CurveCanvas the curves (on one canvas),
// Markers the vertical marks. Shared by the panda's tree, the caviar and the bridges.
import type { ReactNode } from 'react';
import { CurvesPlot } from '../../ui/CurvesPlot';
import { type ChartLine, clampForLog, costDomain, stepDomain } from '../../ui/costChartData';
import { type ChartMark, Markers } from './Markers';

export interface CurveChartProps {
  title: string;
  lines: readonly ChartLine[];
  marks?: readonly ChartMark[];
  /** At least this many steps on the x axis. */
  minSteps?: number;
  log?: boolean;
  empty: ReactNode;
  strokeWidth?: number;
  height?: number;
  children?: ReactNode;
  head?: ReactNode;
}

export function CurveChart({
  title,
  lines,
  marks = [],
  minSteps = 1,
  log = false,
  empty,
  strokeWidth = 2,
  height = 300,
  children,
  head,
}: CurveChartProps) {
  const domain = costDomain(lines, log);
  const drawn =
    log && domain ? lines.map((l) => ({ ...l, points: clampForLog(l.points, domain[0]) })) : lines;
  let maxStep = minSteps;
  for (const l of lines) for (const p of l.points) maxStep = Math.max(maxStep, p.step);
  for (const m of marks) maxStep = Math.max(maxStep, m.step);
  const xDomain = stepDomain(maxStep);
  const yDomain: [number, number] = domain ?? (log ? [0.01, 10] : [0, 1]);
  const isEmpty = lines.every((l) => l.points.length === 0);
  return (
    <figure className="panel panda-chart" aria-label={title}>
      <div className="panel-head">
        <h3>{title}</h3>
        {head}
      </div>
      <div className="chart-area panda-chart-area" style={{ height }}>
        {isEmpty ? <p className="chart-empty">{empty}</p> : null}
        <CurvesPlot
          lines={drawn}
          xDomain={xDomain}
          yDomain={yDomain}
          logY={log}
          strokeWidth={strokeWidth}
          fontSize={12}
        >
          <Markers marks={marks} xDomain={xDomain} />
        </CurvesPlot>
      </div>
      {children ? <figcaption>{children}</figcaption> : null}
    </figure>
  );
}
