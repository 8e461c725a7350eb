// The study's settings and its buttons: strategy, budget, seed, steps; Sample, Run study, Zoom in.
// A button that cannot act says why, right below it.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { BlockedButton } from '../../components/BlockedButton';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { MAX_SEED } from '../../core/hyperparameters';
import { MAX_BUDGET } from '../../core/search/space';
import type { Strategy } from '../../core/search/strategies';
import { BlockedReason } from '../../ui/BlockedReason';
import { OPTIMIZER_OPTIONS, RUN_PHASE_TEXT } from '../../ui/labels';
import { fieldProblemStore } from './fieldProblems';
import { MAX_STEPS, MIN_STEPS } from './searchHash';
import { isActive, problemLines } from './searchStore';
import { useProblems, useSearch } from './useSearchStore';

export const STRATEGY_OPTIONS = [
  { value: 'grid', label: 'Grid' },
  { value: 'random', label: 'Random' },
  { value: 'quasi', label: 'Quasi-random' },
] as const satisfies readonly { value: Strategy; label: string }[];

const STATUS_TEXT = { ...RUN_PHASE_TEXT, idle: 'not run yet' } as const;

/** A whole-number input that commits only valid values and says what it accepts otherwise. */
function IntInput({
  label,
  value,
  min,
  max,
  onCommit,
  onProblem,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onCommit: (v: number) => void;
  /** Told the field's problem as typed (null when it has none): a field in error blocks the run. */
  onProblem: (label: string, problem: string | null) => void;
}) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  const n = Number(text);
  const ok = text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
  const id = `search-int-${label.replace(/\W+/g, '-').toLowerCase()}`;
  const problem = ok ? null : `${label} must be a whole number from ${min} to ${max}`;
  useEffect(() => {
    onProblem(label, problem);
    // A field that leaves the page (the lab closed) blocks nothing any more.
    return () => onProblem(label, null);
  }, [label, problem, onProblem]);
  return (
    <div className={`field search-field${ok ? '' : ' field-invalid'}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        step={1}
        value={text}
        aria-invalid={ok ? undefined : true}
        aria-describedby={ok ? undefined : `${id}-message`}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isInteger(v) && v >= min && v <= max) {
            setShown(v);
            onCommit(v);
          }
        }}
      />
      {ok ? null : (
        <p id={`${id}-message`} className="field-message" role="status">
          {problem}.
        </p>
      )}
    </div>
  );
}

export function StudyControls() {
  const s = useSearch((st) => ({
    strategy: st.strategy,
    budget: st.budget,
    seed: st.seed,
    steps: st.steps,
    optimizer: st.optimizer,
    status: st.status,
    rounds: st.rounds.length,
    zooms: st.zooms.length,
    dropZooms: st.dropZooms,
    brush: st.brush,
    backend: st.backend,
    error: st.error,
    setStrategy: st.setStrategy,
    setBudget: st.setBudget,
    setSeed: st.setSeed,
    setSteps: st.setSteps,
    setOptimizer: st.setOptimizer,
    resample: st.resample,
    runStudy: st.runStudy,
    zoomIn: st.zoomIn,
    stop: st.stop,
  }));
  const problems = useProblems();
  // A field showing an error blocks the run: the run uses exactly what the fields show, never the last
  // valid value behind an error.
  // (Shared with the scene's Reveal: fieldProblems.ts.)
  const fieldProblems = useStore(fieldProblemStore, (f) => f.problems);
  const onProblem = fieldProblemStore.getState().report;
  const lines = [...problemLines(problems), ...Object.values(fieldProblems)];
  const active = isActive(s.status);
  const zoomProblems: string[] = [];
  if (s.rounds === 0) zoomProblems.push('a study has run (press Run study)');
  if (active) zoomProblems.push('the current round has finished training');
  if (!s.brush)
    zoomProblems.push(
      'a region is selected on the scatter (drag a rectangle, or use "Select around the best") or brushed on a hyperparameter axis of the parallel coordinates',
    );
  if (problems.budget) zoomProblems.push(problems.budget);
  const budgetId = 'search-budget';
  return (
    <section className="panel search-controls" aria-label="Study">
      <h2>Study</h2>
      <RadioGroup
        label="Strategy"
        value={s.strategy}
        options={STRATEGY_OPTIONS}
        onChange={(v) => s.setStrategy(v)}
      />
      <div className="search-fields">
        <div className={`field search-field${problems.budget ? ' field-invalid' : ''}`}>
          <label htmlFor={budgetId}>Budget</label>
          <input
            id={budgetId}
            type="number"
            step={1}
            min={1}
            max={MAX_BUDGET}
            value={s.budget}
            aria-invalid={problems.budget ? true : undefined}
            aria-describedby={problems.budget ? `${budgetId}-message` : `${budgetId}-hint`}
            onChange={(e) => s.setBudget(e.target.value)}
          />
          {problems.budget ? (
            <p id={`${budgetId}-message`} className="field-message" role="status">
              {problems.budget}
            </p>
          ) : (
            <p id={`${budgetId}-hint`} className="hint">
              trials, at most {MAX_BUDGET}
            </p>
          )}
        </div>
        <IntInput
          label="Seed"
          value={s.seed}
          min={0}
          max={MAX_SEED}
          onCommit={s.setSeed}
          onProblem={onProblem}
        />
        <IntInput
          label="Steps per trial"
          value={s.steps}
          min={MIN_STEPS}
          max={MAX_STEPS}
          onCommit={s.setSteps}
          onProblem={onProblem}
        />
        <SelectField
          label="Optimizer"
          value={s.optimizer}
          options={OPTIMIZER_OPTIONS}
          onChange={s.setOptimizer}
        />
      </div>
      <div className="search-buttons">
        <BlockedButton
          blocked={lines.length > 0}
          reasonId="search-blocked-sample"
          onClick={s.resample}
          title="Draw a fresh set of samples (the next seed)"
        >
          Sample
        </BlockedButton>
        <BlockedButton
          blocked={lines.length > 0}
          reasonId="search-blocked-run"
          className="primary"
          onClick={() => void s.runStudy()}
        >
          Run study
        </BlockedButton>
        <BlockedButton
          blocked={zoomProblems.length > 0}
          reasonId="search-blocked-zoom"
          onClick={() => void s.zoomIn()}
        >
          Zoom in
        </BlockedButton>
        {active ? (
          <button type="button" onClick={s.stop}>
            Stop
          </button>
        ) : null}
      </div>
      {s.zooms > 0 && s.rounds === 0 ? (
        <p className="search-zooms-note" role="status">
          The link holds {s.zooms} zoomed round{s.zooms > 1 ? 's' : ''}: <strong>Run study</strong> trains
          round 1 and re-creates {s.zooms > 1 ? 'them' : 'it'} (same regions, same samples).{' '}
          <button type="button" onClick={s.dropZooms}>
            Drop zoomed rounds
          </button>
        </p>
      ) : null}
      <BlockedReason id="search-blocked-run" action="Run study" problems={lines} />
      {lines.length > 0 ? (
        <span id="search-blocked-sample" className="visually-hidden">
          Sample is disabled until the rows above are fixed.
        </span>
      ) : null}
      {zoomProblems.length > 0 ? (
        <p id="search-blocked-zoom" className="hint">
          Zoom in waits until {zoomProblems.join('; ')}.
        </p>
      ) : null}
      <p className="search-status">
        Status: <output aria-label="Study status">{STATUS_TEXT[s.status]}</output>
        {s.backend ? ` · backend ${s.backend.name}` : ''}
      </p>
      {s.error ? (
        <p className="search-error" role="alert">
          {s.error}
        </p>
      ) : null}
    </section>
  );
}
