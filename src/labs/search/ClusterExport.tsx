// "When the browser is not enough": the study as set up (the latest round's space, or round 1's
// rows when nothing ran yet) written out for Optuna, W&B or Ray Tune. Text files only: the README's
// "When the browser is not enough" says how to run them on one machine or many.
import type { ExportedStudy } from '../../core/export/exportedStudy';
import { optunaScript, optunaScriptName } from '../../core/export/optunaScript';
import { rayTuneName, rayTuneSpace } from '../../core/export/rayTune';
import { wandbSweep, wandbSweepName } from '../../core/export/wandbSweep';
import { parseBudget } from '../../core/search/space';
import { downloadText } from '../../ui/download';
import { useProblems, useSearch } from './useSearchStore';

export function ClusterExport() {
  const problems = useProblems();
  const s = useSearch((st) => ({
    strategy: st.strategy,
    budget: st.budget,
    seed: st.seed,
    steps: st.steps,
    optimizer: st.optimizer,
    lastSpace: st.rounds.length > 0 ? st.rounds[st.rounds.length - 1].space : null,
  }));
  const budget = parseBudget(s.budget);
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
  const blocked = study ? undefined : 'Fix the study’s rows and budget first.';
  return (
    <section className="search-panel search-cluster" aria-label="Run it elsewhere">
      <h2>When the browser is not enough</h2>
      <p className="hint">
        The same search space, data and network for a tool that runs many trials on one machine or many (the
        README says how). β near 1 leaves as a log-scaled 1 − β, as it is sampled here.
      </p>
      <div className="search-buttons">
        <button
          type="button"
          disabled={!study}
          title={blocked}
          onClick={() => study && downloadText(optunaScriptName(study), optunaScript(study), 'text/x-python')}
        >
          Export as Optuna study
        </button>
        <button
          type="button"
          disabled={!study}
          title={blocked}
          onClick={() => study && downloadText(wandbSweepName(study), wandbSweep(study), 'application/yaml')}
        >
          Export as W&amp;B sweep
        </button>
        <button
          type="button"
          disabled={!study}
          title={blocked}
          onClick={() => study && downloadText(rayTuneName(study), rayTuneSpace(study), 'text/x-python')}
        >
          Export as Ray Tune search space
        </button>
      </div>
    </section>
  );
}
