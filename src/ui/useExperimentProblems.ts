// The experiment's cross-field problems, recomputed only when the experiment changes.
import { useMemo } from 'react';
import { experimentProblems } from '../state/problems';
import { useAppStore } from '../state/StoreProvider';
import { selectExperiment } from '../state/selectors';

export function useExperimentProblems(): Record<string, string> {
  const experiment = useAppStore(selectExperiment);
  return useMemo(() => experimentProblems(experiment), [experiment]);
}
