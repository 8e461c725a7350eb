// The search lab's study fields whose typed text is in error (text the store never took). A field in
// error blocks every run that uses it: Run study and the coarse-to-fine scene's Reveal (all of them),
// the strategy comparison and the grid-vs-random Reveal (the Seed). A run uses exactly what the fields
// show, never the last valid value behind an error. Held outside the controls so that the scene bar and
// the comparison read the same list the Run study button does.
import { createStore } from 'zustand/vanilla';

interface FieldProblems {
  /** Each field's problem by its label. */
  problems: Readonly<Record<string, string>>;
  report(label: string, problem: string | null): void;
}

export const fieldProblemStore = createStore<FieldProblems>()((set) => ({
  problems: {},
  report: (label, problem) =>
    set((s) => {
      if ((s.problems[label] ?? null) === problem) return s;
      const next = { ...s.problems };
      if (problem === null) delete next[label];
      else next[label] = problem;
      return { problems: next };
    }),
}));

/** Whether a field of the lab shows an error now (any field, or one of `labels`). */
export function fieldInError(labels?: readonly string[]): boolean {
  const problems = fieldProblemStore.getState().problems;
  return labels ? labels.some((l) => l in problems) : Object.keys(problems).length > 0;
}

/** The study fields the strategy comparison uses (its budget and steps are its own). */
export const COMPARISON_FIELDS = ['Seed'] as const;
