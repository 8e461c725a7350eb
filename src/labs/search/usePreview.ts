// What the scatter shows before a study runs: the samples the current strategy would draw, live.
import { useMemo } from 'react';
import type { SearchSpace, TrialValues } from '../../core/search/space';
import { type Strategy, sampleStudy } from '../../core/search/strategies';
import { studyProblems } from './searchStore';
import { useSearch } from './useSearchStore';

export interface Preview {
  space: SearchSpace;
  trials: TrialValues[];
  levels?: number[];
}

/** The samples `strategy` would draw: of the study's budget, or of `budgetText` (the comparison's own). */
export function usePreviewFor(strategy: Strategy, budgetText?: string): Preview | null {
  const drafts = useSearch((s) => s.drafts);
  const studyBudget = useSearch((s) => s.budget);
  const problems = useMemo(
    () => studyProblems(drafts, budgetText ?? studyBudget),
    [drafts, budgetText, studyBudget],
  );
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
