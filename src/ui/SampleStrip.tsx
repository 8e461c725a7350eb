// The sampled learning rates on a log axis: one marker per sample (data-lr holds its exact value).
import { learningRateColor, logPosition } from './colorScale';
import { formatRate } from './format';
import { PALETTE } from './palette';

const WIDTH = 640;
const HEIGHT = 78;
const PAD = 28;
const AXIS_Y = 46;

export function SampleStrip({ rates, lo, hi }: { rates: readonly number[]; lo: number; hi: number }) {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  const x = (v: number) => PAD + logPosition(v, lo, hi) * (WIDTH - 2 * PAD);
  const decades: number[] = [];
  for (let k = Math.ceil(a - 1e-9); k <= b + 1e-9; k++) decades.push(k);
  return (
    <figure className="sample-strip" aria-label="Learning-rate samples">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={`${rates.length} sampled α on a log axis`}
      >
        <line x1={PAD} y1={AXIS_Y} x2={WIDTH - PAD} y2={AXIS_Y} stroke={PALETTE.muted} strokeWidth={1.5} />
        {decades.map((k) => (
          <g key={k}>
            <line x1={x(10 ** k)} y1={AXIS_Y - 4} x2={x(10 ** k)} y2={AXIS_Y + 5} stroke={PALETTE.muted} />
            <text x={x(10 ** k)} y={AXIS_Y + 22} textAnchor="middle" fontSize={14} fill={PALETTE.ink}>
              10
              <tspan dy={-6} fontSize={10}>
                {k}
              </tspan>
            </text>
          </g>
        ))}
        {rates.map((lr, i) => (
          <circle
            // biome-ignore lint/suspicious/noArrayIndexKey: samples are ordered draws
            key={i}
            data-lr={String(lr)}
            cx={x(lr)}
            cy={AXIS_Y - 14 - (i % 3) * 9}
            r={5}
            fill={learningRateColor(lr, lo, hi)}
            stroke={PALETTE.white}
            strokeWidth={1}
          >
            <title>{`α = ${formatRate(lr)}`}</title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}
