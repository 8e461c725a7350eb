// Small hand-drawn SVG charts for the lab: percentile bands over time, a histogram, and dots.
import type { ReactNode } from 'react';
import { PALETTE } from '../../ui/palette';

export interface Band {
  x: number;
  lo: number;
  mid: number;
  hi: number;
}

const W = 260;
const H = 120;
const PAD = { left: 34, right: 6, top: 6, bottom: 16 };

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

/** 15th–85th percentile band with the median line, against the step. */
export function BandChart({ bands, label, color }: { bands: Band[]; label: string; color: string }) {
  if (bands.length === 0)
    return <svg className="bn-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} />;
  const xs = bands.map((b) => b.x);
  let lo = Math.min(...bands.map((b) => b.lo));
  let hi = Math.max(...bands.map((b) => b.hi));
  if (hi - lo < 1e-6) {
    lo -= 0.5;
    hi += 0.5;
  }
  const x = scale(Math.min(...xs), Math.max(...xs, Math.min(...xs) + 1), PAD.left, W - PAD.right);
  const y = scale(lo, hi, H - PAD.bottom, PAD.top);
  const upper = bands.map((b) => `${x(b.x).toFixed(1)},${y(b.hi).toFixed(1)}`);
  const lower = bands.map((b) => `${x(b.x).toFixed(1)},${y(b.lo).toFixed(1)}`).reverse();
  const mid = bands.map((b) => `${x(b.x).toFixed(1)},${y(b.mid).toFixed(1)}`).join(' ');
  return (
    <svg className="bn-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <polygon points={[...upper, ...lower].join(' ')} fill={color} fillOpacity={0.25} stroke="none" />
      <polyline points={mid} fill="none" stroke={color} strokeWidth={1.6} />
      <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} stroke={PALETTE.axis} />
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke={PALETTE.axis} />
      <text x={PAD.left - 3} y={PAD.top + 8} textAnchor="end" className="bn-tick">
        {tick(hi)}
      </text>
      <text x={PAD.left - 3} y={H - PAD.bottom} textAnchor="end" className="bn-tick">
        {tick(lo)}
      </text>
      <text x={W - PAD.right} y={H - 3} textAnchor="end" className="bn-tick">
        step {Math.max(...xs)}
      </text>
    </svg>
  );
}

/** Bars of fractions over [lo, hi]. */
export function Histogram({
  counts,
  lo,
  hi,
  label,
  color,
}: {
  counts: ArrayLike<number>;
  lo: number;
  hi: number;
  label: string;
  color: string;
}) {
  const n = counts.length;
  const max = Math.max(1e-9, ...Array.from(counts));
  const w = (W - PAD.left - PAD.right) / Math.max(1, n);
  return (
    <svg className="bn-svg bn-hist" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {Array.from(counts, (c, i) => {
        const h = (c / max) * (H - PAD.top - PAD.bottom);
        return (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: a bin is its position
            key={i}
            x={PAD.left + i * w + 0.5}
            y={H - PAD.bottom - h}
            width={Math.max(0.5, w - 1)}
            height={h}
            fill={color}
            fillOpacity={0.7}
          />
        );
      })}
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke={PALETTE.axis} />
      <text x={PAD.left} y={H - 3} className="bn-tick">
        {tick(lo)}
      </text>
      <text x={W - PAD.right} y={H - 3} textAnchor="end" className="bn-tick">
        {tick(hi)}
      </text>
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
