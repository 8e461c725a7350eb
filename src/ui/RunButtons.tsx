// Train, Pause/Resume, Step, Reset for a single model.
import { useId } from 'react';
import { BlockedButton } from '../components/BlockedButton';
import { useAppStore } from '../state/StoreProvider';
import type { AppState } from '../state/store';
import { BlockedReason } from './BlockedReason';
import { useBlockingProblems } from './useBlockingProblems';

const selectButtons = (s: AppState) => ({
  status: s.status,
  hasRun: s.runId !== null,
  train: s.train,
  pause: s.pause,
  resume: s.resume,
  step: s.step,
  reset: s.reset,
});

export function RunButtons() {
  const { status, hasRun, train, pause, resume, step, reset } = useAppStore(selectButtons);
  const problems = useBlockingProblems();
  const reasonId = useId();
  const blocked = problems.length > 0;
  const paused = status === 'paused';
  const active = status === 'running' || status === 'starting';
  return (
    <div className="run-buttons">
      <div className="button-row">
        <BlockedButton
          blocked={blocked}
          reasonId={reasonId}
          className="primary"
          disabled={status === 'starting'}
          onClick={() => void train()}
        >
          Train
        </BlockedButton>
        <button
          type="button"
          disabled={!(active || paused)}
          onClick={() => void (paused ? resume() : pause())}
        >
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" disabled={active || (blocked && !paused)} onClick={() => void step()}>
          Step
        </button>
        <button type="button" disabled={!hasRun} onClick={() => void reset()}>
          Reset
        </button>
      </div>
      <BlockedReason id={reasonId} action="Train" problems={problems} />
    </div>
  );
}
