// Trials as points in the plane of two searched hyperparameters, each on its scale's axis (log axes
// where the scale is log), with a rug of projections on each axis. Optional: nested rectangles for
// the zoomed rounds, and a rectangle the learner drags to choose the next region.
import { type PointerEvent, useRef, useState } from 'react';
import { axisDomain, type HyperKey, type SearchSpace } from '../../core/search/space';
import type { Region } from '../../core/search/zoom';
import { PALETTE } from '../../ui/palette';
import { axisTitle, ticksFor } from './plotAxes';

export type PointKind = 'pending' | 'done' | 'diverged';

export interface PlotPoint {
  id: number;
  x: number;
  /** NaN when only one hyperparameter is searched. */
  y: number;
  round: number;
  kind: PointKind;
  color: string;
  /** Best of its round; `overall` for the best so far. */
  best?: 'round' | 'overall';
  title: string;
  /** Outside the current selection: drawn faint. */
  faded?: boolean;
}

export interface PlotRegion {
  round: number;
  x: [number, number];
  y: [number, number] | null;
}

export interface ScatterPlotProps {
  label: string;
  xKey: HyperKey;
  yKey: HyperKey | null;
  space: SearchSpace;
  points: readonly PlotPoint[];
  regions?: readonly PlotRegion[];
  brush?: Region | null;
  onBrush?: (region: Region | null) => void;
  width?: number;
  height?: number;
  compact?: boolean;
}

const M = { left: 66, right: 14, top: 12, bottom: 50 };

/** A chart's plot area inside its margins: the framed background its points or marks are drawn on. */
export function PlotArea({
  left,
  top,
  width,
  height,
}: {
  left: number;
  top: number;
  width: number;
  height: number;
}) {
  return (
    <rect
      x={left}
      y={top}
      width={width}
      height={height}
      fill={PALETTE.plotBackground}
      stroke={PALETTE.frame}
    />
  );
}

function padded([a, b]: [number, number], discrete: boolean): [number, number] {
  if (discrete) return [a - 0.5, b + 0.5];
  const pad = (b - a) * 0.04 || 0.5;
  return [a - pad, b + pad];
}

export function ScatterPlot({
  label,
  xKey,
  yKey,
  space,
  points,
  regions = [],
  brush = null,
  onBrush,
  width = 560,
  height = 380,
  compact = false,
}: ScatterPlotProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const xd = space[xKey];
  const yd = yKey ? space[yKey] : null;
  const discrete = (s: string) => s === 'int' || s === 'choice';
  const xDom = padded(axisDomain(xd), discrete(xd.scale));
  const yDom: [number, number] = yd ? padded(axisDomain(yd), discrete(yd.scale)) : [0, 1];
  const iw = width - M.left - M.right;
  const ih = height - M.top - M.bottom;
  const sx = (t: number) => M.left + ((t - xDom[0]) / (xDom[1] - xDom[0])) * iw;
  const sy = (t: number) => M.top + ih - ((t - yDom[0]) / (yDom[1] - yDom[0])) * ih;
  const ix = (px: number) => xDom[0] + ((px - M.left) / iw) * (xDom[1] - xDom[0]);
  const iy = (py: number) => yDom[0] + ((M.top + ih - py) / ih) * (yDom[1] - yDom[0]);
  const yOf = (p: PlotPoint) => (Number.isFinite(p.y) ? p.y : 0.5 + (((p.id * 37) % 17) / 17 - 0.5) * 0.5);
  const clampX = (px: number) => Math.min(M.left + iw, Math.max(M.left, px));
  const clampY = (py: number) => Math.min(M.top + ih, Math.max(M.top, py));

  const toSvg = (e: PointerEvent): { x: number; y: number } => {
    const r = svgRef.current?.getBoundingClientRect();
    if (!r || r.width === 0) return { x: 0, y: 0 };
    return {
      x: clampX(((e.clientX - r.left) / r.width) * width),
      y: clampY(((e.clientY - r.top) / r.height) * height),
    };
  };
  const finish = (d: { x0: number; y0: number; x1: number; y1: number }) => {
    if (!onBrush) return;
    if (Math.abs(d.x1 - d.x0) < 4 && (!yd || Math.abs(d.y1 - d.y0) < 4)) {
      onBrush(null);
      return;
    }
    const region: Region = { [xKey]: [ix(Math.min(d.x0, d.x1)), ix(Math.max(d.x0, d.x1))] };
    if (yKey && yd) region[yKey] = [iy(Math.max(d.y0, d.y1)), iy(Math.min(d.y0, d.y1))];
    // Keep the region inside the searched ranges (the padding around them is not searched).
    for (const [k, [a, b]] of Object.entries(region) as [HyperKey, [number, number]][]) {
      const [lo, hi] = axisDomain(space[k]);
      region[k] = [Math.max(lo, a), Math.min(hi, b)];
    }
    onBrush(region);
  };

  const xTicks = ticksFor(xKey, xd, axisDomain(xd));
  const yTicks = yKey && yd ? ticksFor(yKey, yd, axisDomain(yd)) : [];
  const brushRect = drag
    ? {
        x: Math.min(drag.x0, drag.x1),
        y: yd ? Math.min(drag.y0, drag.y1) : M.top,
        w: Math.abs(drag.x1 - drag.x0),
        h: yd ? Math.abs(drag.y1 - drag.y0) : ih,
      }
    : brush?.[xKey]
      ? (() => {
          const [a, b] = brush[xKey] as [number, number];
          const yr = yKey ? brush[yKey] : undefined;
          const [c, d] = yr ?? [yDom[0], yDom[1]];
          return { x: sx(a), y: sy(d), w: sx(b) - sx(a), h: sy(c) - sy(d) };
        })()
      : null;
  const fontSize = compact ? 11 : 12;

  return (
    <svg
      ref={svgRef}
      className={`search-scatter${onBrush ? ' search-scatter-brushable' : ''}`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={label}
    >
      <PlotArea left={M.left} top={M.top} width={iw} height={ih} />
      {xTicks.map((t) => (
        <g key={`x${t.t}`}>
          <line x1={sx(t.t)} x2={sx(t.t)} y1={M.top} y2={M.top + ih} stroke={PALETTE.gridFaint} />
          <text x={sx(t.t)} y={M.top + ih + 26} textAnchor="middle" fontSize={fontSize} fill={PALETTE.muted}>
            {t.label}
          </text>
        </g>
      ))}
      {yTicks.map((t) => (
        <g key={`y${t.t}`}>
          <line x1={M.left} x2={M.left + iw} y1={sy(t.t)} y2={sy(t.t)} stroke={PALETTE.gridFaint} />
          <text x={M.left - 14} y={sy(t.t) + 4} textAnchor="end" fontSize={fontSize} fill={PALETTE.muted}>
            {t.label}
          </text>
        </g>
      ))}
      <text x={M.left + iw / 2} y={height - 6} textAnchor="middle" fontSize={fontSize + 1} fill={PALETTE.ink}>
        {axisTitle(xKey, xd)}
      </text>
      {yKey && yd ? (
        <text
          transform={`translate(14 ${M.top + ih / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={fontSize + 1}
          fill={PALETTE.ink}
        >
          {axisTitle(yKey, yd)}
        </text>
      ) : null}
      {/* rugs: every point's projection on each axis */}
      {points.map((p) => (
        <line
          key={`rx${p.id}`}
          x1={sx(p.x)}
          x2={sx(p.x)}
          y1={M.top + ih}
          y2={M.top + ih + 8}
          stroke={p.kind === 'diverged' ? PALETTE.diverged : PALETTE.ink}
          strokeOpacity={0.6}
        />
      ))}
      {yd
        ? points.map((p) => (
            <line
              key={`ry${p.id}`}
              x1={M.left - 8}
              x2={M.left}
              y1={sy(yOf(p))}
              y2={sy(yOf(p))}
              stroke={p.kind === 'diverged' ? PALETTE.diverged : PALETTE.ink}
              strokeOpacity={0.6}
            />
          ))
        : null}
      {regions.map((r) => (
        <rect
          key={`region${r.round}`}
          className="search-region"
          data-round={r.round}
          data-x0={r.x[0]}
          data-x1={r.x[1]}
          data-y0={r.y ? r.y[0] : undefined}
          data-y1={r.y ? r.y[1] : undefined}
          x={sx(r.x[0])}
          y={r.y ? sy(r.y[1]) : M.top}
          width={Math.max(1, sx(r.x[1]) - sx(r.x[0]))}
          height={r.y ? Math.max(1, sy(r.y[0]) - sy(r.y[1])) : ih}
          fill="none"
          stroke={PALETTE.selection}
          strokeWidth={1.5}
          strokeDasharray="6 3"
        >
          <title>{`Round ${r.round + 1} searched inside this region`}</title>
        </rect>
      ))}
      {points.map((p) => {
        const cx = sx(p.x);
        const cy = sy(yOf(p));
        const common = {
          className: 'search-point',
          'data-id': p.id,
          'data-round': p.round,
          'data-x': p.x,
          'data-y': Number.isFinite(p.y) ? p.y : undefined,
          'data-kind': p.kind,
          opacity: p.faded ? 0.22 : 1,
        };
        const r = compact ? 4 : 5.5;
        if (p.kind === 'diverged') {
          return (
            <g key={p.id} {...common}>
              <path
                d={`M${cx - r} ${cy - r}L${cx + r} ${cy + r}M${cx - r} ${cy + r}L${cx + r} ${cy - r}`}
                stroke={PALETTE.diverged}
                strokeWidth={2.2}
              />
              <title>{p.title}</title>
            </g>
          );
        }
        return (
          <g key={p.id} {...common}>
            {p.best ? (
              <circle
                cx={cx}
                cy={cy}
                r={r + (p.best === 'overall' ? 5 : 3)}
                fill="none"
                stroke={PALETTE.highlight}
                strokeWidth={p.best === 'overall' ? 2.5 : 1.5}
              />
            ) : null}
            <circle
              cx={cx}
              cy={cy}
              r={r}
              fill={p.kind === 'pending' ? PALETTE.white : p.color}
              stroke={p.kind === 'pending' ? p.color : PALETTE.white}
              strokeWidth={p.kind === 'pending' ? 2 : 1}
            />
            <title>{p.title}</title>
          </g>
        );
      })}
      {brushRect ? (
        <rect
          className="search-brush"
          x={brushRect.x}
          y={brushRect.y}
          width={brushRect.w}
          height={brushRect.h}
          fill={PALETTE.selectionFill}
          stroke={PALETTE.selection}
          strokeWidth={1.5}
        />
      ) : null}
      {onBrush ? (
        <rect
          className="search-brush-area"
          x={M.left}
          y={M.top}
          width={iw}
          height={ih}
          fill="transparent"
          style={{ cursor: 'crosshair', touchAction: 'none' }}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            const { x, y } = toSvg(e);
            setDrag({ x0: x, y0: y, x1: x, y1: y });
          }}
          onPointerMove={(e) => {
            if (!drag) return;
            const { x, y } = toSvg(e);
            setDrag({ ...drag, x1: x, y1: y });
          }}
          onPointerUp={(e) => {
            if (!drag) return;
            const { x, y } = toSvg(e);
            const d = { ...drag, x1: x, y1: y };
            setDrag(null);
            finish(d);
          }}
        />
      ) : null}
    </svg>
  );
}
