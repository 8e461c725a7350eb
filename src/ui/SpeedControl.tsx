// How fast the playground's runs go: a cap in steps per second, from one a learner can follow step by
// step to "as fast as it goes". It applies to the run now training at once, and to the next runs.
import { SelectField, type SelectOption } from '../components/SelectField';
import { SPEED_CHOICES } from '../core/hyperparameters';
import { useAppStore } from '../state/StoreProvider';
import { selectSpeed } from '../state/selectors';

const FASTEST = 'max';

const optionValue = (speed: number | null): string => (speed === null ? FASTEST : String(speed));
const labelOf = (speed: number | null): string =>
  speed === null ? 'As fast as it goes' : `${speed} steps/s`;

export function SpeedControl() {
  const { speed: stored, setSpeed } = useAppStore(selectSpeed);
  // A run saved before the playground had a speed ran as fast as it went.
  const speed = stored ?? null;
  // A link may ask for a cap that is not one of the choices (speed=50): it is shown as it is.
  const choices = SPEED_CHOICES.includes(speed) ? SPEED_CHOICES : [...SPEED_CHOICES, speed];
  const options: SelectOption<string>[] = choices.map((s) => ({ value: optionValue(s), label: labelOf(s) }));
  return (
    <SelectField
      label="Speed"
      value={optionValue(speed)}
      options={options}
      hint="Steps per second while training (Step is never slowed); changes the run now training too."
      onChange={(v) => void setSpeed(v === FASTEST ? null : Number(v))}
    />
  );
}
