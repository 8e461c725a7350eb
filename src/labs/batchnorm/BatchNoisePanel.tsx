// Mini-batch statistics are noisy: μ_B and σ²_B of one unit's z over successive mini-batches, for
// sizes 8 … 512, measured by the engine with the network's current weights.

import { useState } from 'react';
import { ScrollBox } from '../../components/ScrollBox';
import { SelectField } from '../../components/SelectField';
import type { BatchStatisticsResult } from '../../core/inspection';
import { formatCost } from '../../ui/format';
import { SERIES } from '../../ui/palette';
import { useLab } from './LabContext';
import { Frame } from './svgCharts';

const SIZES = [8, 16, 32, 64, 128, 256, 512];
const BATCHES = 20;

function spread(values: ArrayLike<number>): number {
  const xs = Array.from(values);
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
}

export function BatchNoisePanel() {
  const { hidden, runId, kind, request } = useLab((s) => ({
    hidden: s.experiment.hidden,
    runId: s.runId,
    kind: s.kind,
    request: s.request,
  }));
  const [layer, setLayer] = useState(0);
  const [seed, setSeed] = useState(1);
  const [result, setResult] = useState<BatchStatisticsResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const l = Math.min(layer, hidden.length - 1);
  const measure = () => {
    if (runId === null || kind !== 'live') {
      setError('Build the network first (Train or Step above).');
      return;
    }
    request({
      type: 'batchStatistics',
      runId,
      model: 0,
      layer: l,
      unit: 0,
      sizes: SIZES,
      batches: BATCHES,
      seed,
    })
      .then((r) => {
        setResult(r);
        setError(null);
        setSeed((k) => k + 1);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const chart = (which: 'mean' | 'variance', label: string) => {
    if (!result) return null;
    const values = Array.from(result[which]);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const pad = 0.05 * (hi - lo || 1);
    return (
      <Frame
        width={360}
        height={200}
        xDomain={[6, 700]}
        yDomain={[lo - pad, hi + pad]}
        xLog
        label={label}
        xLabel="mini-batch size (log scale)"
        yLabel={which === 'mean' ? 'μ_B' : 'σ²_B'}
      >
        {(sx, sy) =>
          result.sizes.flatMap((size, k) =>
            values.slice(k * result.batches, (k + 1) * result.batches).map((v, i) => (
              <circle
                // biome-ignore lint/suspicious/noArrayIndexKey: a batch is its position
                key={`${size}-${i}`}
                cx={sx(size * (1 + (i - result.batches / 2) * 0.006))}
                cy={sy(v)}
                r={2.4}
                fill={which === 'mean' ? SERIES[0] : SERIES[1]}
                fillOpacity={0.55}
              />
            )),
          )
        }
      </Frame>
    );
  };
  return (
    <section className="bn-panel" aria-label="Mini-batch statistics">
      <h2>Mini-batch statistics are noisy</h2>
      <p className="bn-lead">
        Batch norm normalises with the mean and variance of the current mini-batch, not of the whole training
        set. Here are μ_B and σ²_B of unit 1’s z in the chosen layer on {BATCHES} successive mini-batches of
        each size, with the network’s current weights: the smaller the batch, the noisier the statistics (and
        the more noise batch norm adds to training).
      </p>
      <div className="bn-row">
        <SelectField
          label="Layer for the statistics"
          value={String(l)}
          options={hidden.map((_, i) => ({ value: String(i), label: `hidden layer ${i + 1}` }))}
          onChange={(v) => setLayer(Number(v))}
        />
        <button type="button" onClick={measure}>
          Measure mini-batch statistics
        </button>
      </div>
      {error ? <p className="field-message">{error}</p> : null}
      {result ? (
        <>
          <div className="bn-columns">
            {chart('mean', 'Mini-batch means by batch size')}
            {chart('variance', 'Mini-batch variances by batch size')}
          </div>
          <ScrollBox label="Spread of the mini-batch statistics (table)">
            <table className="bn-table" aria-label="Spread of the mini-batch statistics">
              <thead>
                <tr>
                  <th>batch size</th>
                  {result.sizes.map((s) => (
                    <th key={s}>{s}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th>std of μ_B</th>
                  {result.sizes.map((s, k) => (
                    <td key={s}>
                      {formatCost(spread(result.mean.subarray(k * result.batches, (k + 1) * result.batches)))}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th>std of σ²_B</th>
                  {result.sizes.map((s, k) => (
                    <td key={s}>
                      {formatCost(
                        spread(result.variance.subarray(k * result.batches, (k + 1) * result.batches)),
                      )}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </ScrollBox>
        </>
      ) : null}
    </section>
  );
}
