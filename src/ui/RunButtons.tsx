// Train, Pause/Resume, Step, Reset for a single model.
import { useId } from 'react';
import { BlockedButton } from '../components/BlockedButton';
import { useAppStore, useAppStoreApi } from '../state/StoreProvider';
import { playgroundRecord } from '../state/savedPlayground';
import type { AppState } from '../state/store';
import { BlockedReason } from './BlockedReason';
import { SaveButton } from './SaveButton';
import { useBlockingProblems } from './useBlockingProblems';

const selectButtons = (s: AppState) => ({
  status: s.status,
  hasRun: s.runId !== null,
  hasCurves: s.series !== null,
  train: s.train,
  pause: s.pause,
  resume: s.resume,
  step: s.step,
  reset: s.reset,
});

export function RunButtons() {
  const { status, hasRun, hasCurves, train, pause, resume, step, reset } = useAppStore(selectButtons);
  const store = useAppStoreApi();
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
      <SaveButton
        build={() => playgroundRecord(store.getState())}
        disabled={!hasCurves || status === 'starting'}
        what="a run"
      />
    </div>
  );
}
