// The experiment's cross-field problems, recomputed only when the experiment changes.
import { useMemo } from 'react';
import { experimentProblems } from '../state/problems';
import { selectExperiment } from '../state/selectors';
import { useAppStore } from '../state/StoreProvider';

export function useExperimentProblems(): Record<string, string> {
  const experiment = useAppStore(selectExperiment);
  return useMemo(() => experimentProblems(experiment), [experiment]);
}
