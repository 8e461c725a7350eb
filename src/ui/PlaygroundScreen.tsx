// The playground's first screen: controls on the left, what the run shows on the right.

import { AwayNotice } from '../components/AwayNotice';
import { useAppStore, useAppStoreApi } from '../state/StoreProvider';
import { selectAway, selectExperimentRevision } from '../state/selectors';
import { ControlsPanel } from './ControlsPanel';
import { CostChart } from './CostChart';
import { DecisionBoundary } from './DecisionBoundary';
import { ErrorBanner } from './ErrorBanner';
import { Lessons } from './Lessons';
import { NoticesBanner } from './NoticesBanner';
import { Readouts } from './Readouts';
import { SamplingPanel } from './SamplingPanel';
import { useLeaveLab } from './useLeaveLab';
import { usePlaygroundShortcuts } from './usePlaygroundShortcuts';
import { useReopened } from './useReopened';

export function PlaygroundScreen() {
  // A pasted link replaces the experiment: fresh controls drop any half-typed text.
  const revision = useAppStore(selectExperimentRevision);
  const { awayNote, leave, resumeAfterAway } = useAppStore(selectAway);
  // The store outlives this screen: leaving pauses a training run, and coming back says so.
  useLeaveLab(leave);
  const store = useAppStoreApi();
  useReopened('playground', (record) => store.getState().restoreSaved(record));
  usePlaygroundShortcuts();
  return (
    <>
      <div className="banners">
        <AwayNotice note={awayNote} onResume={() => void resumeAfterAway()} />
        <NoticesBanner />
        <ErrorBanner />
      </div>
      <div className="layout">
        <ControlsPanel key={revision} />
        <main className="results">
          <Readouts />
          <div className="figures">
            <CostChart />
            <DecisionBoundary />
          </div>
          <SamplingPanel key={revision} />
          <Lessons />
        </main>
      </div>
    </>
  );
}
