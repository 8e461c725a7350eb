// "When the browser is not enough": the study as set up (the latest round's space, or round 1's
// rows when nothing ran yet) written out for Optuna, W&B or Ray Tune. Text files only: the README's
// "When the browser is not enough" says how to run them on one machine or many.
import type { ExportedStudy } from '../../core/export/exportedStudy';
import { optunaScript, optunaScriptName } from '../../core/export/optunaScript';
import { rayTuneName, rayTuneSpace } from '../../core/export/rayTune';
import { wandbSweep, wandbSweepName } from '../../core/export/wandbSweep';
import { parseBudget } from '../../core/search/space';
import { downloadText } from '../../ui/download';
import { settingsOf } from './searchStore';
import { useProblems, useSearch } from './useSearchStore';

/** The three tools, each with its file name and text, in the order the README explains them. */
const EXPORTS: readonly {
  label: string;
  name: (s: ExportedStudy) => string;
  text: (s: ExportedStudy) => string;
  type: string;
}[] = [
  { label: 'Export as Optuna study', name: optunaScriptName, text: optunaScript, type: 'text/x-python' },
  {
    label: 'Export as W&B sweep',
    name: wandbSweepName,
    text: (study) => wandbSweep(study),
    type: 'application/yaml',
  },
  { label: 'Export as Ray Tune search space', name: rayTuneName, text: rayTuneSpace, type: 'text/x-python' },
];

export function ClusterExport() {
  const problems = useProblems();
  const s = useSearch((st) => ({
    ...settingsOf(st),
    strategy: st.strategy,
    budgetText: st.budget,
    lastSpace: st.rounds.length > 0 ? st.rounds[st.rounds.length - 1].space : null,
  }));
  const budget = parseBudget(s.budgetText);
  const space = s.lastSpace ?? problems.space;
  const study: ExportedStudy | null =
    space && budget.ok
      ? {
          strategy: s.strategy,
          budget: budget.value,
          seed: s.seed,
          steps: s.steps,
          optimizer: s.optimizer,
          space,
        }
      : null;
  return (
    <section className="search-panel search-cluster" aria-label="Run it elsewhere">
      <h2>When the browser is not enough</h2>
      <p className="hint">
        The same search space, data and network for a tool that runs many trials on one machine or many (the
        README says how). β near 1 leaves as a log-scaled 1 − β, as it is sampled here.
      </p>
      <div className="search-buttons">
        {EXPORTS.map((x) => (
          <button
            key={x.label}
            type="button"
            disabled={!study}
            title={study ? undefined : 'Fix the study’s rows and budget first.'}
            onClick={() => study && downloadText(x.name(study), x.text(study), x.type)}
          >
            {x.label}
          </button>
        ))}
      </div>
    </section>
  );
}
