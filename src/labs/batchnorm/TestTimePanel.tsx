// Test time: at evaluation there may be one example, so batch norm uses the running (exponentially
// weighted) averages of μ and σ² instead of the batch's. The dev set in training mode (its own batch
// statistics) vs evaluation mode (running averages), live, the averages beside the batch's numbers,
// and the dev set predicted one example at a time (a mini-batch of 1) each way. Always on a network
// with batch norm: the live network when it has some, else its twin with batch norm on every layer.

import { useState } from 'react';
import { useStore } from 'zustand';
import { NumberField, type ParsedNumber } from '../../components/NumberField';
import { Readout } from '../../components/Readout';
import { ScrollBox } from '../../components/ScrollBox';
import { SelectField } from '../../components/SelectField';
import { AnswerGate } from '../../ui/AnswerGate';
import { formatCost, formatPercent } from '../../ui/format';
import { SERIES } from '../../ui/palette';
import { useAnswerHidden } from '../../ui/sceneHooks';
import { useLab, useLabStore } from './LabContext';
import { Frame, polyline } from './svgCharts';
import { predictOneAtATime, testTimeModel, testTimeResultStore } from './testTimeResult';
import { useInspection } from './useInspection';

export function TestTimePanel() {
  const { frames, twinFrames, hidden, batchNorm, bnMomentum } = useLab((s) => ({
    frames: s.frames,
    twinFrames: s.twinFrames,
    hidden: s.experiment.hidden,
    batchNorm: s.experiment.batchNorm,
    bnMomentum: s.bnMomentum,
  }));
  // Model 0 is the live network, model 1 its twin with batch norm flipped: use the one that has it.
  const liveHasBn = testTimeModel(frames, batchNorm) === 0;
  const model = liveHasBn ? 0 : 1;
  const bnFrames = liveHasBn ? frames : twinFrames;
  const layout = liveHasBn ? hidden.map((_, i) => batchNorm[i] ?? false) : hidden.map(() => true);
  const [layer, setLayer] = useState(Math.max(0, layout.findIndex(Boolean)));
  const l = Math.min(layer, hidden.length - 1);
  const { result: r } = useInspection(l, 0, null, undefined, model);
  const last = bnFrames[bnFrames.length - 1];
  const train = bnFrames.map((f) => ({ x: f.step, y: f.trainModeAccuracy }));
  const evalMode = bnFrames.map((f) => ({ x: f.step, y: f.evalModeAccuracy }));
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
      <p className="bn-lead">
        {liveHasBn
          ? `On this network (batch norm on ${layout.every(Boolean) ? 'every hidden layer' : `layers ${layout.flatMap((on, i) => (on ? [i + 1] : [])).join(', ')}`}).`
          : 'This network has no batch norm, so it has nothing to average: this panel shows its twin, the same network with batch norm on every layer, trained beside it.'}
      </p>
      <div className="bn-readouts">
        <Readout label="Training-mode accuracy" value={last ? formatPercent(last.trainModeAccuracy) : '—'} />
        <Readout label="Evaluation-mode accuracy" value={last ? formatPercent(last.evalModeAccuracy) : '—'} />
        <p className="hint">
          On the dev set{last ? ` at step ${last.step}` : ''}, all of it as one batch. Training mode: the dev
          set normalised with its own mean and variance. Evaluation mode: normalised with the running
          averages.
        </p>
      </div>
      {bnFrames.length > 1 ? (
        <Frame
          xDomain={[bnFrames[0].step, Math.max(bnFrames[0].step + 1, last.step)]}
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
        <ScrollBox label="Running averages and batch statistics (table)">
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
        </ScrollBox>
      ) : (
        <p className="hint">
          {!r
            ? 'No live network to read: press Train or Step above.'
            : 'This layer has no batch norm, so it keeps no running averages.'}
        </p>
      )}
      <OneExample model={model} />
    </section>
  );
}

/** "Predict one example": the dev set as mini-batches of 1, with batch statistics and with the running averages. */
function OneExample({ model }: { model: number }) {
  const store = useLabStore();
  const { runId, kind, status } = useLab((s) => ({ runId: s.runId, kind: s.kind, status: s.status }));
  const { result, busy, error } = useStore(testTimeResultStore);
  // In the test-time scene, why a mini-batch of one fails is the answer: it waits for Reveal too.
  const answerHidden = useAnswerHidden('batchnorm', 'test-time');
  const [example, setExample] = useState(1);
  const [exampleError, setExampleError] = useState<string | null>(null);
  const ready = kind === 'live' && runId !== null && status !== 'starting' && status !== 'idle';
  // A result belongs to the network it was read from: a rebuilt network (or the other one) hides it.
  const shown = result && result.runId === runId && result.model === model ? result.modes : null;
  const one = shown?.oneAtATime ?? null;
  const devSize = one?.labels.length ?? 0;
  const i = Math.min(example, Math.max(1, devSize)) - 1;
  const predict = () => void predictOneAtATime(store.getState());
  const parse = (text: string): ParsedNumber => {
    const v = Number(text);
    const most = devSize || 1;
    if (text.trim() === '' || !Number.isInteger(v) || v < 1 || v > most)
      return { ok: false, message: `Pick a dev example from 1 to ${most}.` };
    return { ok: true, value: v };
  };
  const classes = one ? new Set(one.batchStatisticsPrediction).size : 0;
  return (
    <div className="bn-one-example">
      <h3>Predict one example (a mini-batch of 1)</h3>
      {answerHidden ? (
        <p className="bn-lead">
          Every dev example is predicted alone, normalised with its own mean and variance (the batch
          statistics of a mini-batch of one) and with the running averages, with the network’s weights as they
          are now.
        </p>
      ) : (
        <p className="bn-lead">
          A single example is a mini-batch of one: its mean μ_B is the example itself and σ²_B is 0, so z −
          μ_B = 0 in every unit and batch norm outputs β whatever the input. Every example then gets the same
          answer. The running averages do not depend on the batch, so one example at a time works. Below,
          every dev example is predicted alone, both ways, with the network’s weights as they are now.
        </p>
      )}
      <div className="bn-row">
        <button type="button" disabled={!ready || busy} onClick={predict}>
          Predict the dev set one example at a time
        </button>
        {shown ? <span className="hint">at step {shown.step}</span> : null}
        {error ? (
          <span className="field-message" role="alert">
            {error}
          </span>
        ) : null}
      </div>
      <AnswerGate lab="batchnorm" scene="test-time" what="The one-example result">
        {one ? (
          <>
            <div className="bn-readouts">
              <Readout
                label="One example at a time: batch statistics"
                value={formatPercent(one.batchStatisticsAccuracy)}
              />
              <Readout
                label="One example at a time: running averages"
                value={formatPercent(one.runningAveragesAccuracy)}
              />
              <Readout label="Classes predicted with batch statistics" value={String(classes)} />
            </div>
            <p className="bn-measured">
              With batch statistics the {devSize} dev examples got{' '}
              {classes === 1 ? 'one answer' : `${classes} answers`}
              {classes === 1 ? ` (class ${one.batchStatisticsPrediction[0]} for all)` : ''}: the accuracy is
              that class’s share of the dev set. With the running averages: the accuracy evaluation mode gives
              the whole dev set at once ({formatPercent(shown!.evalModeAccuracy)}).
            </p>
            <NumberField
              label="Dev example"
              value={example}
              parse={parse}
              onCommit={setExample}
              error={exampleError}
              onError={setExampleError}
              step={1}
              hint={`1 to ${devSize}`}
            />
            <div className="bn-readouts">
              <Readout label="Chosen example: its class" value={String(one.labels[i])} />
              <Readout
                label="Chosen example: batch statistics"
                value={`class ${one.batchStatisticsPrediction[i]} (p = ${formatPercent(one.batchStatisticsConfidence[i])})`}
              />
              <Readout
                label="Chosen example: running averages"
                value={`class ${one.runningAveragesPrediction[i]} (p = ${formatPercent(one.runningAveragesConfidence[i])})`}
              />
            </div>
          </>
        ) : null}
      </AnswerGate>
    </div>
  );
}
