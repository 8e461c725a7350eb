// Lesson 3.2, choosing the scale: α in [1e-4, 1] sampled linearly vs on a log scale (share per decade),
// β in [0.9, 0.999] sampled as 1−β on a log scale (with each sample's averaging window 1/(1−β)), and
// why: the same step in β matters little near 0.9 and a lot near 0.999.

import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { ScrollBox } from '../../components/ScrollBox';
import { downsampleMinMax } from '../../core/downsample';
import { createRng, deriveSeed } from '../../core/rng';
import { decadeHistogram, sampleLinear, sampleLog, sampleOneMinusLog } from '../../core/sampling';
import { formatExponent, formatRate } from '../../ui/format';
import { PAIRED_SERIES, PALETTE } from '../../ui/palette';
import { useSearch } from './useSearchStore';

const SAMPLES = 200;
const SERIES_LENGTH = 4000;

/** Exponentially weighted average with bias correction, so every curve starts at the data. */
function ewa(values: readonly number[], beta: number): number[] {
  let v = 0;
  let c = 1;
  return values.map((x) => {
    v = beta * v + (1 - beta) * x;
    c *= beta;
    return v / (1 - c);
  });
}

const SENSITIVITY = [
  { beta: 0.9, color: PAIRED_SERIES[0] },
  { beta: 0.9005, color: PAIRED_SERIES[1], dashed: true },
  { beta: 0.999, color: PAIRED_SERIES[2] },
  { beta: 0.9995, color: PAIRED_SERIES[3], dashed: true },
] as const;

export function ScaleLesson() {
  const seed = useSearch((s) => s.seed);
  const data = useMemo(() => {
    const rng = createRng(deriveSeed(seed, 'scale-lesson'));
    const linear = Array.from({ length: SAMPLES }, () => sampleLinear(rng, 1e-4, 1));
    const logDraws = Array.from({ length: 3 }, () => {
      const r = -4 * rng.next();
      return { r, alpha: 10 ** r };
    });
    const log = Array.from({ length: SAMPLES }, () => sampleLog(rng, 1e-4, 1));
    const betas = Array.from({ length: 5 }, () => sampleOneMinusLog(rng, 0.9, 0.999));
    // One noisy series (a slow wave plus noise), averaged with four β.
    const noisy = Array.from(
      { length: SERIES_LENGTH },
      (_, t) => Math.sin((2 * Math.PI * t) / 1500) + 0.8 * rng.normal(),
    );
    const xs = Array.from({ length: SERIES_LENGTH }, (_, t) => t);
    const curves = SENSITIVITY.map((s) => {
      const { x, y } = downsampleMinMax(xs, ewa(noisy, s.beta), 300);
      return x.map((step, i) => ({ step, value: y[i] }));
    });
    let top = 0;
    for (const c of curves) for (const p of c) top = Math.max(top, Math.abs(p.value));
    const half = Math.ceil(top * 2) / 2;
    const yDomain: [number, number] = [-half, half];
    const yTicks = [-half, -half / 2, 0, half / 2, half];
    return {
      yDomain,
      yTicks,
      linear: decadeHistogram(linear, 1e-4, 1),
      log: decadeHistogram(log, 1e-4, 1),
      logDraws,
      betas,
      curves,
    };
  }, [seed]);

  return (
    <section className="panel search-scale" aria-label="Choosing the scale">
      <h2>Choosing the scale</h2>
      <div className="search-scale-grid">
        <div>
          <h3>α between 10⁻⁴ and 1</h3>
          <p>
            Log scale: draw r = −4 · rand, then α = 10<sup>r</sup>. For instance{' '}
            {data.logDraws.map((d, i) => (
              <span key={d.r}>
                {i > 0 ? '; ' : ''}r = {formatExponent(d.r)} → α = {formatRate(d.alpha)}
              </span>
            ))}
            .
          </p>
          <ScrollBox label="α samples per decade (table)">
            <table className="search-table" aria-label="α samples per decade">
              <thead>
                <tr>
                  <th scope="col">decade</th>
                  <th scope="col">linear ({SAMPLES} samples)</th>
                  <th scope="col">log ({SAMPLES} samples)</th>
                </tr>
              </thead>
              <tbody>
                {data.linear.map((b, i) => (
                  <tr key={b.exponent}>
                    <th scope="row">
                      {formatRate(b.low)} – {formatRate(b.high)}
                    </th>
                    <td>{Math.round(b.fraction * 100)}%</td>
                    <td>{Math.round((data.log[i]?.fraction ?? 0) * 100)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <p className="hint">
            Uniform on [10⁻⁴, 1] spends about 90% of the trials between 0.1 and 1; the log scale gives each
            decade about a quarter.
          </p>
        </div>
        <div>
          <h3>β between 0.9 and 0.999</h3>
          <p>
            Sample 1−β on a log scale: r uniform in [−3, −1], β = 1 − 10<sup>r</sup>. Each β averages over
            about 1/(1−β) steps:
          </p>
          <ul className="search-betas">
            {data.betas.map((b) => (
              <li key={b}>
                β = {b.toFixed(4)} → window ≈ {Math.round(1 / (1 - b))} steps
              </li>
            ))}
          </ul>
          <p>
            0.9 → 0.9005 moves the window from 10 to 10.05 steps; 0.999 → 0.9995 doubles it, from 1000 to
            2000. The chart averages the same noisy series with these four β: the two near 0.9 overlap, the
            two near 0.999 part.
          </p>
          <div className="search-scale-chart" role="img" aria-label="Averages of one noisy series for four β">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart margin={{ top: 6, right: 10, bottom: 6, left: 0 }}>
                <CartesianGrid stroke={PALETTE.grid} />
                <XAxis type="number" dataKey="step" domain={[0, SERIES_LENGTH]} tick={{ fontSize: 11 }} />
                <YAxis
                  type="number"
                  dataKey="value"
                  domain={data.yDomain}
                  ticks={data.yTicks}
                  allowDataOverflow
                  tickFormatter={(v: number) => v.toFixed(1)}
                  tick={{ fontSize: 11 }}
                  width={40}
                />
                {SENSITIVITY.map((s, i) => (
                  <Line
                    key={s.beta}
                    data={data.curves[i]}
                    dataKey="value"
                    type="linear"
                    stroke={s.color}
                    strokeWidth={1.75}
                    strokeDasharray={'dashed' in s ? '5 4' : undefined}
                    dot={false}
                    activeDot={false}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <p className="search-scale-legend">
            {SENSITIVITY.map((s) => (
              <span key={s.beta}>
                <span className="search-swatch" style={{ background: s.color }} aria-hidden="true" /> β ={' '}
                {s.beta} (window {Math.round((1 / (1 - s.beta)) * 100) / 100})
              </span>
            ))}
          </p>
        </div>
      </div>
    </section>
  );
}
