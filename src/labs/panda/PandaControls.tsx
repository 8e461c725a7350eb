// The babysitter's hands: nudge α, the momentum term, the mini-batch size and the decay; train the
// next day; pause; roll back to a chosen day. Changes apply from the model's next step.
import { useState } from 'react';
import { LogSlider } from '../../components/LogSlider';
import { NumberField } from '../../components/NumberField';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { Switch } from '../../components/Switch';
import type { DecayKind } from '../../core/config';
import { momentumKey } from '../../core/panda/changes';
import { parseNumber, RULES } from '../../state/validation';
import { formatRate, learningRateFromExponent } from '../../ui/format';
import { SaveButton } from '../../ui/SaveButton';
import { treeRecord } from './savedTree';
import { usePanda, usePandaStore } from './usePanda';

const DAY_LENGTHS = [100, 150, 200];
const BATCHES = [16, 32, 64, 128, 256];
const MOMENTA = [0.5, 0.8, 0.9, 0.95, 0.99];
const DECAYS: readonly { value: DecayKind; label: string }[] = [
  { value: 'none', label: 'none' },
  { value: 'inverse', label: 'inverse: α0 / (1 + rate · epoch)' },
  { value: 'exponential', label: 'exponential: rate^epoch · α0' },
  { value: 'step', label: 'step' },
];

function withValue(list: readonly number[], v: number): number[] {
  return list.includes(v) ? [...list] : [...list, v].sort((a, b) => a - b);
}

export function PandaControls() {
  const store = usePandaStore();
  // The seed's typed-text problem belongs to this lab alone (it must not block the playground's Train).
  const [seedError, setSeedError] = useState<string | null>(null);
  const s = usePanda((x) => ({
    hyper: x.hyper,
    optimizer: x.link.experiment.optimizer,
    seed: x.link.experiment.seed,
    dayLength: x.link.dayLength,
    phase: x.phase,
    autoContinue: x.autoContinue,
    teacherPlaying: x.teacherPlaying,
    hasDays: x.tree.days.length > 1,
    nudge: x.nudge,
    nextDay: x.nextDay,
    pause: x.pause,
    rollBack: x.rollBack,
    resetPanda: x.resetPanda,
    setDayLength: x.setDayLength,
    setSeed: x.setSeed,
    setAutoContinue: x.setAutoContinue,
  }));
  const mKey = momentumKey(s.optimizer);
  const training = s.phase === 'training' || s.phase === 'starting';
  const busy = s.teacherPlaying;
  const lr = s.hyper.learningRate;
  const setLr = (v: number) => s.nudge({ learningRate: Number(v.toPrecision(3)) });
  return (
    <section className="panel panda-controls" aria-label="Babysitting controls">
      <h3>Babysit</h3>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={training || s.phase === 'diverged' || busy}
          onClick={() => void s.nextDay()}
        >
          Next day
        </button>
        <button type="button" disabled={!training || busy} onClick={s.pause}>
          Pause
        </button>
        <button
          type="button"
          disabled={!s.hasDays || s.phase === 'starting' || busy}
          onClick={() => void s.rollBack()}
        >
          Roll back
        </button>
        <button type="button" disabled={s.phase === 'idle' || busy} onClick={() => void s.resetPanda()}>
          Start over
        </button>
        <SaveButton
          build={() => treeRecord(store.getState())}
          disabled={!s.hasDays || training || busy}
          what="a day"
        />
      </div>
      <Switch
        label="Auto-continue (no pause at the end of a day)"
        checked={s.autoContinue}
        onChange={s.setAutoContinue}
      />
      {s.phase === 'diverged' ? (
        <p className="panda-warning" role="status">
          The cost blew up and the model diverged. Pick a day and press <strong>Roll back</strong>.
        </p>
      ) : null}
      <LogSlider
        label="Learning rate α"
        value={lr}
        minExponent={-5}
        maxExponent={1}
        onChange={(v) => s.nudge({ learningRate: v })}
        fromExponent={learningRateFromExponent}
        format={(v) => `α = ${formatRate(v)}`}
      />
      <div className="button-row panda-nudges">
        <button type="button" disabled={busy} onClick={() => setLr(lr / 2)}>
          Lower α ÷2
        </button>
        <button type="button" disabled={busy} onClick={() => setLr(Math.min(10, lr * 2))}>
          Raise α ×2
        </button>
      </div>
      {mKey ? (
        <SelectField
          label={mKey === 'adamBeta1' ? 'Momentum β1 (Adam)' : 'Momentum β'}
          value={String(s.hyper[mKey])}
          options={withValue(MOMENTA, s.hyper[mKey]).map((v) => ({ value: String(v), label: String(v) }))}
          onChange={(v) => s.nudge({ [mKey]: Number(v) })}
        />
      ) : null}
      <SelectField
        label="Mini-batch size"
        value={String(s.hyper.miniBatchSize)}
        options={withValue(BATCHES, s.hyper.miniBatchSize).map((v) => ({
          value: String(v),
          label: String(v),
        }))}
        onChange={(v) => s.nudge({ miniBatchSize: Number(v) })}
      />
      <SelectField
        label="Learning-rate decay"
        value={s.hyper.learningRateDecay}
        options={DECAYS}
        onChange={(v) => s.nudge({ learningRateDecay: v })}
      />
      <RadioGroup
        label="Day length (steps)"
        value={String(s.dayLength)}
        options={withValue(DAY_LENGTHS, s.dayLength).map((v) => ({ value: String(v), label: String(v) }))}
        onChange={(v) => s.setDayLength(Number(v))}
      />
      <NumberField
        label="Seed"
        value={s.seed}
        parse={(text) => parseNumber(text, RULES.seed)}
        error={seedError}
        onError={setSeedError}
        onCommit={s.setSeed}
        disabled={s.phase !== 'idle'}
        hint={s.phase !== 'idle' ? 'Start over to change the seed.' : undefined}
      />
    </section>
  );
}
