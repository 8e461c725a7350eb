// Batch norm on real numbers: one unit of one hidden layer of the live network over one mini-batch.
// z comes from the engine; the page applies z_norm = (z − μ)/sqrt(σ² + ε), z̃ = γ·z_norm + β with the
// learner's γ, β and ε, beside what the network itself computed with its learned γ and β.

import { useState } from 'react';
import { RangeField } from '../../components/RangeField';
import { ScrollBox } from '../../components/ScrollBox';
import { SelectField } from '../../components/SelectField';
import { batchNormUnit, identityParameters } from '../../core/batchNormMath';
import { formatCost } from '../../ui/format';
import { useLab } from './LabContext';
import { useInspection } from './useInspection';

const SHOWN_ROWS = 10;
const EPS_OPTIONS = [
  { value: '1e-8', label: '1e-8' },
  { value: '0.00001', label: '1e-5' },
  { value: '0.001', label: '1e-3 (the network’s)' },
  { value: '0.1', label: '0.1' },
  { value: '1', label: '1' },
] as const;

const f = (v: number) => formatCost(v);

export function StepByStepPanel() {
  const hidden = useLab((s) => s.experiment.hidden);
  const [layer, setLayer] = useState(0);
  const [unit, setUnit] = useState(0);
  const [seed, setSeed] = useState(1);
  const l = Math.min(layer, hidden.length - 1);
  const u = Math.min(unit, hidden[l] - 1);
  const { result: r, error, live } = useInspection(l, u, seed);
  const [own, setOwn] = useState<{ gamma: number; beta: number } | null>(null);
  const [eps, setEps] = useState('0.001');
  const epsilon = Number(eps);

  const gamma = own?.gamma ?? r?.bnGamma ?? 1;
  const beta = own?.beta ?? r?.bnBeta ?? 0;
  const z = r ? Array.from(r.z) : [];
  const mine = z.length ? batchNormUnit(z, gamma, beta, epsilon) : null;
  const id = z.length ? identityParameters(z, epsilon) : null;
  const gap = mine ? Math.max(...mine.zTilde.map((v, i) => Math.abs(v - z[i]))) : Number.NaN;
  const gammaMax = Math.max(3, Math.ceil(1.5 * (id?.bnGamma ?? 1)));
  const betaMax = Math.max(3, Math.ceil(1.5 * Math.abs(id?.bnBeta ?? 0) + 1));

  return (
    <section className="bn-panel" aria-label="Batch norm step by step">
      <h2>Batch norm step by step</h2>
      <p className="bn-lead">
        Pick a hidden layer, a unit and a mini-batch of the network above. The z values are what the network
        computed (z = a·W, before batch norm); the rest is the four batch-norm equations on those numbers.
      </p>
      <div className="bn-row">
        <SelectField
          label="Layer"
          value={String(l)}
          options={hidden.map((_, i) => ({ value: String(i), label: `hidden layer ${i + 1}` }))}
          onChange={(v) => setLayer(Number(v))}
        />
        <SelectField
          label="Unit"
          value={String(u)}
          options={Array.from({ length: hidden[l] }, (_, i) => ({
            value: String(i),
            label: `unit ${i + 1}`,
          }))}
          onChange={(v) => setUnit(Number(v))}
        />
        <button type="button" onClick={() => setSeed((k) => k + 1)}>
          New mini-batch
        </button>
      </div>
      {!live ? (
        <p className="hint">
          Press Train or Step above to build the network (the comparison and sweep use the worker too).
        </p>
      ) : null}
      {error ? <p className="field-message">{error}</p> : null}
      {r && mine ? (
        <>
          <p>
            Step {r.step}, mini-batch #{seed} of m = {z.length} examples.{' '}
            {r.batchNorm
              ? 'This layer has batch norm in the network.'
              : 'This layer has no batch norm in the network: the normalisation below is what it would do.'}
          </p>
          <div className="bn-equations">
            <div>
              μ = (1/m) Σ z<sup>(i)</sup> = <output aria-label="mu">{f(r.mean)}</output>
            </div>
            <div>
              σ² = (1/m) Σ (z<sup>(i)</sup> − μ)² ={' '}
              <output aria-label="sigma squared">{f(r.variance)}</output>
            </div>
            <div>
              z<sub>norm</sub> = (z − μ) / sqrt(σ² + ε), ε = <output aria-label="epsilon">{eps}</output>
            </div>
            <div>
              z̃ = γ · z<sub>norm</sub> + β, γ = <output aria-label="gamma value">{f(gamma)}</output>, β ={' '}
              <output aria-label="beta value">{f(beta)}</output>
            </div>
          </div>
          <div className="bn-columns">
            <div>
              <RangeField
                label="gamma"
                value={gamma}
                min={0}
                max={gammaMax}
                step={0.001}
                onChange={(v) => setOwn({ gamma: v, beta })}
              />
              <RangeField
                label="beta"
                value={beta}
                min={-betaMax}
                max={betaMax}
                step={0.001}
                onChange={(v) => setOwn({ gamma, beta: v })}
                hint="Batch norm’s β: a learned shift of z̃. Not the β of momentum, nor Adam’s β1 and β2."
              />
              <SelectField
                label="epsilon (ε)"
                value={eps as (typeof EPS_OPTIONS)[number]['value']}
                options={EPS_OPTIONS}
                onChange={setEps}
              />
              <div className="bn-row">
                <button type="button" onClick={() => id && setOwn({ gamma: id.bnGamma, beta: id.bnBeta })}>
                  Set identity
                </button>
                <button type="button" onClick={() => setOwn(null)} disabled={r.bnGamma === null}>
                  Use learned γ, β
                </button>
              </div>
              <p>
                Learned by the network: γ = {r.bnGamma === null ? '— (no batch norm)' : f(r.bnGamma)}, β ={' '}
                {r.bnBeta === null ? '—' : f(r.bnBeta)}. Identity needs γ = sqrt(σ² + ε) ={' '}
                {id ? f(id.bnGamma) : '—'}, β = μ = {id ? f(id.bnBeta) : '—'}.
              </p>
              <p className="bn-identity">
                <span aria-hidden="true">Largest |z̃ − z| over the batch: </span>
                <output aria-label="Largest difference between z tilde and z">{f(gap)}</output>
                {gap < 1e-5 ? (
                  <strong className="bn-ok"> — z̃ = z: batch norm computes the identity.</strong>
                ) : null}
              </p>
            </div>
            <ScrollBox label="Mini-batch values (table)">
              <table className="bn-table" aria-label="Mini-batch values">
                <thead>
                  <tr>
                    <th>i</th>
                    <th>z</th>
                    <th>z_norm</th>
                    <th>z̃ (your γ, β)</th>
                    <th>z̃ (network)</th>
                    <th>a (network)</th>
                  </tr>
                </thead>
                <tbody>
                  {z.slice(0, SHOWN_ROWS).map((v, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: an example is its position in the batch
                    <tr key={i}>
                      <td>{i + 1}</td>
                      <td>{f(v)}</td>
                      <td>{f(mine.zNorm[i])}</td>
                      <td>{f(mine.zTilde[i])}</td>
                      <td>{f(r.zTilde[i])}</td>
                      <td>{f(r.a[i])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </div>
          {z.length > SHOWN_ROWS ? (
            <p className="hint">
              First {SHOWN_ROWS} of {z.length} examples shown; μ, σ² and the largest gap use all of them.
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
