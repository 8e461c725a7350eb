// A small group of radio buttons with one accessible name (role="radiogroup").
import { useId } from 'react';
import type { SelectOption } from './SelectField';

export interface RadioGroupProps<T extends string> {
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  /** Keep the group's name for screen readers only (the context already shows it). */
  hideLabel?: boolean;
}

export function RadioGroup<T extends string>({
  label,
  value,
  options,
  onChange,
  hideLabel,
}: RadioGroupProps<T>) {
  const id = useId();
  return (
    <div className="radio-group" role="radiogroup" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className={hideLabel ? 'visually-hidden' : 'radio-group-label'}>
        {label}
      </span>
      {options.map((o) => (
        <label key={o.value} className={`radio${o.value === value ? ' radio-checked' : ''}`}>
          <input
            type="radio"
            name={id}
            value={o.value}
            checked={o.value === value}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}
