// Which data to learn, how noisy, and whether the inputs are normalised first.
import { RangeField } from '../components/RangeField';
import { SelectField } from '../components/SelectField';
import { Switch } from '../components/Switch';
import { useAppStore } from '../state/StoreProvider';
import { selectDatasetControls } from '../state/selectors';
import { DATASET_OPTIONS } from './labels';
import { Section } from './Section';

export function DatasetControls() {
  const { dataset, noise, normalizeInputs, setField } = useAppStore(selectDatasetControls);
  const isDigits = dataset === 'digits';
  return (
    <Section title="Data">
      <SelectField
        label="Dataset"
        value={dataset}
        options={DATASET_OPTIONS}
        onChange={(v) => setField('dataset', v)}
      />
      <RangeField
        label="Noise"
        value={noise}
        min={0}
        max={1}
        step={0.05}
        disabled={isDigits}
        hint={isDigits ? 'Digits are real images: no noise to add.' : undefined}
        onChange={(v) => setField('noise', v)}
      />
      <Switch
        label="Normalize inputs"
        checked={normalizeInputs}
        onChange={(on) => setField('normalizeInputs', on)}
      />
    </Section>
  );
}
