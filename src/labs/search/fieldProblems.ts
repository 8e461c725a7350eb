// The search lab's fields whose typed text is in error (text the store never took). A field in error
// blocks every run the lab starts, Run study's and a scene's Reveal alike: a run uses exactly what the
// fields show, never the last valid value behind an error. Held outside the controls so that Reveal,
// which starts the study from the scene bar, reads the same list the Run study button does.
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

/** Whether a field of the lab shows an error now. */
export function fieldInError(): boolean {
  return Object.keys(fieldProblemStore.getState().problems).length > 0;
}
