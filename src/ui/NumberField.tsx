// The playground's number field: the generic control (components/NumberField) with the typed text's
// problem kept in the app's store under fieldKey, so the run buttons can say why they are blocked.
// What each control accepts is its NumberRule (state/validation).
import { useEffect } from 'react';
import { type NumberFieldProps as InputProps, NumberField as NumberInput } from '../components/NumberField';
import { useAppStore } from '../state/StoreProvider';
import { selectFieldError, selectSetFieldError } from '../state/selectors';
import { type NumberRule, parseNumber } from '../state/validation';

export interface NumberFieldProps extends Omit<InputProps, 'parse' | 'error' | 'onError'> {
  /** Key of this control's problem in the store. */
  fieldKey: string;
  rule: NumberRule;
}

export function NumberField({ fieldKey, rule, step, ...input }: NumberFieldProps) {
  const error = useAppStore(selectFieldError(fieldKey));
  const setFieldError = useAppStore(selectSetFieldError);

  // A control that goes away (a hidden optimizer setting, a removed layer) takes its problem with it.
  useEffect(() => () => setFieldError(fieldKey, null), [fieldKey, setFieldError]);

  return (
    <NumberInput
      {...input}
      step={step ?? (rule.integer ? 1 : 'any')}
      parse={(text) => parseNumber(text, rule)}
      error={error}
      onError={(message) => setFieldError(fieldKey, message)}
    />
  );
}
