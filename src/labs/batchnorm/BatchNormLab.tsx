// The batch-norm lab (#lab=batchnorm): from normalizing inputs to batch norm inside a training network.
// It has its own store and training worker (created here, stopped when the lab closes) and owns the
// URL hash while open: the foundation's experiment keys plus `scenario` and `sweep` (labHash.ts).

import { useEffect, useState } from 'react';
import { LinkNotices } from '../../components/LinkNotices';
import { installLinkSync } from '../../state/linkSync';
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
        start: 'write',
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
  const { notices, error, dismissError, dismissNotices } = useLab((s) => ({
    notices: s.notices,
    error: s.error,
    dismissError: s.dismissError,
    dismissNotices: s.dismissNotices,
  }));
  return (
    <div className="banners">
      <LinkNotices notices={notices} onDismiss={dismissNotices} />
      {error ? (
        <div className="banner banner-error" role="alert">
          <p>{error}</p>
          <button type="button" className="banner-dismiss" onClick={dismissError}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}

export default function BatchNormLab() {
  const [store] = useState(() => createLabStore(decodeLabLink(window.location.hash)));
  useHashSync(store);
  useEffect(() => {
    // Build the network (paused) so that the step-by-step view has numbers at once.
    void store.getState().startLive(true);
    return () => store.getState().dispose();
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
