// A cost chart of many curves: recharts draws the axes and grid, CurveCanvas the curves (on one canvas),
// Markers the vertical marks. Shared by the panda's tree, the caviar and the bridges.
import { type CSSProperties, type ReactNode, useRef } from 'react';
import { ChartExport } from '../../ui/ChartExport';
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
  /** The chart's curves as CSV (a "Download CSV" button beside "Download PNG"). */
  csv?: () => string;
  /** A cost axis shared with another chart (the panda beside the caviar); its own otherwise. */
  yDomain?: [number, number];
  /** The lab's main chart: the one F (full screen) shows. */
  main?: boolean;
}

/** "Panda: cost of the babysat model" → "panda-cost-of-the-babysat-model" */
function fileNameOf(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'chart'
  );
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
  csv,
  yDomain: sharedDomain,
  main = false,
}: CurveChartProps) {
  const figureRef = useRef<HTMLElement>(null);
  const domain = sharedDomain ?? costDomain(lines, log);
  const drawn =
    log && domain ? lines.map((l) => ({ ...l, points: clampForLog(l.points, domain[0]) })) : lines;
  let maxStep = minSteps;
  for (const l of lines) for (const p of l.points) maxStep = Math.max(maxStep, p.step);
  for (const m of marks) maxStep = Math.max(maxStep, m.step);
  const xDomain = stepDomain(maxStep);
  const yDomain: [number, number] = domain ?? (log ? [0.01, 10] : [0, 1]);
  const isEmpty = lines.every((l) => l.points.length === 0);
  return (
    <figure
      className="panel panda-chart"
      aria-label={title}
      ref={figureRef}
      data-main-chart={main || undefined}
    >
      <div className="panel-head">
        <h3>{title}</h3>
        <ChartExport name={title} target={figureRef} fileName={fileNameOf(title)} csv={csv} />
        {head ? (
          <span data-export="skip" style={{ display: 'contents' }}>
            {head}
          </span>
        ) : null}
      </div>
      {/* The height as a custom property, so presenter mode and full screen can override it in CSS. */}
      <div
        className="chart-area panda-chart-area"
        style={{ '--chart-height': `${height}px` } as CSSProperties}
      >
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
