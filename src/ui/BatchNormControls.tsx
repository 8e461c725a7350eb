// Batch norm on or off, for all hidden layers at once or layer by layer.
import { Switch } from '../components/Switch';
import { useAppStore } from '../state/StoreProvider';
import { selectBatchNormControls } from '../state/selectors';
import { Section } from './Section';

export function BatchNormControls() {
  const { hidden, batchNorm, setBatchNormAll, setBatchNormLayer } = useAppStore(selectBatchNormControls);
  const flags = hidden.map((_, i) => batchNorm[i] ?? false);
  const all: boolean | 'mixed' = flags.every(Boolean) ? true : flags.some(Boolean) ? 'mixed' : false;
  return (
    <Section title="Batch norm">
      <Switch label="Batch norm" checked={all} onChange={setBatchNormAll} />
      <div className="switch-list">
        {flags.map((on, i) => (
          <Switch
            // biome-ignore lint/suspicious/noArrayIndexKey: a layer is its position
            key={i}
            nested
            label={`Batch norm layer ${i + 1}`}
            checked={on}
            onChange={(v) => setBatchNormLayer(i, v)}
          />
        ))}
      </div>
      <p className="hint">
        Each switched-on layer normalises z with its mini-batch's mean and variance, then learns γ (scale) and{' '}
        <strong>BN β (shift)</strong> — not the β of momentum or Adam.
      </p>
    </Section>
  );
}
