// What the scatter shows before a study runs: the samples the current strategy would draw, live.
import { useMemo } from 'react';
import type { SearchSpace, TrialValues } from '../../core/search/space';
import { type Strategy, sampleStudy } from '../../core/search/strategies';
import { useProblems, useSearch } from './useSearchStore';

export interface Preview {
  space: SearchSpace;
  trials: TrialValues[];
  levels?: number[];
}

export function usePreviewFor(strategy: Strategy): Preview | null {
  const problems = useProblems();
  const seed = useSearch((s) => s.seed);
  return useMemo(() => {
    if (!problems.space || problems.budgetValue === null) return null;
    const sampled = sampleStudy(problems.space, strategy, problems.budgetValue, seed, 0);
    return { space: problems.space, ...sampled };
  }, [problems, strategy, seed]);
}

export function usePreview(): Preview | null {
  const strategy = useSearch((s) => s.strategy);
  return usePreviewFor(strategy);
}
