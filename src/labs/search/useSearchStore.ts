// The lab's one store (created on first use, kept while the page lives, so leaving the lab and coming
// back keeps the study) and the hook components read it through, with a shallow-compared selector.
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import {
  createSearchStore,
  type SearchState,
  type SearchStore,
  type StudyProblems,
  studyProblems,
} from './searchStore';

let store: SearchStore | null = null;

export function searchStore(): SearchStore {
  store ??= createSearchStore();
  return store;
}

export function useSearch<T>(selector: (s: SearchState) => T): T {
  return useStore(searchStore(), useShallow(selector));
}

/** The study's problems, recomputed only when the rows or the budget change. */
export function useProblems(): StudyProblems {
  const { drafts, budget } = useSearch((s) => ({ drafts: s.drafts, budget: s.budget }));
  return useMemo(() => studyProblems(drafts, budget), [drafts, budget]);
}
