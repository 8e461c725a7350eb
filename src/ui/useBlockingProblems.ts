// Every reason training cannot start right now (invalid fields, values that do not fit together).
import { useMemo } from 'react';
import { blockingProblems } from '../state/problems';
import { useAppStore } from '../state/StoreProvider';
import type { AppState } from '../state/store';

const selectInputs = (s: AppState) => ({ fieldErrors: s.fieldErrors, experiment: s.experiment });

/** For Train ('single', the default) or Train all ('population': the samples' whole population). */
export function useBlockingProblems(kind: 'single' | 'population' = 'single'): string[] {
  const { fieldErrors, experiment } = useAppStore(selectInputs);
  return useMemo(() => blockingProblems(fieldErrors, experiment, kind), [fieldErrors, experiment, kind]);
}
