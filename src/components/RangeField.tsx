// A labelled linear slider with its value shown beside it.
import { useId } from 'react';

export interface RangeFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  disabled?: boolean;
  hint?: string;
}

export function RangeField({ label, value, min, max, step, onChange, disabled, hint }: RangeFieldProps) {
  const id = useId();
  return (
    <div className={`field range-field${disabled ? ' field-disabled' : ''}`}>
      <div className="log-slider-head">
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id}>{value.toFixed(2)}</output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
