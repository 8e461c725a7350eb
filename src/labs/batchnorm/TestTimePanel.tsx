// Test time: at evaluation there may be one example, so batch norm uses the running (exponentially
// weighted) averages of μ and σ² instead of the batch's. The dev set in training mode (its own batch
// statistics) vs evaluation mode (running averages), live, and the averages beside the batch's numbers.
import { useState } from 'react';
import { Readout } from '../../components/Readout';
import { SelectField } from '../../components/SelectField';
import { formatCost, formatPercent } from '../../ui/format';
import { SERIES } from '../../ui/palette';
import { useLab } from './LabContext';
import { Frame, polyline } from './svgCharts';
import { useInspection } from './useInspection';

export function TestTimePanel() {
  const { frames, hidden, batchNorm, bnMomentum } = useLab((s) => ({
    frames: s.frames,
    hidden: s.experiment.hidden,
    batchNorm: s.experiment.batchNorm,
    bnMomentum: s.bnMomentum,
  }));
  const [layer, setLayer] = useState(Math.max(0, batchNorm.findIndex(Boolean)));
  const l = Math.min(layer, hidden.length - 1);
  const { result: r } = useInspection(l, 0, null);
  const last = frames[frames.length - 1];
  const train = frames.map((f) => ({ x: f.step, y: f.trainModeAccuracy }));
  const evalMode = frames.map((f) => ({ x: f.step, y: f.evalModeAccuracy }));
  const units = r?.layerRunningMean ? Math.min(6, r.layerMean.length) : 0;
  return (
    <section className="bn-panel" aria-label="Test time">
      <h2>Test time: running averages</h2>
      <p className="bn-lead">
        While training, each step also updates running averages: μ_run := m·μ_run + (1 − m)·μ_B, and the same
        for σ² (m = {bnMomentum}, about the last {Math.round(1 / (1 - bnMomentum))} mini-batches). At test
        time the network normalises with these instead of a batch’s own statistics. Early in training the
        averages still remember the first, very different batches, so the two modes disagree.
      </p>
      <div className="bn-readouts">
        <Readout label="Training-mode accuracy" value={last ? formatPercent(last.trainModeAccuracy) : '—'} />
        <Readout label="Evaluation-mode accuracy" value={last ? formatPercent(last.evalModeAccuracy) : '—'} />
        <p className="hint">
          On the dev set{last ? ` at step ${last.step}` : ''}. Training mode: the dev set normalised with its
          own mean and variance (one batch). Evaluation mode: normalised with the running averages.
        </p>
      </div>
      {frames.length > 1 ? (
        <Frame
          xDomain={[frames[0].step, Math.max(frames[0].step + 1, last.step)]}
          yDomain={[0, 1]}
          label="Training-mode and evaluation-mode dev accuracy over steps"
          xLabel="step"
          yLabel="dev accuracy"
        >
          {(sx, sy) => (
            <>
              <polyline points={polyline(train, sx, sy)} fill="none" stroke={SERIES[0]} strokeWidth={2} />
              <polyline
                points={polyline(evalMode, sx, sy)}
                fill="none"
                stroke={SERIES[1]}
                strokeWidth={2}
                strokeDasharray="6 4"
              />
            </>
          )}
        </Frame>
      ) : null}
      <p className="hint">Solid blue: training mode. Dashed orange: evaluation mode.</p>
      <SelectField
        label="Layer for the running averages"
        value={String(l)}
        options={hidden.map((_, i) => ({ value: String(i), label: `hidden layer ${i + 1}` }))}
        onChange={(v) => setLayer(Number(v))}
      />
      {r && units > 0 ? (
        <table className="bn-table" aria-label="Running averages and batch statistics">
          <thead>
            <tr>
              <th>unit</th>
              <th>μ_B (next mini-batch)</th>
              <th>running μ</th>
              <th>σ²_B</th>
              <th>running σ²</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: units }, (_, u) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a unit is its position
              <tr key={u}>
                <td>{u + 1}</td>
                <td>{formatCost(r.layerMean[u])}</td>
                <td>{formatCost(r.layerRunningMean![u])}</td>
                <td>{formatCost(r.layerVariance[u])}</td>
                <td>{formatCost(r.layerRunningVariance![u])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="hint">This layer has no batch norm, so it keeps no running averages.</p>
      )}
    </section>
  );
}
