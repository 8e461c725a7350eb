// The batch-norm lab (#lab=batchnorm): from normalizing inputs to batch norm inside a training network.
// Its store lives as long as the page (leaving the lab pauses what trains and says so on return); it
// trains through the app's run channel and owns the URL hash while open: the foundation's experiment
// keys plus `scenario` and `sweep` (labHash.ts).

import './batchnorm.css';
import { useEffect } from 'react';
import { AwayNotice } from '../../components/AwayNotice';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LinkNotices } from '../../components/LinkNotices';
import type { StoreLink } from '../../state/linkSync';
import { takeReopened } from '../../state/reopen';
import { useLeaveLab } from '../../ui/useLeaveLab';
import { useLinkSync } from '../../ui/useLinkSync';
import { BatchNoisePanel } from './BatchNoisePanel';
import { BiasPanel } from './BiasPanel';
import { DistributionsPanel } from './DistributionsPanel';
import { DoesItHelpPanel } from './DoesItHelpPanel';
import { InputNormalizationPanel } from './InputNormalizationPanel';
import { LabProvider, useLab } from './LabContext';
import { decodeLabLink, encodeLabLink } from './labHash';
import { createLabStore, type LabState, type LabStore } from './labStore';
import { SetupPanel } from './SetupPanel';
import { StepByStepPanel } from './StepByStepPanel';
import { TestTimePanel } from './TestTimePanel';

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
      <main className="bn-lab">
        <InputNormalizationPanel />
        <SetupPanel />
        <StepByStepPanel />
        <DistributionsPanel />
        <BiasPanel />
        <BatchNoisePanel />
        <TestTimePanel />
        <DoesItHelpPanel />
      </main>
    </LabProvider>
  );
}
