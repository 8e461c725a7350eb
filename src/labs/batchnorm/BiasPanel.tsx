// The bias made redundant: with batch norm, z = a·W + b has its mean subtracted, so b cancels. With
// "Keep the bias b" the network trains a b anyway; the engine reports dJ/db (zero up to float32
// rounding) and how far the outputs move when b moves, which biasRounding.ts compares with the
// rounding this layer's own numbers allow.
import { useState } from 'react';
import { RangeField } from '../../components/RangeField';
import { Switch } from '../../components/Switch';
import { formatCost } from '../../ui/format';
import { biasRounding, ROUNDING_HEADROOM } from './biasRounding';
import { useLab } from './LabContext';
import { useInspection } from './useInspection';

export function BiasPanel() {
  const { keepBias, batchNorm, setKeepBias } = useLab((s) => ({
    keepBias: s.keepBias,
    batchNorm: s.experiment.batchNorm,
    setKeepBias: s.setKeepBias,
  }));
  const layer = Math.max(0, batchNorm.findIndex(Boolean));
  const [shift, setShift] = useState(2);
  const { result: r } = useInspection(layer, 0, 1, shift);
  const maxGrad = r?.biasGradient ? Math.max(...Array.from(r.biasGradient, Math.abs)) : Number.NaN;
  const bn = batchNorm[layer] ?? false;
  const rounding = r?.hasBias && r.outputChange !== null ? biasRounding(r, shift, r.outputChange) : null;
  return (
    <section className="bn-panel" aria-label="The bias made redundant">
      <h2>The bias made redundant</h2>
      <p className="bn-lead">
        Batch norm subtracts the mini-batch mean of z, so adding the same b to every example changes nothing:
        β takes over the job of the shift. A layer with batch norm therefore keeps no b. Switch on “Keep the
        bias b” to train one anyway in hidden layer {layer + 1}, and look at its gradient.
      </p>
      <Switch label="Keep the bias b" checked={keepBias} onChange={setKeepBias} />
      {!bn ? <p className="hint">Turn batch norm on for at least one layer to see this.</p> : null}
      {bn && keepBias && r?.hasBias ? (
        <>
          <RangeField label="Move b by" value={shift} min={-5} max={5} step={0.5} onChange={setShift} />
          <dl className="bn-facts">
            <dt>largest |dJ/db| over the layer’s units</dt>
            <dd>
              <output aria-label="Largest bias gradient">{formatCost(maxGrad)}</output>
            </dd>
            <dt>‖dJ/dW‖ of the same layer, for scale</dt>
            <dd>
              <output aria-label="Weight gradient norm">{formatCost(r.weightGradientNorm)}</output>
            </dd>
            <dt>largest change of any output (logit) when every b moves by {shift}</dt>
            <dd>
              <output aria-label="Largest output change">{formatCost(r.outputChange ?? Number.NaN)}</output>
            </dd>
            <dt>b after {r.step} steps (started at 0)</dt>
            <dd>{r.bias ? formatCost(Math.max(...Array.from(r.bias, Math.abs))) : '—'} (largest |b|)</dd>
          </dl>
          {rounding ? (
            <p className="hint" data-testid="bias-rounding">
              In exact arithmetic both are exactly zero. Float32 keeps about 7 digits, so moving b by {shift}{' '}
              alone can shift this layer’s normalised values by up to about{' '}
              <output aria-label="Rounding in this layer">{formatCost(rounding.layerRounding)}</output> (from
              its z, σ and γ), and each later layer adds rounding of its own. The outputs moved by{' '}
              {formatCost(r?.outputChange ?? Number.NaN)}, {rounding.ratio.toFixed(1)} times that:{' '}
              <output aria-label="Verdict on the output change">
                {rounding.isRounding
                  ? `within ${ROUNDING_HEADROOM}× of it, so rounding`
                  : `more than ${ROUNDING_HEADROOM}× of it, so not rounding alone`}
              </output>
              .
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
