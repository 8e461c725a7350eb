// Every reason training cannot start right now (invalid fields, values that do not fit together).
import { useMemo } from 'react';
import { blockingProblems } from '../state/problems';
import { useAppStore } from '../state/StoreProvider';
import type { AppState } from '../state/store';

const selectInputs = (s: AppState) => ({ fieldErrors: s.fieldErrors, experiment: s.experiment });

export function useBlockingProblems(): string[] {
  const { fieldErrors, experiment } = useAppStore(selectInputs);
  return useMemo(() => blockingProblems(fieldErrors, experiment), [fieldErrors, experiment]);
}
