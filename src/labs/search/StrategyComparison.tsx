// The three strategies side by side for the same budget: where each puts its samples, how many
// distinct values of each hyperparameter it tries, and, once trained together, which finds the lower
// dev cost (points coloured by it, each strategy's best ringed). "Repeat over seeds" runs the same
// comparison on several seeds in one population and reports how often each beat the grid.
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { COMPARE_SETUP_TEXT } from '../../core/gridRandomLesson';
import { MAX_REPEAT_SEEDS, parseRepeatSeeds } from '../../core/search/repeat';
import { SCORE_EVALUATIONS, scoreText } from '../../core/search/score';
import { hyperDef, parseBudget, searchedKeys } from '../../core/search/space';
import { distinctCount, type Strategy } from '../../core/search/strategies';
import { comparisonRound, seedOfTrial } from './comparisonView';
import { costText } from './costText';
import { COMPARISON_FIELDS, fieldProblemStore } from './fieldProblems';
import { RepeatResults } from './RepeatResults';
import { ScatterPlot } from './ScatterPlot';
import { STRATEGY_OPTIONS } from './StudyControls';
import {
  bestTrial,
  compareStepsOf,
  evalEveryOf,
  isActive,
  problemLines,
  shownSteps,
  studyProblems,
} from './searchStore';
import { costColor, costRange, previewPoints, studyPoints, xKeyOf, yKeyOf } from './studyView';
import { usePreviewFor } from './usePreview';
import { useSearch } from './useSearchStore';

function StrategyPreview({ strategy, label }: { strategy: Strategy; label: string }) {
  const { rounds, trials, seed, shownSeed, compareBudget } = useSearch((s) => ({
    rounds: s.rounds,
    trials: s.trials,
    seed: s.seed,
    shownSeed: s.shownSeed,
    compareBudget: s.compareBudget,
  }));
  // Before training, the samples of the comparison's own budget.
  const preview = usePreviewFor(strategy, compareBudget);
  const compared = comparisonRound(rounds);
  const shown = shownSeed ?? seed;
  // The shown seed's trials only: each seed's comparison is its own draw.
  const ofSeed = useMemo(() => trials.filter((t) => seedOfTrial(t, seed) === shown), [trials, seed, shown]);
  const mine = useMemo(
    () => ofSeed.filter((t) => t.strategy === strategy && t.round === 0),
    [ofSeed, strategy],
  );
  const space = compared?.space ?? preview?.space;
  const points = useMemo(() => {
    if (!space) return [];
    const xKey = xKeyOf(space);
    if (!xKey) return [];
    const yKey = yKeyOf(space, null);
    if (compared) {
      // One colour scale for all three strategies of the seed, so their points compare.
      const range = costRange(ofSeed);
      return studyPoints(mine, space, xKey, yKey).map((p) => {
        const t = mine.find((m) => m.id === p.id);
        return p.kind === 'done' && t ? { ...p, color: costColor(t.devCost, range) } : p;
      });
    }
    return preview ? previewPoints(preview.trials, space, xKey, yKey) : [];
  }, [space, compared, ofSeed, mine, preview]);
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
              <strong>{best ? costText(best.devCost) : '—'}</strong>
            </output>
            {best && xKey
              ? ` at ${hyperDef(xKey).symbol} ${String(Number(best.values[xKey].toPrecision(2)))}`
              : ''}
          </span>
        ) : null}
      </p>
    </div>
  );
}

/** A text field of the comparison that says what it accepts when it holds something else. */
function CompareField(props: {
  id: string;
  label: string;
  value: string;
  problem: string | null;
  hint: string;
  onChange: (text: string) => void;
}) {
  return (
    <div className={`field search-field${props.problem ? ' field-invalid' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        inputMode="numeric"
        value={props.value}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={`${props.id}-message`}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <p id={`${props.id}-message`} className={props.problem ? 'field-message' : 'hint'} role="status">
        {props.problem ?? props.hint}
      </p>
    </div>
  );
}

export function StrategyComparison() {
  const s = useSearch((st) => ({
    runComparison: st.runComparison,
    runRepeat: st.runRepeat,
    status: st.status,
    compareBudget: st.compareBudget,
    setCompareBudget: st.setCompareBudget,
    repeatCount: st.repeatCount,
    setRepeatCount: st.setRepeatCount,
    steps: st.steps,
    compareSteps: st.compareSteps,
    setCompareSteps: st.setCompareSteps,
    seed: st.seed,
    shownSeed: st.shownSeed,
    rounds: st.rounds,
  }));
  const drafts = useSearch((st) => st.drafts);
  // The rows as the study has them, with the comparison's own budget (the study's does not apply).
  const problems = useMemo(() => studyProblems(drafts, s.compareBudget), [drafts, s.compareBudget]);
  const lines = problemLines({ ...problems, budget: null });
  const budget = parseBudget(s.compareBudget);
  const budgetProblem = budget.ok ? null : budget.reason.replace(/^Budget/, 'Trials per strategy');
  const seeds = parseRepeatSeeds(s.repeatCount);
  const steps = compareStepsOf(s.compareSteps);
  // The comparison trains on the study's seed: that field in error blocks it too.
  const seedProblem = useStore(
    fieldProblemStore,
    (f) => COMPARISON_FIELDS.map((l) => f.problems[l]).find(Boolean) ?? null,
  );
  const blocked = lines.length > 0 || !budget.ok || !steps.ok || isActive(s.status) || seedProblem !== null;
  const n = budget.ok ? budget.value : null;
  const m = seeds.ok ? seeds.value : null;
  const compared = comparisonRound(s.rounds);
  const shown = s.shownSeed ?? s.seed;
  // The score note describes the steps the shown trials trained (or, before any, the field's).
  const trainedSteps = compared ? shownSteps(s) : steps.ok ? steps.value : s.steps;
  const evalEvery = evalEveryOf(trainedSteps);
  return (
    <section className="panel search-compare" aria-label="Strategies side by side">
      <div className="panel-head">
        <h2>Same budget, three strategies</h2>
      </div>
      <div className="search-compare-controls">
        <CompareField
          id="search-compare-budget"
          label="Trials per strategy"
          value={s.compareBudget}
          problem={budgetProblem}
          hint="9: a 3 × 3 grid against 9 draws"
          onChange={s.setCompareBudget}
        />
        <CompareField
          id="search-compare-steps"
          label="Steps per comparison trial"
          value={s.compareSteps}
          problem={steps.ok ? null : steps.reason}
          hint="200: a tight budget (why below)"
          onChange={s.setCompareSteps}
        />
        {seedProblem ? <p className="hint">The comparison uses the study’s seed: {seedProblem}.</p> : null}
        <div className="search-buttons">
          <button
            type="button"
            onClick={() => void s.runComparison()}
            disabled={blocked}
            title="Train the three strategies' samples together, as one population"
          >
            Train all three
          </button>
        </div>
        <CompareField
          id="search-repeat-count"
          label="Seeds"
          value={s.repeatCount}
          problem={seeds.ok ? null : seeds.reason}
          hint={`1 to ${MAX_REPEAT_SEEDS}: seed ${s.seed} and the next ones`}
          onChange={s.setRepeatCount}
        />
        <div className="search-buttons">
          <button
            type="button"
            onClick={() => void s.runRepeat()}
            disabled={blocked || !seeds.ok}
            title="The same comparison on several seeds, all trained at once as one population"
          >
            Repeat over seeds
          </button>
        </div>
      </div>
      <p className="hint">
        With two hyperparameters and 9 trials, a 3 × 3 grid tries only 3 values of each. When one of them
        (here Adam's ε) hardly matters, the grid's 9 trials test just 3 different α, three times each; random
        and quasi-random sampling test 9. The grid is laid out without knowing where the good α are: a seeded
        random shift within its cells, the same for every point of an axis, so its values are not round
        numbers like α = 0.1 that a range's ends would give.
        {n ? ` "Train all three" trains ${3 * n} models at once (3 × ${n}` : ''}
        {n && steps.ok ? `, ${steps.value} steps each)` : n ? ')' : ''}
        {n && m
          ? `; "Repeat over seeds" trains ${3 * n * m} (${m} seeds × 3 × ${n}), on the data of seed ${s.seed}, each seed with its own samples and initial weights.`
          : '.'}
      </p>
      <p className="hint search-compare-setup">{COMPARE_SETUP_TEXT}</p>
      <p className="hint search-score-note">
        Dev cost here, as everywhere in this lab, is a trial's score: the {scoreText(evalEvery)}. The last
        evaluation alone mostly measures where the last mini-batches left the weights; averaging{' '}
        {SCORE_EVALUATIONS} of them lets trials that differ only in ε score alike.
        {SCORE_EVALUATIONS * evalEvery >= trainedSteps
          ? ' On so short a run that window is nearly the whole run, so the score also rewards the α that learns fastest.'
          : ''}
      </p>
      {compared?.seeds ? <p className="search-compare-shown">Panels show seed {shown}.</p> : null}
      <div className="search-compare-grid">
        {STRATEGY_OPTIONS.map((o) => (
          <StrategyPreview key={o.value} strategy={o.value} label={o.label} />
        ))}
      </div>
      {compared ? <RepeatResults space={compared.space} /> : null}
    </section>
  );
}
