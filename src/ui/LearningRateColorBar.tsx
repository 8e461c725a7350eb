// The colour scale of α: a gradient over the sampled range, one tick per decade.
import { viridis } from './colorScale';

export function LearningRateColorBar({ lo, hi }: { lo: number; hi: number }) {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  const stops = Array.from({ length: 11 }, (_, i) => {
    const [r, g, bl] = viridis((0.92 * i) / 10);
    return `rgb(${r},${g},${bl}) ${i * 10}%`;
  });
  const ticks: number[] = [];
  for (let k = Math.ceil(a - 1e-9); k <= b + 1e-9; k++) ticks.push(k);
  return (
    <div className="color-bar" aria-hidden="true">
      <div
        className="color-bar-gradient"
        style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }}
      />
      <div className="color-bar-ticks">
        {ticks.map((k) => (
          <span key={k} style={{ left: `${b === a ? 50 : ((k - a) / (b - a)) * 100}%` }}>
            10<sup>{k}</sup>
          </span>
        ))}
      </div>
      <span className="color-bar-caption">α (log scale)</span>
    </div>
  );
}
