// The three strategies side by side for the same budget: where each puts its samples, how many
// distinct values of each hyperparameter it tries, and, once trained together, which finds the lower
// dev cost (points coloured by it, each strategy's best ringed).
import { useMemo } from 'react';
import { hyperDef, searchedKeys } from '../../core/search/space';
import { distinctCount, type Strategy } from '../../core/search/strategies';
import { formatCost } from '../../ui/format';
import { ScatterPlot } from './ScatterPlot';
import { STRATEGY_OPTIONS } from './StudyControls';
import { bestTrial, isActive, problemLines } from './searchStore';
import { costColor, costRange, previewPoints, studyPoints, xKeyOf, yKeyOf } from './studyView';
import { usePreviewFor } from './usePreview';
import { useProblems, useSearch } from './useSearchStore';

function StrategyPreview({ strategy, label }: { strategy: Strategy; label: string }) {
  const preview = usePreviewFor(strategy);
  const { rounds, trials } = useSearch((s) => ({ rounds: s.rounds, trials: s.trials }));
  const compared = rounds[0]?.strategy === 'compare' ? rounds[0] : null;
  const mine = useMemo(
    () => trials.filter((t) => t.strategy === strategy && t.round === 0),
    [trials, strategy],
  );
  const space = compared?.space ?? preview?.space;
  const points = useMemo(() => {
    if (!space) return [];
    const xKey = xKeyOf(space);
    if (!xKey) return [];
    const yKey = yKeyOf(space, null);
    if (compared) {
      // One colour scale for all three strategies, so their points compare.
      const range = costRange(trials);
      return studyPoints(mine, space, xKey, yKey).map((p) => {
        const t = mine.find((m) => m.id === p.id);
        return p.kind === 'done' && t ? { ...p, color: costColor(t.devCost, range) } : p;
      });
    }
    return preview ? previewPoints(preview.trials, space, xKey, yKey) : [];
  }, [space, compared, trials, mine, preview]);
  if (!space) return null;
  const xKey = xKeyOf(space);
  if (!xKey) return null;
  const yKey = yKeyOf(space, null);
  const keys = searchedKeys(space);
  const values = compared ? mine.map((t) => t.values) : (preview?.trials ?? []);
  const best = compared ? bestTrial(mine) : null;
  return (
    <div className="search-compare-item">
      <h3>{label}</h3>
      <ScatterPlot
        label={`${label} samples`}
        xKey={xKey}
        yKey={yKey}
        space={space}
        points={points}
        width={340}
        height={260}
        compact
      />
      <p className="search-compare-counts">
        {keys.map((k) => (
          <span key={k}>
            distinct {hyperDef(k).symbol} tried: <strong>{distinctCount(values.map((v) => v[k]))}</strong>
          </span>
        ))}
        <span>
          trials: <strong>{values.length}</strong>
        </span>
        {compared ? (
          <span>
            best dev cost:{' '}
            <output aria-label={`Best dev cost: ${label}`}>
              <strong>{best ? formatCost(best.devCost) : '—'}</strong>
            </output>
          </span>
        ) : null}
      </p>
    </div>
  );
}

export function StrategyComparison() {
  const { runComparison, status } = useSearch((s) => ({ runComparison: s.runComparison, status: s.status }));
  const problems = useProblems();
  const lines = problemLines(problems);
  const budget = problems.budgetValue;
  return (
    <section className="panel search-compare" aria-label="Strategies side by side">
      <div className="panel-head">
        <h2>Same budget, three strategies</h2>
        <div className="search-buttons">
          <button
            type="button"
            onClick={() => void runComparison()}
            disabled={lines.length > 0 || isActive(status)}
            title="Train the three strategies' samples together, as one population"
          >
            Train all three
          </button>
        </div>
      </div>
      <p className="hint">
        With two hyperparameters and 25 trials, a grid tries only 5 values of each. When one of them (here
        Adam's ε) hardly matters, the grid's 25 trials test just 5 different α; random and quasi-random
        sampling test 25. Quasi-random points also leave fewer large gaps.
        {budget ? ` "Train all three" trains ${3 * budget} models at once (3 × ${budget}).` : ''}
      </p>
      <div className="search-compare-grid">
        {STRATEGY_OPTIONS.map((o) => (
          <StrategyPreview key={o.value} strategy={o.value} label={o.label} />
        ))}
      </div>
    </section>
  );
}
