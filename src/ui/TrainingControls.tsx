// How the network learns: learning rate, optimizer, mini-batches, decay, seed, length, backend.
import { LogSlider } from '../components/LogSlider';
import { SelectField } from '../components/SelectField';
import { useAppStore } from '../state/StoreProvider';
import { selectTrainingControls } from '../state/selectors';
import { expectedTrainSize, RULES } from '../state/validation';
import { formatRate, learningRateFromExponent } from './format';
import { BACKEND_OPTIONS, DECAY_OPTIONS } from './labels';
import { NumberField } from './NumberField';
import { OptimizerControls } from './OptimizerControls';
import { Section } from './Section';
import { useExperimentProblems } from './useExperimentProblems';

const formatAlpha = (v: number) => `α = ${formatRate(v)}`;

export function TrainingControls() {
  const {
    dataset,
    learningRate,
    miniBatchSize,
    learningRateDecay,
    decayRate,
    seed,
    steps,
    backend,
    setField,
  } = useAppStore(selectTrainingControls);
  const problems = useExperimentProblems();
  return (
    <Section title="Training" keepOpen>
      {/* α first: the one hyperparameter the course says to tune before any other. */}
      <LogSlider
        label="Learning rate"
        value={learningRate}
        minExponent={-5}
        maxExponent={1}
        fromExponent={learningRateFromExponent}
        format={formatAlpha}
        onChange={(v) => setField('learningRate', v)}
      />
      <OptimizerControls />
      <NumberField
        fieldKey="miniBatchSize"
        label="Mini-batch size"
        value={miniBatchSize}
        rule={RULES.miniBatchSize(dataset)}
        problem={problems.miniBatchSize}
        hint={`1 to ${expectedTrainSize(dataset)} (the whole training set = batch gradient descent)`}
        onCommit={(v) => setField('miniBatchSize', v)}
      />
      <SelectField
        label="Learning-rate decay"
        value={learningRateDecay}
        options={DECAY_OPTIONS}
        onChange={(v) => setField('learningRateDecay', v)}
      />
      {learningRateDecay !== 'none' ? (
        <NumberField
          fieldKey="decayRate"
          label="Decay rate"
          value={decayRate}
          rule={RULES.decayRate}
          onCommit={(v) => setField('decayRate', v)}
        />
      ) : null}
      <div className="inline-fields">
        <NumberField
          fieldKey="seed"
          label="Seed"
          value={seed}
          rule={RULES.seed}
          onCommit={(v) => setField('seed', v)}
        />
        <NumberField
          fieldKey="steps"
          label="Stop after steps"
          visibleLabel="Stop after"
          suffix="steps"
          value={steps}
          rule={RULES.steps}
          onCommit={(v) => setField('steps', v)}
        />
      </div>
      <SelectField
        label="Backend choice"
        value={backend}
        options={BACKEND_OPTIONS}
        onChange={(v) => setField('backend', v)}
      />
    </Section>
  );
}
