// A number input that keeps what the learner typed, checks it against a rule, and shows the problem
// right at the control (aria-invalid + aria-describedby). Only valid values reach the experiment.
import { useEffect, useId, useState } from 'react';
import { selectFieldError, selectSetFieldError } from '../state/selectors';
import { useAppStore } from '../state/StoreProvider';
import { type NumberRule, parseNumber } from '../state/validation';

export interface NumberFieldProps {
  /** Key of this control's problems in the store. */
  fieldKey: string;
  label: string;
  value: number;
  rule: NumberRule;
  onCommit: (value: number) => void;
  /** A problem of the value as a whole (from the experiment), shown when the text itself parses. */
  problem?: string | null;
  /** Visible label text, when the accessible name (label) should read differently on screen. */
  visibleLabel?: string;
  /** Shown after the input ("steps"). */
  suffix?: string;
  step?: number | 'any';
  hint?: string;
  disabled?: boolean;
}

export function NumberField({
  fieldKey,
  label,
  value,
  rule,
  onCommit,
  problem,
  visibleLabel,
  suffix,
  step,
  hint,
  disabled,
}: NumberFieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState(() => String(value));
  const [shownValue, setShownValue] = useState(value);
  const textError = useAppStore(selectFieldError(fieldKey));
  const setFieldError = useAppStore(selectSetFieldError);

  // The value changed from elsewhere (a pasted link, a button): show it, unless the text already means it.
  if (value !== shownValue) {
    setShownValue(value);
    const parsed = parseNumber(text, rule);
    if (!parsed.ok || parsed.value !== value) setText(String(value));
  }

  // A control that goes away (a hidden optimizer setting, a removed layer) takes its problem with it.
  useEffect(() => () => setFieldError(fieldKey, null), [fieldKey, setFieldError]);

  const onChange = (next: string) => {
    setText(next);
    const parsed = parseNumber(next, rule);
    if (parsed.ok) {
      setFieldError(fieldKey, null);
      setShownValue(parsed.value);
      onCommit(parsed.value);
    } else {
      setFieldError(fieldKey, parsed.message);
    }
  };

  const error = textError ?? problem ?? null;
  const describedBy = [error ? messageId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field number-field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{visibleLabel ?? label}</label>
      <div className="input-row">
        <input
          id={id}
          type="number"
          aria-label={visibleLabel ? label : undefined}
          value={text}
          step={step ?? (rule.integer ? 1 : 'any')}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
        {suffix ? <span className="suffix">{suffix}</span> : null}
      </div>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={messageId} className="field-message" role="status">
          {error}
        </p>
      ) : null}
    </div>
  );
}
