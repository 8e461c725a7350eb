// The playground's first screen: controls on the left, what the run shows on the right.

import { useEffect, useState } from 'react';
import { AwayNotice } from '../components/AwayNotice';
import { useAppStore, useAppStoreApi } from '../state/StoreProvider';
import { selectAway, selectExperimentRevision } from '../state/selectors';
import { AnswerGate } from './AnswerGate';
import { ControlsPanel } from './ControlsPanel';
import { CostChart } from './CostChart';
import { DecisionBoundary } from './DecisionBoundary';
import { ErrorBanner } from './ErrorBanner';
import { Lessons } from './Lessons';
import { NoticesBanner } from './NoticesBanner';
import { costRunOutcome } from './playgroundScenes';
import { Readouts } from './Readouts';
import { SamplingPanel } from './SamplingPanel';
import { SceneBar } from './SceneBar';
import { useLabScene } from './sceneHooks';
import { useLeaveLab } from './useLeaveLab';
import { usePlaygroundShortcuts } from './usePlaygroundShortcuts';
import { useReopened } from './useReopened';

/** The scene in play (if any): Reveal is the playground's Train, and only that run answers. */
function PlaygroundScene() {
  const scene = useLabScene('playground');
  const store = useAppStoreApi();
  const [revealRun, setRevealRun] = useState<number | null>(null);
  const run = useAppStore((s) => ({
    runId: s.runId,
    status: s.status,
    kind: s.kind,
    models: s.models,
    series: s.series,
    seriesVersion: s.seriesVersion,
  }));
  // A new scene forgets the previous one's run.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on the scene's id only
  useEffect(() => setRevealRun(null), [scene?.id]);
  if (!scene) return null;
  const reveal = () => {
    if (!scene.question) return;
    const before = store.getState().runId;
    // train() sets the new run's id before its first await, so it can be read straight away.
    void store.getState().train();
    const started = store.getState().runId;
    if (started !== before) setRevealRun(started);
  };
  return <SceneBar lab="playground" onReveal={reveal} outcome={costRunOutcome(run, revealRun)} />;
}

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
      <PlaygroundScene />
      <div className="layout">
        <ControlsPanel key={revision} />
        <main className="results">
          <AnswerGate lab="playground" what="The readout panel">
            <Readouts />
          </AnswerGate>
          <div className="figures">
            <AnswerGate lab="playground" what="The cost chart">
              <CostChart />
            </AnswerGate>
            <DecisionBoundary />
          </div>
          <SamplingPanel key={revision} />
          <Lessons />
        </main>
      </div>
    </>
  );
}
