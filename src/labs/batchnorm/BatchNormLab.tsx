// The batch-norm lab (#lab=batchnorm): from normalizing inputs to batch norm inside a training network.
// Its store lives as long as the page (leaving the lab pauses what trains and says so on return); it
// trains through the app's run channel and owns the URL hash while open: the foundation's experiment
// keys plus `scenario` and `sweep` (labHash.ts).

import './batchnorm.css';
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { AwayNotice } from '../../components/AwayNotice';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LinkNotices } from '../../components/LinkNotices';
import type { StoreLink } from '../../state/linkSync';
import { takeReopened } from '../../state/reopen';
import { SceneBar } from '../../ui/SceneBar';
import { useLabScene, useScenePanel } from '../../ui/sceneHooks';
import { useLeaveLab } from '../../ui/useLeaveLab';
import { useLinkSync } from '../../ui/useLinkSync';
import { BatchNoisePanel } from './BatchNoisePanel';
import { BiasPanel } from './BiasPanel';
import { ratioOutcome, sweepOutcome, testTimeOutcome } from './bnScenes';
import { DistributionsPanel } from './DistributionsPanel';
import { DoesItHelpPanel } from './DoesItHelpPanel';
import { InputNormalizationPanel } from './InputNormalizationPanel';
import { LabProvider, useLab } from './LabContext';
import { decodeLabLink, encodeLabLink } from './labHash';
import { createLabStore, type LabState, type LabStore } from './labStore';
import { SetupPanel } from './SetupPanel';
import { StepByStepPanel } from './StepByStepPanel';
import { TestTimePanel } from './TestTimePanel';
import { revealTestTime, type TestTimeReading } from './testTimeResult';

/** The lab's link in the URL hash: the experiment, the scenario and the sweep's range. */
const LAB_LINK: StoreLink<LabState> = {
  lab: 'batchnorm',
  encode: ({ experiment, scenario, sweep }) => encodeLabLink({ experiment, scenario, sweep }),
  load: (raw, state) => state.loadLink(decodeLabLink(raw)),
  keys: ['experiment', 'scenario', 'sweep'],
};

function Banners() {
  const { notices, error, dismissError, dismissNotices, awayNote, resumeAfterAway } = useLab((s) => ({
    notices: s.notices,
    error: s.error,
    dismissError: s.dismissError,
    dismissNotices: s.dismissNotices,
    awayNote: s.awayNote,
    resumeAfterAway: s.resumeAfterAway,
  }));
  return (
    <div className="banners">
      <AwayNotice note={awayNote} onResume={() => void resumeAfterAway()} />
      <LinkNotices notices={notices} onDismiss={dismissNotices} />
      <ErrorNotice error={error} onDismiss={dismissError} />
    </div>
  );
}

let instance: LabStore | null = null;

/** The lab's one store, made on first visit with the lab's defaults (the link sync then loads the hash). */
function labStore(): LabStore {
  instance ??= createLabStore({ ...decodeLabLink('#lab=batchnorm') });
  return instance;
}

export default function BatchNormLab() {
  const store = labStore();
  useLinkSync(store, LAB_LINK);
  useLeaveLab(store.getState().leave);
  useEffect(() => {
    // Opened for saved work: show it as it was. Otherwise build the network (paused) so that the
    // step-by-step view has numbers at once; coming back to the lab finds it as it was.
    const saved = takeReopened('batchnorm');
    if (saved && store.getState().restoreSaved(saved)) return;
    if (store.getState().runId === null) void store.getState().startLive(true);
  }, [store]);
  return (
    <LabProvider store={store}>
      <Banners />
      <Scene store={store} />
      <Panels />
    </LabProvider>
  );
}

/** The two bowls' largest converging α, as the normalizing-inputs panel measured them. */
type Largest = { raw: number | null; normalized: number | null };
let largestMeasured: Largest | null = null;
const largestListeners = new Set<() => void>();
function reportLargest(l: Largest): void {
  largestMeasured = l;
  for (const f of largestListeners) f();
}

/** The scene in play (if any): its caption and question; Reveal trains with the lab's own actions. */
function Scene({ store }: { store: LabStore }) {
  const scene = useLabScene('batchnorm');
  // The run Reveal started: only that run answers the question (an older sweep on screen does not).
  const [revealRun, setRevealRun] = useState<number | null>(null);
  const state = useStore(store);
  const [largest, setLargest] = useState(largestMeasured);
  useEffect(() => {
    const update = () => setLargest(largestMeasured);
    largestListeners.add(update);
    return () => {
      largestListeners.delete(update);
    };
  }, []);
  // Test time: the reading Reveal made (a later press of the panel's button does not answer).
  const [reading, setReading] = useState<TestTimeReading | null>(null);
  // Each visit to a scene counts: a Reveal still running when the class moves on answers nothing later.
  const visit = useRef(0);
  // A new scene forgets the previous one's run.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on the scene's id only
  useEffect(() => {
    visit.current += 1;
    setRevealRun(null);
    setReading(null);
  }, [scene?.id]);
  if (!scene) return null;
  const reveal = async (): Promise<boolean> => {
    const made = visit.current;
    if (scene.id === 'test-time') {
      const r = await revealTestTime(store);
      if (visit.current === made) setReading(r);
      return r !== null;
    }
    // Normalizing inputs: the panel, shown once revealed, measures its own two largest α.
    if (scene.id !== 'does-it-help') return true;
    const before = store.getState().runId;
    await store.getState().runSweep();
    const started = store.getState().runId;
    if (started === before || store.getState().kind !== 'sweep') return false;
    if (visit.current === made) setRevealRun(started);
    return true;
  };
  const outcome =
    scene.id === 'does-it-help'
      ? sweepOutcome(state, revealRun)
      : scene.id === 'normalizing-inputs'
        ? ratioOutcome(largest)
        : scene.id === 'test-time'
          ? testTimeOutcome(reading)
          : null;
  return <SceneBar lab="batchnorm" onReveal={reveal} outcome={outcome} />;
}

function Panels() {
  const shows = useScenePanel('batchnorm');
  return (
    <main className="bn-lab">
      {shows('inputs') ? <InputNormalizationPanel onMeasured={reportLargest} /> : null}
      {shows('setup') ? <SetupPanel /> : null}
      {shows('steps') ? <StepByStepPanel /> : null}
      {shows('distributions') ? <DistributionsPanel /> : null}
      {shows('bias') ? <BiasPanel /> : null}
      {shows('noise') ? <BatchNoisePanel /> : null}
      {shows('testTime') ? <TestTimePanel /> : null}
      {shows('doesItHelp') ? <DoesItHelpPanel /> : null}
    </main>
  );
}
