// Cost against step for any number of curves: recharts draws the grid and the axes (step below,
// cost on a linear or log axis), CurvePaths draws each curve as one SVG path. Every cost chart of
// the app (the playground, the search lab's study, the panda lab) is this one plot; extra layers
// (markers) come in as children.
import type { ReactNode } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { CurvePaths } from './CurvePaths';
import { type ChartLine, stepTicks } from './costChartData';
import { formatCost } from './format';

interface CurvesPlotProps {
  lines: readonly ChartLine[];
  xDomain: [number, number];
  yDomain: [number, number];
  logY?: boolean;
  strokeWidth?: number;
  fontSize?: number;
  children?: ReactNode;
}

export function CurvesPlot({
  lines,
  xDomain,
  yDomain,
  logY = false,
  strokeWidth = 2,
  fontSize = 13,
  children,
}: CurvesPlotProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
        <CartesianGrid stroke="#e4e7eb" />
        <XAxis
          type="number"
          dataKey="step"
          domain={xDomain}
          ticks={stepTicks(xDomain[1])}
          allowDataOverflow
          allowDecimals={false}
          tick={{ fontSize }}
          label={{ value: 'step', position: 'insideBottom', offset: -12, fontSize }}
        />
        <YAxis
          type="number"
          dataKey="value"
          scale={logY ? 'log' : 'linear'}
          domain={yDomain}
          allowDataOverflow
          tickFormatter={(v: number) => formatCost(v)}
          tick={{ fontSize }}
          width={fontSize > 12 ? 64 : 56}
        />
        <CurvePaths lines={lines} strokeWidth={strokeWidth} xDomain={xDomain} yDomain={yDomain} logY={logY} />
        {children}
      </LineChart>
    </ResponsiveContainer>
  );
}
