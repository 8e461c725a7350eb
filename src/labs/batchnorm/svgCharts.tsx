// Small hand-drawn SVG charts for the lab: percentile bands over time, a histogram, and an x/y frame.
import type { ReactNode } from 'react';
import { PALETTE } from '../../ui/palette';
import { niceTicks } from './sharedAxes';

export interface Band {
  x: number;
  lo: number;
  mid: number;
  hi: number;
}

function scale(d0: number, d1: number, r0: number, r1: number) {
  const span = d1 - d0 || 1;
  return (v: number) => r0 + ((v - d0) / span) * (r1 - r0);
}

function tick(v: number): string {
  const a = Math.abs(v);
  if (Number.isInteger(v) && a >= 1000 && a < 1e6) return String(v);
  if (a !== 0 && (a < 0.01 || a >= 1000)) return v.toExponential(0);
  return String(Number(v.toPrecision(2)));
}

/** The distribution charts are drawn at their own pixel size (not stretched), so 12-unit ticks read as 12 px. */
const DW = 440;
const DH = 150;
const DPAD = { left: 46, right: 12, top: 10, bottom: 24 };

/** Round value ticks with grid lines down the left edge. */
function valueTicks(values: [number, number], y: (v: number) => number) {
  return niceTicks(values[0], values[1]).map((v) => (
    <g key={v}>
      <line x1={DPAD.left - 3} x2={DW - DPAD.right} y1={y(v)} y2={y(v)} stroke={PALETTE.grid} />
      <text x={DPAD.left - 5} y={y(v) + 4} textAnchor="end" className="bn-tick">
        {tick(v)}
      </text>
    </g>
  ));
}

/**
 * 15th–85th percentile band with the median line, against the step, on the given axes (shared with
 * the other network's chart of the same layer).
 */
export function BandChart({
  bands,
  label,
  color,
  steps,
  values,
}: {
  bands: Band[];
  label: string;
  color: string;
  steps: [number, number];
  values: [number, number];
}) {
  const x = scale(steps[0], steps[1], DPAD.left, DW - DPAD.right);
  const y = scale(values[0], values[1], DH - DPAD.bottom, DPAD.top);
  const upper = bands.map((b) => `${x(b.x).toFixed(1)},${y(b.hi).toFixed(1)}`);
  const lower = bands.map((b) => `${x(b.x).toFixed(1)},${y(b.lo).toFixed(1)}`).reverse();
  const mid = bands.map((b) => `${x(b.x).toFixed(1)},${y(b.mid).toFixed(1)}`).join(' ');
  const base = DH - DPAD.bottom;
  return (
    <svg
      className="bn-svg bn-fixed"
      width={DW}
      height={DH}
      viewBox={`0 0 ${DW} ${DH}`}
      role="img"
      aria-label={label}
    >
      {valueTicks(values, y)}
      {bands.length > 0 ? (
        <>
          <polygon points={[...upper, ...lower].join(' ')} fill={color} fillOpacity={0.25} stroke="none" />
          <polyline points={mid} fill="none" stroke={color} strokeWidth={1.8} />
        </>
      ) : null}
      <line x1={DPAD.left} x2={DPAD.left} y1={DPAD.top} y2={base} stroke={PALETTE.axis} />
      <line x1={DPAD.left} x2={DW - DPAD.right} y1={base} y2={base} stroke={PALETTE.axis} />
      <text x={DPAD.left} y={DH - 6} textAnchor="start" className="bn-tick">
        {tick(steps[0])}
      </text>
      <text x={(DPAD.left + DW - DPAD.right) / 2} y={DH - 6} textAnchor="middle" className="bn-tick">
        step
      </text>
      <text x={DW - DPAD.right} y={DH - 6} textAnchor="end" className="bn-tick">
        {tick(steps[1])}
      </text>
    </svg>
  );
}

/**
 * Bars of density (fraction of the values per unit) over their value range, on the given axes
 * (shared with the other network's histogram): a narrower distribution stands taller.
 */
export function Histogram({
  bins,
  label,
  color,
  values,
  maxDensity,
}: {
  bins: { lo: number; hi: number; density: number }[];
  label: string;
  color: string;
  values: [number, number];
  maxDensity: number;
}) {
  const x = scale(values[0], values[1], DPAD.left, DW - DPAD.right);
  const base = DH - DPAD.bottom;
  const h = (d: number) => (Math.min(d, maxDensity) / maxDensity) * (base - DPAD.top);
  return (
    <svg
      className="bn-svg bn-fixed bn-hist"
      width={DW}
      height={DH}
      viewBox={`0 0 ${DW} ${DH}`}
      role="img"
      aria-label={label}
    >
      {bins.map((b, i) => (
        <rect
          // biome-ignore lint/suspicious/noArrayIndexKey: a bin is its position
          key={i}
          x={x(b.lo) + 0.25}
          y={base - h(b.density)}
          width={Math.max(0.5, x(b.hi) - x(b.lo) - 0.5)}
          height={h(b.density)}
          fill={color}
          fillOpacity={0.7}
        />
      ))}
      <line x1={DPAD.left} x2={DPAD.left} y1={DPAD.top} y2={base} stroke={PALETTE.axis} />
      <line x1={DPAD.left} x2={DW - DPAD.right} y1={base} y2={base} stroke={PALETTE.axis} />
      {niceTicks(0, maxDensity).map((d) => (
        <text key={`d${d}`} x={DPAD.left - 5} y={base - h(d) + 4} textAnchor="end" className="bn-tick">
          {tick(d)}
        </text>
      ))}
      {niceTicks(values[0], values[1]).map((v) => {
        // A label at either end stays inside the plot.
        const at = x(v);
        const anchor = at < DPAD.left + 12 ? 'start' : at > DW - DPAD.right - 12 ? 'end' : 'middle';
        return (
          <g key={`v${v}`}>
            <line x1={at} x2={at} y1={base} y2={base + 3} stroke={PALETTE.axis} />
            <text x={at} y={DH - 6} textAnchor={anchor} className="bn-tick">
              {tick(v)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A generic x/y frame with ticks, children draw in data space via the given scales. */
export function Frame({
  width = 420,
  height = 220,
  xDomain,
  yDomain,
  xLog,
  label,
  xLabel,
  yLabel,
  children,
}: {
  width?: number;
  height?: number;
  xDomain: [number, number];
  yDomain: [number, number];
  xLog?: boolean;
  label: string;
  xLabel: string;
  yLabel: string;
  children: (sx: (v: number) => number, sy: (v: number) => number) => ReactNode;
}) {
  const pad = { left: 48, right: 10, top: 10, bottom: 34 };
  const fx = xLog ? (v: number) => Math.log10(v) : (v: number) => v;
  const sxl = scale(fx(xDomain[0]), fx(xDomain[1]), pad.left, width - pad.right);
  const sx = (v: number) => sxl(fx(v));
  const sy = scale(yDomain[0], yDomain[1], height - pad.bottom, pad.top);
  const xTicks = xLog
    ? Array.from(
        { length: Math.floor(Math.log10(xDomain[1])) - Math.ceil(Math.log10(xDomain[0])) + 1 },
        (_, i) => 10 ** (Math.ceil(Math.log10(xDomain[0])) + i),
      )
    : [xDomain[0], (xDomain[0] + xDomain[1]) / 2, xDomain[1]];
  const yTicks = [yDomain[0], (yDomain[0] + yDomain[1]) / 2, yDomain[1]];
  return (
    <svg className="bn-svg bn-frame" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {yTicks.map((t) => (
        <g key={`y${t}`}>
          <line x1={pad.left} x2={width - pad.right} y1={sy(t)} y2={sy(t)} stroke={PALETTE.grid} />
          <text x={pad.left - 4} y={sy(t) + 4} textAnchor="end" className="bn-tick">
            {tick(t)}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <text key={`x${t}`} x={sx(t)} y={height - pad.bottom + 14} textAnchor="middle" className="bn-tick">
          {tick(t)}
        </text>
      ))}
      <text x={(pad.left + width - pad.right) / 2} y={height - 4} textAnchor="middle" className="bn-axis">
        {xLabel}
      </text>
      <text
        x={12}
        y={(pad.top + height - pad.bottom) / 2}
        className="bn-axis"
        transform={`rotate(-90 12 ${(pad.top + height - pad.bottom) / 2})`}
        textAnchor="middle"
      >
        {yLabel}
      </text>
      {children(sx, sy)}
    </svg>
  );
}

export function polyline(
  points: { x: number; y: number }[],
  sx: (v: number) => number,
  sy: (v: number) => number,
) {
  return points
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`)
    .join(' ');
}
