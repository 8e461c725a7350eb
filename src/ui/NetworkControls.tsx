// The network's shape and how its weights start.
import { SelectField } from '../components/SelectField';
import { useAppStore } from '../state/StoreProvider';
import { selectNetworkControls } from '../state/selectors';
import { RULES } from '../state/validation';
import { HiddenLayersEditor } from './HiddenLayersEditor';
import { ACTIVATION_OPTIONS, INIT_OPTIONS } from './labels';
import { NumberField } from './NumberField';
import { Section } from './Section';
import { useExperimentProblems } from './useExperimentProblems';

export function NetworkControls() {
  const { hidden, activation, init, initStd, setField, setHiddenLayerCount, setUnits } =
    useAppStore(selectNetworkControls);
  const problems = useExperimentProblems();
  return (
    <Section title="Network">
      <HiddenLayersEditor
        hidden={hidden}
        problems={problems}
        onLayerCount={setHiddenLayerCount}
        onUnits={setUnits}
      />
      <SelectField
        label="Activation"
        value={activation}
        options={ACTIVATION_OPTIONS}
        onChange={(v) => setField('activation', v)}
      />
      <SelectField
        label="Initialization"
        value={init}
        options={INIT_OPTIONS}
        onChange={(v) => setField('init', v)}
      />
      {init === 'normal' ? (
        <NumberField
          fieldKey="initStd"
          label="Initial std"
          value={initStd}
          rule={RULES.initStd}
          onCommit={(v) => setField('initStd', v)}
        />
      ) : null}
    </Section>
  );
}
