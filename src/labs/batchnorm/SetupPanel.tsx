// The live network: the ready-made scenario, batch norm per layer, keep-the-bias, momentum of the
// running averages, α, and Train / Pause / Step. Every change rebuilds the network from its seed.
import { BatchNormSwitches } from '../../components/BatchNormSwitches';
import { LogSlider } from '../../components/LogSlider';
import { SelectField } from '../../components/SelectField';
import { formatRate, learningRateFromExponent } from '../../ui/format';
import { useLab } from './LabContext';
import { SCENARIOS, type ScenarioId } from './labHash';
import { labStatusText } from './statusText';
import { useBnShortcuts } from './useBnShortcuts';

const READY_MADE: readonly ScenarioId[] = ['three-sigmoid-digits', 'deep-sigmoid-digits'];

const MOMENTUM_OPTIONS = [
  { value: '0.9', label: '0.9 (about the last 10 batches)' },
  { value: '0.99', label: '0.99 (about the last 100)' },
  { value: '0.999', label: '0.999 (about the last 1000)' },
] as const;

export function SetupPanel() {
  // The lab's keys live with its run controls (the panel every scene shows).
  useBnShortcuts();
  const s = useLab((st) => ({
    experiment: st.experiment,
    scenario: st.scenario,
    bnMomentum: st.bnMomentum,
    status: st.status,
    kind: st.kind,
    backend: st.backend,
    seriesVersion: st.seriesVersion,
    series: st.series,
    setBatchNormAll: st.setBatchNormAll,
    setBatchNormLayer: st.setBatchNormLayer,
    setBnMomentum: st.setBnMomentum,
    setExperiment: st.setExperiment,
    loadScenario: st.loadScenario,
    resume: st.resume,
    pause: st.pause,
    stepLive: st.stepLive,
  }));
  const e = s.experiment;
  const step = s.series ? s.series.maxStep() : 0;
  const liveRunning = s.kind === 'live' && s.status === 'running';
  return (
    <section className="bn-panel bn-setup" aria-label="The network">
      <h2>The network</h2>
      <p className="bn-lead">
        {SCENARIOS[s.scenario].title}: {e.dataset}, hidden layers {e.hidden.join('-')}, {e.activation},{' '}
        {e.optimizer.toUpperCase()} at α = {formatRate(e.learningRate)}, mini-batches of {e.miniBatchSize},{' '}
        {e.steps} steps, seed {e.seed}.
      </p>
      <div className="bn-row">
        {READY_MADE.map((id) => (
          <button key={id} type="button" disabled={s.scenario === id} onClick={() => s.loadScenario(id)}>
            Load “{SCENARIOS[id].title}”
          </button>
        ))}
        <span className="hint">
          Three layers train without batch norm for some α; the deep one stays at chance without it.
        </span>
      </div>
      <div className="bn-columns">
        <div>
          <BatchNormSwitches
            hidden={e.hidden}
            batchNorm={e.batchNorm}
            onAll={s.setBatchNormAll}
            onLayer={s.setBatchNormLayer}
          />
        </div>
        <div>
          <LogSlider
            label="Learning rate α"
            value={e.learningRate}
            minExponent={-3}
            maxExponent={1}
            fromExponent={learningRateFromExponent}
            format={(v) => `α = ${formatRate(v)}`}
            onChange={(v) => s.setExperiment({ learningRate: v })}
          />
          <SelectField
            label="Running-average momentum"
            value={String(s.bnMomentum) as '0.9' | '0.99' | '0.999'}
            options={MOMENTUM_OPTIONS}
            onChange={(v) => s.setBnMomentum(Number(v))}
            hint="Weight of the past in the running mean and variance used at test time."
          />
        </div>
      </div>
      <div className="bn-row">
        <button type="button" className="primary" disabled={liveRunning} onClick={() => void s.resume()}>
          Train
        </button>
        <button type="button" disabled={!liveRunning} onClick={() => void s.pause()}>
          Pause
        </button>
        <button type="button" disabled={liveRunning} onClick={() => void s.stepLive(1)}>
          Step
        </button>
        <span className="bn-status">
          <span aria-hidden="true">Status </span>
          <output aria-label="Lab status">{labStatusText(s.kind, s.status, step)}</output>
          <span aria-hidden="true"> · step </span>
          <output aria-label="Lab step">{step}</output>
          {s.backend ? <span> · {s.backend.name}</span> : null}
        </span>
      </div>
    </section>
  );
}
