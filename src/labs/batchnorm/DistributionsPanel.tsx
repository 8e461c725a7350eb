// Batch norm inside the network, live: for each hidden layer, the 15th/50th/85th percentiles of z
// (before batch norm), z̃ (what the activation receives) or a over training, on a fixed probe batch of
// training examples, plus the histogram of the latest frame, for the network without batch norm and
// the one with it side by side on shared axes (the live network and its twin, same seed); and γ, β of
// a few units evolving.
import { useRef, useState } from 'react';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { PROBE_QUANTITIES, type ProbeFrame } from '../../core/inspection';
import { ChartExport } from '../../ui/ChartExport';
import { formatCost } from '../../ui/format';
import { SERIES } from '../../ui/palette';
import { useLab } from './LabContext';
import { PROBE_SIZE } from './labStore';
import { bandAxes, histogramAxes, histogramBins } from './sharedAxes';
import { BandChart, Frame, Histogram, polyline } from './svgCharts';

type Quantity = (typeof PROBE_QUANTITIES)[number];
const QUANTITY_OPTIONS = [
  { value: 'z', label: 'z (before batch norm)' },
  { value: 'zTilde', label: 'z̃ (into the activation)' },
  { value: 'a', label: 'a (activation)' },
] as const;
const COLORS: Record<Quantity, string> = { z: SERIES[0], zTilde: SERIES[3], a: SERIES[2] };
const UNIT_COLORS = SERIES;
const SIDES = ['without', 'with'] as const;
type Side = (typeof SIDES)[number];

function percentilesText(frame: ProbeFrame | undefined, k: number): string {
  if (!frame) return '—';
  const p = frame.percentiles;
  return `15%: ${formatCost(p[k])}, 50%: ${formatCost(p[k + 1])}, 85%: ${formatCost(p[k + 2])}`;
}

export function DistributionsPanel() {
  const { frames, twinFrames, hidden, batchNorm } = useLab((s) => ({
    frames: s.frames,
    twinFrames: s.twinFrames,
    hidden: s.experiment.hidden,
    batchNorm: s.experiment.batchNorm,
  }));
  // The sigmoid's input, as in the batch-norm paper's figure.
  const [quantity, setQuantity] = useState<Quantity>('zTilde');
  const layersRef = useRef<HTMLDivElement>(null);
  const q = PROBE_QUANTITIES.indexOf(quantity);
  const last = frames[frames.length - 1];
  // The live network is model 0 and its twin (batch norm flipped) model 1: one of them has none.
  const liveHasBn = last ? last.batchNorm.some(Boolean) : batchNorm.some(Boolean);
  const runs: Record<Side, ProbeFrame[]> = liveHasBn
    ? { without: twinFrames, with: frames }
    : { without: frames, with: twinFrames };
  const latest = (side: Side) => runs[side][runs[side].length - 1];
  const layers = last ? last.hidden.length : hidden.length;
  return (
    <section className="bn-panel" aria-label="Distributions per layer">
      <h2>Inside the network, live</h2>
      <p className="bn-lead">
        Each layer’s values on a fixed batch of {PROBE_SIZE} training examples, pooled over the layer’s units,
        for this network and its twin: the same weights at the start and the same mini-batches, one with batch
        norm and one without, trained together. The band spans the 15th to 85th percentile and the line is the
        median, as in the figure of the original batch-norm paper; the histogram is the latest frame. Each
        layer’s two plots share their axes, so the spread and the drift compare at a glance.
      </p>
      <RadioGroup label="Show" value={quantity} options={QUANTITY_OPTIONS} onChange={setQuantity} />
      {!last ? <p className="hint">No frames yet: press Train.</p> : null}
      <div className="chart-export-row">
        <ChartExport name="Distributions" target={layersRef} fileName={`distributions-${quantity}`} />
      </div>
      <div className="bn-layers" ref={layersRef}>
        {Array.from({ length: layers }, (_, l) => {
          const k = (l * 3 + q) * 3;
          const axes = bandAxes([runs.without, runs.with], l, q);
          const hist = histogramAxes([latest('without'), latest('with')], l, q);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a layer is its position
            <div key={l} className="bn-layer-pair">
              {SIDES.map((side) => {
                const f = latest(side);
                const name = `Layer ${l + 1} ${side} batch norm`;
                const own = f ? f.batchNorm[l] : side === 'with';
                return (
                  <figure key={side} className="bn-layer" aria-label={`${name} distribution`}>
                    <figcaption>
                      <strong>
                        Layer {l + 1}, {side} batch norm
                      </strong>
                      {side === 'with' && !own ? ' (none in this layer)' : ''} —{' '}
                      <output aria-label={`${name} percentiles`}>{percentilesText(f, k)}</output>
                    </figcaption>
                    <BandChart
                      bands={runs[side].map((fr) => ({
                        x: fr.step,
                        lo: fr.percentiles[k],
                        mid: fr.percentiles[k + 1],
                        hi: fr.percentiles[k + 2],
                      }))}
                      label={`${name} percentile bands over steps`}
                      color={COLORS[quantity]}
                      steps={axes.steps}
                      values={axes.values}
                    />
                    <Histogram
                      bins={f ? histogramBins(f, l, q) : []}
                      label={`${name} histogram`}
                      color={COLORS[quantity]}
                      values={hist.values}
                      maxDensity={hist.maxDensity}
                    />
                  </figure>
                );
              })}
            </div>
          );
        })}
      </div>
      <p className="hint">
        Top: percentiles against the step. Bottom: how the values spread now (height: share of the values per
        unit of value, so a narrow spread stands tall).
      </p>
      <GammaBeta />
    </section>
  );
}

function GammaBeta() {
  const frames = useLab((s) => s.frames);
  const [layer, setLayer] = useState(0);
  const last = frames[frames.length - 1];
  if (!last) return null;
  const l = Math.min(layer, last.hidden.length - 1);
  const offset = last.hidden.slice(0, l).reduce((a, b) => a + b, 0);
  const units = Math.min(4, last.hidden[l]);
  const has = last.batchNorm[l];
  const series = (which: 'bnGamma' | 'bnBeta', u: number) =>
    frames.map((fr) => ({ x: fr.step, y: fr[which][offset + u] }));
  const all = has
    ? Array.from({ length: units }, (_, u) => [...series('bnGamma', u), ...series('bnBeta', u)]).flat()
    : [];
  const ys = all.map((p) => p.y).filter(Number.isFinite);
  const yDomain: [number, number] = ys.length
    ? [Math.min(...ys, 0) - 0.05, Math.max(...ys, 1) + 0.05]
    : [0, 1];
  const xDomain: [number, number] = [frames[0].step, Math.max(frames[0].step + 1, last.step)];
  return (
    <div className="bn-gamma-beta">
      <h3>γ and β (batch norm’s shift, not momentum’s β) of the first {units} units</h3>
      <SelectField
        label="Layer for γ and β"
        value={String(l)}
        options={last.hidden.map((_, i) => ({ value: String(i), label: `hidden layer ${i + 1}` }))}
        onChange={(v) => setLayer(Number(v))}
      />
      {has ? (
        <Frame
          xDomain={xDomain}
          yDomain={yDomain}
          label="gamma and beta over steps"
          xLabel="step"
          yLabel="value"
        >
          {(sx, sy) =>
            Array.from({ length: units }, (_, u) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a unit is its position
              <g key={u}>
                <polyline
                  points={polyline(series('bnGamma', u), sx, sy)}
                  fill="none"
                  stroke={UNIT_COLORS[u]}
                  strokeWidth={1.8}
                />
                <polyline
                  points={polyline(series('bnBeta', u), sx, sy)}
                  fill="none"
                  stroke={UNIT_COLORS[u]}
                  strokeWidth={1.4}
                  strokeDasharray="5 3"
                />
              </g>
            ))
          }
        </Frame>
      ) : (
        <p className="hint">Layer {l + 1} has no batch norm, so no γ and β.</p>
      )}
      <p className="hint">Solid: γ (starts at 1). Dashed: β (starts at 0). One colour per unit.</p>
    </div>
  );
}
