// The optimizer, showing only the hyperparameters it uses.
import { SelectField } from '../components/SelectField';
import { useAppStore } from '../state/StoreProvider';
import { selectOptimizerControls } from '../state/selectors';
import { RULES } from '../state/validation';
import { OPTIMIZER_OPTIONS } from './labels';
import { NumberField } from './NumberField';

export function OptimizerControls() {
  const { optimizer, momentum, adamBeta1, adamBeta2, epsilon, setField } =
    useAppStore(selectOptimizerControls);
  return (
    <div className="optimizer-controls">
      <SelectField
        label="Optimizer"
        value={optimizer}
        options={OPTIMIZER_OPTIONS}
        onChange={(v) => setField('optimizer', v)}
      />
      {optimizer === 'momentum' ? (
        <NumberField
          fieldKey="momentum"
          label="Momentum β"
          value={momentum}
          rule={RULES.momentum}
          hint="β = 0.9 averages about the last 10 gradients."
          onCommit={(v) => setField('momentum', v)}
        />
      ) : null}
      {optimizer === 'rmsprop' || optimizer === 'adam' ? (
        // Collapsed by default: the course tunes α, and leaves these at their defaults.
        <details className="advanced">
          <summary>
            Advanced: {optimizer === 'adam' ? 'β1, β2, ε' : 'β2, ε'}{' '}
            <span className="advanced-note">(almost never tuned)</span>
          </summary>
          {optimizer === 'adam' ? (
            <NumberField
              fieldKey="adamBeta1"
              label="β1"
              value={adamBeta1}
              rule={RULES.adamBeta1}
              onCommit={(v) => setField('adamBeta1', v)}
            />
          ) : null}
          <div className="inline-fields">
            <NumberField
              fieldKey="adamBeta2"
              label="β2"
              value={adamBeta2}
              rule={RULES.adamBeta2}
              onCommit={(v) => setField('adamBeta2', v)}
            />
            <NumberField
              fieldKey="epsilon"
              label="ε"
              value={epsilon}
              rule={RULES.epsilon}
              onCommit={(v) => setField('epsilon', v)}
            />
          </div>
          <p className="hint">
            The course almost never tunes these: β1 = 0.9, β2 = 0.999, ε = 10⁻⁸ work nearly everywhere. Tune α
            instead.
          </p>
        </details>
      ) : null}
    </div>
  );
}
