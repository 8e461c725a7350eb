// A number input that keeps what the learner typed, checks it with the caller's parser, and shows the
// problem right at the control (aria-invalid + aria-describedby). Only valid values reach onCommit.
// Generic: the typed text's problem is held by the caller (error/onError), so this control needs no store;
// ui/NumberField connects it to the playground's store.
import { type ReactNode, useId, useState } from 'react';

/** What the typed text means: a value, or the message shown at the control. */
export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

export interface NumberFieldProps {
  label: string;
  value: number;
  /** Reads the typed text (what the control accepts is the caller's rule). */
  parse: (text: string) => ParsedNumber;
  onCommit: (value: number) => void;
  /** The typed text's problem, as last reported through onError (null when it parses). */
  error: string | null;
  /** Reports the typed text's problem, or null once it parses. */
  onError: (message: string | null) => void;
  /** A problem of the value as a whole (from the experiment), shown when the text itself parses. */
  problem?: string | null;
  /** Visible label text, when the accessible name (label) should read differently on screen. */
  visibleLabel?: string;
  /** Shown after the input ("steps"). */
  suffix?: string;
  step?: number | 'any';
  hint?: ReactNode;
  /**
   * The hint describes the value in effect (10^a = 0.0001): while the typed text is in error that value
   * is not what the field shows, so the hint steps aside for the message.
   */
  hintFollowsValue?: boolean;
  disabled?: boolean;
}

export function NumberField({
  label,
  value,
  parse,
  onCommit,
  error: textError,
  onError,
  problem,
  visibleLabel,
  suffix,
  step,
  hint: hintText,
  hintFollowsValue,
  disabled,
}: NumberFieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState(() => String(value));
  const [shownValue, setShownValue] = useState(value);

  // The value changed from elsewhere (a pasted link, a button): show it, unless the text already means it.
  if (value !== shownValue) {
    setShownValue(value);
    const parsed = parse(text);
    if (!parsed.ok || parsed.value !== value) setText(String(value));
  }

  const onChange = (next: string) => {
    setText(next);
    const parsed = parse(next);
    if (parsed.ok) {
      onError(null);
      setShownValue(parsed.value);
      onCommit(parsed.value);
    } else {
      onError(parsed.message);
    }
  };

  const error = textError ?? problem ?? null;
  const hint = hintFollowsValue && textError ? undefined : hintText;
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
          step={step ?? 'any'}
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
