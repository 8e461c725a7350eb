// The batch-norm lab (#lab=batchnorm): from normalizing inputs to batch norm inside a training network.
// Its store lives as long as the page (leaving the lab pauses what trains and says so on return); it
// trains through the app's run channel and owns the URL hash while open: the foundation's experiment
// keys plus `scenario` and `sweep` (labHash.ts).

import './batchnorm.css';
import { useEffect } from 'react';
import { AwayNotice } from '../../components/AwayNotice';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LinkNotices } from '../../components/LinkNotices';
import { installLinkSync } from '../../state/linkSync';
import { useLeaveLab } from '../../ui/useLeaveLab';
import { BatchNoisePanel } from './BatchNoisePanel';
import { BiasPanel } from './BiasPanel';
import { DistributionsPanel } from './DistributionsPanel';
import { DoesItHelpPanel } from './DoesItHelpPanel';
import { InputNormalizationPanel } from './InputNormalizationPanel';
import { LabProvider, useLab } from './LabContext';
import { decodeLabLink, encodeLabLink } from './labHash';
import { createLabStore, type LabStore } from './labStore';
import { SetupPanel } from './SetupPanel';
import { StepByStepPanel } from './StepByStepPanel';
import { TestTimePanel } from './TestTimePanel';

/** Keeps the link and the URL hash in step while this lab is open (a pasted lab link loads). */
function useHashSync(store: LabStore): void {
  useEffect(
    () =>
      installLinkSync(window, {
        lab: 'batchnorm',
        start: 'load',
        encode: () => {
          const { experiment, scenario, sweep } = store.getState();
          return encodeLabLink({ experiment, scenario, sweep });
        },
        load: (raw) => store.getState().loadLink(decodeLabLink(raw)),
        subscribe: (changed) =>
          store.subscribe((s, prev) => {
            if (s.experiment !== prev.experiment || s.scenario !== prev.scenario || s.sweep !== prev.sweep)
              changed();
          }),
      }),
    [store],
  );
}

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
  useHashSync(store);
  useLeaveLab(store.getState().leave);
  useEffect(() => {
    // Build the network (paused) so that the step-by-step view has numbers at once; coming back to
    // the lab finds it as it was.
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
