// The cost curves, drawn on one canvas in the plot area of a recharts chart (recharts keeps the axes
// and the grid). Measured with 32 curves streaming: as SVG, every update rebuilt 32 path strings of
// ~300 points, React wrote them into the DOM and the browser re-parsed and re-rastered them — most of
// a frame, ten times a second. A canvas redraw of the same points takes a millisecond or two, as long
// as the lines of a crowd of curves are 1 px wide: wider anti-aliased strokes with round joins cost
// the browser's software rasteriser about a millisecond per curve (32 curves: most of a frame again).
import { createContext, memo, useContext, useLayoutEffect, useRef } from 'react';
import { usePlotArea } from 'recharts';
import { registerCanvasPainter } from './canvasPainters';
import type { ChartLine } from './costChartData';
import { axisMap, drawablePoints } from './plotScales';

/**
 * A curve with its own width: a lone ghost curve (a previous study's or caviar run's best) under a crowd
 * of 1-px live curves is drawn wider, or the crowd hides it. One wide curve costs the rasteriser little.
 */
export interface WideLine extends ChartLine {
  /** Times the chart's stroke width. */
  widthFactor: number;
}

const widthFactorOf = (line: ChartLine): number | undefined =>
  'widthFactor' in line && typeof line.widthFactor === 'number' ? line.widthFactor : undefined;

/** The curves to draw (CurvesPlot provides them, so that new points skip the recharts tree). */
export const CurveLinesContext = createContext<readonly ChartLine[]>([]);

interface CurveCanvasProps {
  strokeWidth: number;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  logY: boolean;
}

/** Must be a child of a recharts chart: it draws in the chart's plot area, on the same domains as its axes. */
export const CurveCanvas = memo(function CurveCanvas({
  strokeWidth,
  xDomain,
  yDomain,
  logY,
}: CurveCanvasProps) {
  const lines = useContext(CurveLinesContext);
  const area = usePlotArea();
  const ref = useRef<HTMLCanvasElement>(null);
  const width = area?.width ?? 0;
  const height = area?.height ?? 0;

  useLayoutEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || width <= 0 || height <= 0) return;
    const paint = (target: HTMLCanvasElement, ctx: CanvasRenderingContext2D, ratio: number): void => {
      const w = Math.round(width * ratio);
      const h = Math.round(height * ratio);
      if (target.width !== w) target.width = w;
      if (target.height !== h) target.height = h;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      const x = axisMap(xDomain, 0, width, false);
      const y = axisMap(yDomain, height, 0, logY);
      ctx.lineJoin = 'round';
      for (const line of lines) {
        ctx.strokeStyle = line.color;
        ctx.globalAlpha = line.diverged ? 0.6 : 1;
        // An earlier run's curves are thinner as well as faded, so the new run stays on top to the eye.
        const factor = widthFactorOf(line);
        ctx.lineWidth =
          factor !== undefined
            ? strokeWidth * factor
            : line.faded
              ? Math.max(1, strokeWidth * 0.75)
              : strokeWidth;
        ctx.setLineDash(line.dashed ? [6, 4] : []);
        ctx.beginPath();
        let started = false;
        for (const p of line.points) {
          const px = x(p.step);
          const py = y(p.value);
          if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) continue;
          if (started) ctx.lineTo(px, py);
          else ctx.moveTo(px, py);
          started = true;
        }
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
    };
    // Sharp on high-density screens and projectors: the bitmap has device pixels.
    paint(canvas, context, window.devicePixelRatio || 1);
    // "Download PNG" draws the same curves again at the image's ratio instead of scaling this bitmap.
    return registerCanvasPainter(canvas, (ratio) => {
      const out = document.createElement('canvas');
      const ctx = out.getContext('2d');
      if (!ctx) return null;
      paint(out, ctx, ratio);
      return out;
    });
  }, [lines, strokeWidth, xDomain[0], xDomain[1], yDomain[0], yDomain[1], logY, width, height]);

  if (!area) return null;
  // What the canvas shows, for assistive technology and for tests: curves with at least two points.
  const shown = lines.filter((l) => drawablePoints(l.points, logY, 2) >= 2);
  const drawn = shown.length;
  const faded = shown.filter((l) => l.faded).length;
  const label = `${drawn} cost ${drawn === 1 ? 'curve' : 'curves'} against step${
    faded > 0 ? `, ${faded} of them faded from an earlier run` : ''
  }`;
  return (
    <foreignObject x={area.x} y={area.y} width={width} height={height}>
      <canvas
        ref={ref}
        className="curve-canvas"
        style={{ width, height, display: 'block' }}
        role="img"
        aria-label={label}
        data-curves={lines.length}
        data-drawn={drawn}
        data-faded-drawn={faded}
        data-stroke={strokeWidth}
      />
    </foreignObject>
  );
});
