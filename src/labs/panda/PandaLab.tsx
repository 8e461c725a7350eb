// The panda-vs-caviar lab (#lab=panda), lesson 3.3: babysit one model day by day (nudge, roll back,
// branch), or spend the same compute on many models at once, and the automated tuners in between.

import './panda.css';
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { AwayNotice } from '../../components/AwayNotice';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LinkNotices } from '../../components/LinkNotices';
import type { StoreLink } from '../../state/linkSync';
import { SceneBar } from '../../ui/SceneBar';
import { useLabScene, useScenePanel } from '../../ui/sceneHooks';
import { useLeaveLab } from '../../ui/useLeaveLab';
import { useLinkSync } from '../../ui/useLinkSync';
import { useReopened } from '../../ui/useReopened';
import { BridgePanel } from './BridgePanel';
import { CaviarPanel } from './CaviarPanel';
import { DaysList } from './DaysList';
import { PandaChart } from './PandaChart';
import { PandaControls } from './PandaControls';
import { PandaReadouts } from './PandaReadouts';
import { decodePanda, encodePanda } from './pandaHash';
import { caviarOutcome, REVEAL_PANDA_DAYS } from './pandaScenes';
import { createPandaStore, type PandaActions, type PandaState, type PandaStore } from './pandaStore';
import { TeacherPanel } from './TeacherPanel';
import { usePandaShortcuts } from './usePandaShortcuts';
import { PandaContext, usePanda } from './usePanda';

/** The lab's link in the URL hash: its day length, teacher and starting hyperparameters. */
const PANDA_LINK: StoreLink<PandaState & PandaActions> = {
  lab: 'panda',
  encode: (state) => encodePanda(state.link),
  load: (raw, state) => {
    const { link, notices } = decodePanda(raw);
    state.loadLink(link, notices);
  },
  keys: ['link'],
};

function Banners() {
  const { notices, error, dismissNotices, dismissError, awayNote, resumeAfterAway } = usePanda((s) => ({
    notices: s.notices,
    error: s.error,
    dismissNotices: s.dismissNotices,
    dismissError: s.dismissError,
    awayNote: s.awayNote,
    resumeAfterAway: s.resumeAfterAway,
  }));
  return (
    <>
      <AwayNotice note={awayNote} onResume={() => void resumeAfterAway()} />
      <LinkNotices notices={notices} onDismiss={dismissNotices} />
      <ErrorNotice error={error} onDismiss={dismissError} />
    </>
  );
}

/**
 * The scene in play (if any). The teacher's story opens at its first beat and → plays the next (the
 * lab's own key, so → does not change scene here). The caviar scene's Reveal trains the panda a few
 * days when it has no compute yet, then runs the caviar on it; only that caviar run answers.
 */
function Scene({ store }: { store: PandaStore }) {
  const scene = useLabScene('panda');
  const [revealRun, setRevealRun] = useState<number | null>(null);
  const tree = useStore(store, (s) => s.tree);
  const populations = useStore(store, (s) => s.populations);
  useStore(store, (s) => s.version);
  const revision = useStore(store, (s) => s.revision);
  const teacher = useStore(store, (s) => s.link.teacher);
  // The scene's story opened once per scene: back on the scene later, it is where the class left it.
  const opened = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on the scene's id only
  useEffect(() => setRevealRun(null), [scene?.id]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision marks the link's load
  useEffect(() => {
    if (scene?.id !== 'teachers-story') {
      opened.current = null;
      return;
    }
    // Wait for the link sync to load the scene's teacher (a child's effect runs before the lab's).
    const s = store.getState();
    if (opened.current === scene.id || !teacher || s.phase !== 'idle' || s.scenario) return;
    opened.current = scene.id;
    void s.playBeat();
  }, [scene?.id, revision, teacher]);
  if (!scene) return null;
  const reveal = async (): Promise<boolean> => {
    // Any other question scene of this lab would need no run of its own.
    if (scene.id !== 'caviar-equal-compute') return true;
    const s = () => store.getState();
    if (s().tree.modelSteps() === 0) for (let day = 0; day < REVEAL_PANDA_DAYS; day++) await s().nextDay();
    const before = s().populations.caviar?.runId ?? null;
    await s().runCaviar();
    const run = s().populations.caviar?.runId ?? null;
    // A caviar run this Reveal did not start (refused, or the one already on screen) answers nothing.
    if (run === null || run === before) return false;
    setRevealRun(run);
    return true;
  };
  const outcome =
    scene.id === 'caviar-equal-compute' ? caviarOutcome({ tree, populations }, revealRun) : null;
  return <SceneBar lab="panda" keys={false} onReveal={reveal} outcome={outcome} />;
}

function Lab({ store }: { store: PandaStore }) {
  const revision = usePanda((s) => s.revision);
  const shows = useScenePanel('panda');
  return (
    <main className="panda-lab">
      <div className="panda-intro">
        <h2>Panda vs caviar: babysit one model, or raise many at once</h2>
        <p>
          With little compute you raise one model like a panda raises its cub: train it for a day, look at the
          cost, nudge the hyperparameters, and when a change goes wrong go back to yesterday’s snapshot. With
          many machines you spawn like a fish: many models at once, keep whichever grows up best. Every curve
          below is a real network learning the spiral in your browser.
        </p>
      </div>
      <Banners />
      <Scene store={store} />
      {shows('panda') ? (
        <section className="panda-section" aria-label="Panda">
          <h2>Panda: one model, day by day</h2>
          <div className="panda-layout">
            <div className="panda-left" key={revision}>
              <PandaControls />
              <TeacherPanel />
            </div>
            <div className="panda-right">
              <PandaReadouts />
              <PandaChart />
              <DaysList />
            </div>
          </div>
        </section>
      ) : null}
      {/* The caviar panel hides only its answer (the comparison): the class sees the setup it predicts about. */}
      {shows('caviar') ? <CaviarPanel /> : null}
      {shows('bridge') ? <BridgePanel /> : null}
    </main>
  );
}

let instance: PandaStore | null = null;

/** The lab's one store, made on first visit (the link sync then loads the hash); it outlives the tab. */
function pandaStore(): PandaStore {
  instance ??= createPandaStore();
  return instance;
}

export default function PandaLab() {
  const store = pandaStore();
  useLinkSync(store, PANDA_LINK);
  // Leaving the lab pauses its runs (they would only slow the other screens down) and says so on return.
  useLeaveLab(store.getState().leave);
  useReopened('panda', (record) => store.getState().restoreSaved(record));
  usePandaShortcuts(store);
  return (
    <PandaContext.Provider value={store}>
      <Lab store={store} />
    </PandaContext.Provider>
  );
}
