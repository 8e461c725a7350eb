// Cost against step for any number of curves: recharts draws the grid and the axes (step below,
// cost on a linear or log axis), CurveCanvas draws the curves on one canvas. Every cost chart of the
// app (the playground, the search lab's study, the panda lab) is this one plot; extra layers
// (markers) come in as children.
//
// New points arrive ten times a second while the axes change only now and then (round domains), so
// the recharts tree is memoised on what it draws and the curves reach the canvas through a context:
// an update redraws the canvas without rendering recharts again (which cost most of a frame).
import { type ReactNode, useMemo } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { CurveCanvas, CurveLinesContext } from './CurveCanvas';
import { type ChartLine, stepTicks } from './costChartData';
import { formatCost } from './format';
import { PALETTE } from './palette';
import { presentedChart, usePresenter } from './presenter';

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
  strokeWidth: normalStroke = 2,
  fontSize: normalFont = 13,
  children,
}: CurvesPlotProps) {
  // Presenter mode: tick labels, axis titles and curves big enough for the back row.
  const { fontSize, strokeWidth } = presentedChart(usePresenter(), normalFont, normalStroke);
  const [x0, x1] = xDomain;
  const [y0, y1] = yDomain;
  const chart = useMemo(
    () => (
      <ResponsiveContainer width="100%" height="100%">
        {/* No accessibility layer: it makes the chart a tab stop with no name; the canvas names the curves. */}
        <LineChart
          margin={{ top: 8, right: 16, bottom: fontSize > 14 ? 28 : 20, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={PALETTE.grid} />
          <XAxis
            type="number"
            dataKey="step"
            domain={[x0, x1]}
            ticks={stepTicks(x1)}
            allowDataOverflow
            allowDecimals={false}
            tick={{ fontSize, fill: PALETTE.muted }}
            label={{
              value: 'step',
              position: 'insideBottom',
              offset: fontSize > 14 ? -18 : -12,
              fontSize,
              fill: PALETTE.ink,
            }}
          />
          <YAxis
            type="number"
            dataKey="value"
            scale={logY ? 'log' : 'linear'}
            domain={[y0, y1]}
            allowDataOverflow
            tickFormatter={(v: number) => formatCost(v)}
            tick={{ fontSize, fill: PALETTE.muted }}
            width={fontSize > 14 ? 84 : fontSize > 12 ? 64 : 56}
          />
          <CurveCanvas strokeWidth={strokeWidth} xDomain={[x0, x1]} yDomain={[y0, y1]} logY={logY} />
          {children}
        </LineChart>
      </ResponsiveContainer>
    ),
    [x0, x1, y0, y1, logY, strokeWidth, fontSize, children],
  );
  return <CurveLinesContext.Provider value={lines}>{chart}</CurveLinesContext.Provider>;
}
