// Parallel coordinates: one vertical axis per searched hyperparameter (on its scale: log, log of 1−β,
// whole numbers and choices evenly spaced) and one for the final dev cost; a polyline per ended trial,
// coloured by dev cost, diverged ones red and dashed up to a "diverged" mark above the cost axis.
// Drag along any axis (or focus it and use the arrow keys) to brush a range; brushes on several axes
// combine, the trials inside them stay bright, and their hyperparameter ranges are the region "Zoom in"
// samples next.
import { type KeyboardEvent, type PointerEvent, useMemo, useRef, useState } from 'react';
import {
  axisFraction,
  type BrushKey,
  brushInterval,
  nudgeInterval,
  type ParallelAxis,
  type ParallelBrush,
  type ParallelKey,
  type ParallelRow,
  parallelAxes,
  withInterval,
} from '../../core/search/parallel';
import { fromAxis, hyperDef, type SearchSpace } from '../../core/search/space';
import { formatCost } from '../../ui/format';
import { PALETTE } from '../../ui/palette';
import { formatValue, ticksFor } from './plotAxes';
import type { Trial } from './searchStore';
import { costColor, costRange } from './studyView';
import { costText } from './costText';

const H = 330;
const M = { left: 60, right: 60, top: 34, bottom: 34 };
const GAP = 120;
const TARGET_W = 760;
const HANDLE = 26;
const KEYS: readonly string[] = [
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
  'Escape',
  'Delete',
  'Backspace',
];

export interface ParallelPlotProps {
  space: SearchSpace;
  trials: readonly Trial[];
  rows: readonly ParallelRow[];
  brush: ParallelBrush | null;
  selected: ReadonlySet<number> | null;
  onBrush: (brush: ParallelBrush | null) => void;
}

function axisName(key: ParallelKey): string {
  return key === 'devCost' ? 'dev cost (score)' : hyperDef(key).label;
}

function axisShort(key: ParallelKey, space: SearchSpace): string {
  if (key === 'devCost') return 'dev cost';
  const d = space[key];
  const scale = d.scale === 'log' ? ' (log)' : d.scale === 'oneMinusLog' ? ' (log 1−β)' : '';
  return `${hyperDef(key).symbol}${scale}`;
}

function intervalText(axis: ParallelAxis, interval: [number, number], space: SearchSpace): string {
  if (axis.key === 'devCost') return `${formatCost(interval[0])} to ${formatCost(interval[1])}`;
  const k = axis.key;
  const d = space[k];
  return `${formatValue(k, fromAxis(d, interval[0]))} to ${formatValue(k, fromAxis(d, interval[1]))}`;
}

export function ParallelPlot({ space, trials, rows, brush, selected, onBrush }: ParallelPlotProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ key: ParallelKey; f0: number; f1: number; y0: number } | null>(null);
  const costs = useMemo(() => rows.filter((r) => !r.diverged).map((r) => r.devCost), [rows]);
  const axes = useMemo(() => parallelAxes(space, costs), [space, costs]);
  const range = costRange(trials);
  const byId = useMemo(() => new Map(trials.map((t) => [t.id, t])), [trials]);

  // Spread few axes over a readable width; many axes scroll sideways.
  const gap = Math.max(GAP, (TARGET_W - M.left - M.right) / Math.max(1, axes.length - 1));
  const width = M.left + M.right + gap * Math.max(1, axes.length - 1);
  const ih = H - M.top - M.bottom;
  const xOf = (i: number) => M.left + i * gap;
  const yOf = (f: number) => M.top + ih * (1 - f);
  const fOfY = (y: number) => 1 - (y - M.top) / ih;
  const divergedY = M.top - 18;

  const pointerFraction = (e: PointerEvent): { f: number; y: number } => {
    const r = svgRef.current?.getBoundingClientRect();
    if (!r || r.height === 0) return { f: 0, y: 0 };
    const y = ((e.clientY - r.top) / r.height) * H;
    return { f: Math.min(1, Math.max(0, fOfY(y))), y: e.clientY };
  };

  const setAxis = (key: ParallelKey, interval: [number, number] | null) =>
    onBrush(withInterval(brush, key, interval));

  const onKey = (axis: ParallelAxis, e: KeyboardEvent) => {
    if (!KEYS.includes(e.key)) return;
    e.preventDefault();
    const current = brush?.[axis.key] ?? null;
    if (!current && (e.key === 'Escape' || e.key === 'Delete' || e.key === 'Backspace')) return;
    setAxis(axis.key, nudgeInterval(axis, current, e.key as BrushKey, e.shiftKey));
  };

  const linePath = (row: ParallelRow): string => {
    let d = '';
    axes.forEach((axis, i) => {
      let y: number;
      if (axis.key === 'devCost') {
        if (row.diverged) y = divergedY;
        else y = yOf(axisFraction(axis, row.devCost));
      } else {
        const t = row.coords[axis.key];
        if (t === undefined || !Number.isFinite(t)) return;
        y = yOf(axisFraction(axis, t));
      }
      d += `${d ? 'L' : 'M'}${xOf(i).toFixed(1)},${y.toFixed(1)}`;
    });
    return d;
  };

  // Faded lines first, then the selected ones on top; the best last of all.
  const ordered = [...rows].sort((a, b) => {
    const sa = selected ? (selected.has(a.id) ? 1 : 0) : 1;
    const sb = selected ? (selected.has(b.id) ? 1 : 0) : 1;
    if (sa !== sb) return sa - sb;
    const ca = a.diverged ? Number.POSITIVE_INFINITY : a.devCost;
    const cb = b.diverged ? Number.POSITIVE_INFINITY : b.devCost;
    return cb - ca;
  });
  const hasDiverged = rows.some((r) => r.diverged);
  const costAxisIndex = axes.length - 1;

  return (
    <svg
      ref={svgRef}
      className="search-pc"
      viewBox={`0 0 ${width} ${H}`}
      width="100%"
      style={{ maxWidth: `${width}px`, minWidth: `${Math.min(width, 900) * 0.7}px` }}
    >
      <title>
        Parallel coordinates: a line per trial across the searched hyperparameters and the dev cost (score)
      </title>
      {axes.map((axis, i) => {
        const x = xOf(i);
        const ticks =
          axis.key === 'devCost'
            ? [axis.lo, (axis.lo + axis.hi) / 2, axis.hi].map((t) => ({ t, label: formatCost(t) }))
            : ticksFor(axis.key, space[axis.key], axis.domain);
        return (
          <g key={`axis-${axis.key}`}>
            <line x1={x} x2={x} y1={M.top} y2={M.top + ih} stroke={PALETTE.axisStrong} strokeWidth={1.2} />
            {ticks.map((t) => (
              <g key={t.t}>
                <line
                  x1={x - 4}
                  x2={x}
                  y1={yOf(axisFraction(axis, t.t))}
                  y2={yOf(axisFraction(axis, t.t))}
                  stroke={PALETTE.axisStrong}
                />
                <text
                  x={x - 6}
                  y={yOf(axisFraction(axis, t.t)) + 3.5}
                  fontSize={11}
                  textAnchor="end"
                  fill={PALETTE.muted}
                >
                  {t.label}
                </text>
              </g>
            ))}
            <text x={x} y={H - 10} fontSize={13} textAnchor="middle" fill={PALETTE.ink} fontWeight={600}>
              {axisShort(axis.key, space)}
            </text>
          </g>
        );
      })}
      {hasDiverged ? (
        <text x={xOf(costAxisIndex) + 8} y={divergedY + 4} fontSize={10} fill={PALETTE.diverged}>
          diverged
        </text>
      ) : null}
      <g className="search-pc-lines">
        {ordered.map((row) => {
          const on = !selected || selected.has(row.id);
          const trial = byId.get(row.id);
          const color = row.diverged ? PALETTE.diverged : costColor(row.devCost, range);
          return (
            <path
              key={row.id}
              className="search-pc-line"
              data-id={row.id}
              data-selected={on ? 'true' : 'false'}
              data-diverged={row.diverged ? 'true' : undefined}
              d={linePath(row)}
              fill="none"
              stroke={on ? color : PALETTE.unselected}
              strokeOpacity={on ? 0.95 : 0.45}
              strokeWidth={on && selected ? 2.2 : 1.5}
              strokeDasharray={row.diverged ? '5 3' : undefined}
            >
              <title>
                {trial
                  ? `Trial ${trial.id} (round ${trial.round + 1}): ${row.diverged ? 'diverged' : `dev cost ${costText(row.devCost)}`}`
                  : `Trial ${row.id}`}
              </title>
            </path>
          );
        })}
      </g>
      {axes.map((axis, i) => {
        const x = xOf(i);
        const live = drag && drag.key === axis.key ? brushInterval(axis, drag.f0, drag.f1) : null;
        const interval = live ?? (drag?.key === axis.key ? null : (brush?.[axis.key] ?? null));
        const label = axisName(axis.key);
        const valueText = interval ? intervalText(axis, interval, space) : 'no range selected';
        const centre = interval ? axisFraction(axis, (interval[0] + interval[1]) / 2) : 0;
        return (
          <g key={`brush-${axis.key}`}>
            {interval ? (
              <rect
                className="search-pc-brush"
                data-axis={axis.key}
                x={x - HANDLE / 2 + 3}
                width={HANDLE - 6}
                y={
                  yOf(axisFraction(axis, interval[1])) -
                  (axis.discrete && interval[0] === interval[1] ? 4 : 0)
                }
                height={Math.max(
                  axis.discrete && interval[0] === interval[1] ? 8 : 2,
                  yOf(axisFraction(axis, interval[0])) - yOf(axisFraction(axis, interval[1])),
                )}
                fill={PALETTE.brushFill}
                stroke={PALETTE.selection}
                strokeWidth={1.5}
                pointerEvents="none"
              />
            ) : null}
            <rect
              className="search-pc-handle"
              data-axis={axis.key}
              x={x - HANDLE / 2}
              y={M.top - 4}
              width={HANDLE}
              height={ih + 8}
              fill="transparent"
              style={{ cursor: 'ns-resize', touchAction: 'none' }}
              tabIndex={0}
              role="slider"
              aria-label={`Brush on ${label}`}
              aria-orientation="vertical"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(centre * 100)}
              aria-valuetext={valueText}
              onKeyDown={(e) => onKey(axis, e)}
              onPointerDown={(e) => {
                e.currentTarget.setPointerCapture(e.pointerId);
                const { f, y } = pointerFraction(e);
                setDrag({ key: axis.key, f0: f, f1: f, y0: y });
              }}
              onPointerMove={(e) => {
                if (!drag || drag.key !== axis.key) return;
                setDrag({ ...drag, f1: pointerFraction(e).f });
              }}
              onPointerUp={(e) => {
                if (!drag || drag.key !== axis.key) return;
                const { f, y } = pointerFraction(e);
                setDrag(null);
                // A click (no drag) clears this axis's brush.
                if (Math.abs(y - drag.y0) < 4) setAxis(axis.key, null);
                else setAxis(axis.key, brushInterval(axis, drag.f0, f));
              }}
            >
              <title>{`${label}: ${valueText}`}</title>
            </rect>
          </g>
        );
      })}
    </svg>
  );
}
