// Batch norm on or off, for all hidden layers at once or layer by layer.
import { BatchNormSwitches } from '../components/BatchNormSwitches';
import { useAppStore } from '../state/StoreProvider';
import { selectBatchNormControls } from '../state/selectors';
import { Section } from './Section';

export function BatchNormControls() {
  const switches = useAppStore(selectBatchNormControls);
  return (
    <Section title="Batch norm">
      <BatchNormSwitches {...switches} />
      <p className="hint">
        Each switched-on layer normalises z with its mini-batch's mean and variance, then learns γ (scale) and{' '}
        <strong>BN β (shift)</strong> — not the β of momentum or Adam.
      </p>
    </Section>
  );
}
