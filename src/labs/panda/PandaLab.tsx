// The panda-vs-caviar lab (#lab=panda), lesson 3.3: babysit one model day by day (nudge, roll back,
// branch), or spend the same compute on many models at once, and the automated tuners in between.

import './panda.css';
import { AwayNotice } from '../../components/AwayNotice';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LinkNotices } from '../../components/LinkNotices';
import type { StoreLink } from '../../state/linkSync';
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

function Lab() {
  const revision = usePanda((s) => s.revision);
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
      <CaviarPanel />
      <BridgePanel />
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
      <Lab />
    </PandaContext.Provider>
  );
}
