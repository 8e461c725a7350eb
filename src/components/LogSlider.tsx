// A slider over log10 of a positive value: equal travel for each decade (1e-5 … 10).
import { useId } from 'react';

export interface LogSliderProps {
  label: string;
  value: number;
  minExponent: number;
  maxExponent: number;
  onChange: (value: number) => void;
  /** log10(value) → the value to store (e.g. rounded to a few significant digits). */
  fromExponent: (exponent: number) => number;
  /** How the value reads on screen and to screen readers ("α = 0.01"). */
  format: (value: number) => string;
}

export function LogSlider({
  label,
  value,
  minExponent,
  maxExponent,
  onChange,
  fromExponent,
  format,
}: LogSliderProps) {
  const id = useId();
  const exponent = Math.min(maxExponent, Math.max(minExponent, Math.log10(value)));
  const text = format(value);
  const ticks: number[] = [];
  for (let k = Math.ceil(minExponent); k <= maxExponent; k++) ticks.push(k);
  return (
    <div className="field log-slider">
      <div className="log-slider-head">
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id} className="log-slider-value">
          {text}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={minExponent}
        max={maxExponent}
        step={0.01}
        value={exponent}
        aria-valuetext={text}
        onChange={(e) => onChange(fromExponent(Number(e.target.value)))}
      />
      <div className="log-slider-ticks" aria-hidden="true">
        {ticks.map((k) => (
          <span key={k}>
            10<sup>{k}</sup>
          </span>
        ))}
      </div>
    </div>
  );
}
