// The playground's first screen: controls on the left, what the run shows on the right.

import { lazy, Suspense } from 'react';
import { AwayNotice } from '../components/AwayNotice';
import { useAppStore, useAppStoreApi } from '../state/StoreProvider';
import { selectAway, selectExperimentRevision } from '../state/selectors';
import { AnswerGate } from './AnswerGate';
import { ControlsPanel } from './ControlsPanel';
import { DecisionBoundary } from './DecisionBoundary';
import { ErrorBanner } from './ErrorBanner';
import { NoticesBanner } from './NoticesBanner';
import { Readouts } from './Readouts';
import { useLabScene } from './sceneHooks';
import { useLeaveLab } from './useLeaveLab';
import { usePlaygroundShortcuts } from './usePlaygroundShortcuts';
import { useReopened } from './useReopened';

// Loaded on demand to keep the first screen's bundle small: the sampling lesson sits below the fold, and
// the scene bar shows only when a link opens a scene.
const SamplingPanel = lazy(() => import('./SamplingPanel').then((m) => ({ default: m.SamplingPanel })));
const PlaygroundSceneBar = lazy(() =>
  import('./PlaygroundSceneBar').then((m) => ({ default: m.PlaygroundSceneBar })),
);
// The cost chart brings recharts and d3 (about 70 kB gzip): the page's frame and controls come first.
const CostChart = lazy(() => import('./CostChart').then((m) => ({ default: m.CostChart })));
const Lessons = lazy(() => import('./Lessons').then((m) => ({ default: m.Lessons })));

/** The scene in play (if any); its bar loads only when one is. */
function PlaygroundScene() {
  const scene = useLabScene('playground');
  if (!scene) return null;
  return (
    <Suspense fallback={null}>
      <PlaygroundSceneBar />
    </Suspense>
  );
}

// The α scenes are answered by the readouts and the cost chart; the sampling scene by the sampling
// panel alone (it gates its own answer), so the run's panels stay in view there.
const ALPHA_SCENES = ['alpha-too-small', 'alpha-about-right', 'alpha-too-big'] as const;

export function PlaygroundScreen() {
  // A pasted link replaces the experiment: fresh controls drop any half-typed text.
  const revision = useAppStore(selectExperimentRevision);
  const { awayNote, leave } = useAppStore(selectAway);
  // The store outlives this screen: leaving pauses a training run, and coming back says so.
  useLeaveLab(leave);
  const store = useAppStoreApi();
  useReopened('playground', (record) => store.getState().restoreSaved(record));
  usePlaygroundShortcuts();
  // In the sampling scene the lesson it asks about comes first, where a projector shows it.
  const samplingFirst = useLabScene('playground')?.id === 'linear-vs-log';
  const sampling = (
    <Suspense fallback={<p className="loading">Loading the sampling lesson…</p>}>
      <SamplingPanel key={revision} />
    </Suspense>
  );
  return (
    <>
      <div className="banners">
        {/* The run buttons' Pause reads Resume now: the notice points there instead of adding a second one. */}
        <AwayNotice
          note={awayNote}
          resumeHint="Press Resume (beside Train) to go on from where it stopped."
        />
        <NoticesBanner />
        <ErrorBanner />
      </div>
      <PlaygroundScene />
      <div className="layout">
        <ControlsPanel key={revision} />
        <main className="results">
          {samplingFirst ? sampling : null}
          <AnswerGate lab="playground" what="The readout panel" scene={ALPHA_SCENES}>
            <Readouts />
          </AnswerGate>
          <div className="figures">
            <AnswerGate lab="playground" what="The cost chart" scene={ALPHA_SCENES}>
              <Suspense fallback={<p className="loading">Loading the cost chart…</p>}>
                <CostChart />
              </Suspense>
            </AnswerGate>
            <DecisionBoundary />
          </div>
          {samplingFirst ? null : sampling}
          <Suspense fallback={null}>
            <Lessons />
          </Suspense>
        </main>
      </div>
    </>
  );
}
