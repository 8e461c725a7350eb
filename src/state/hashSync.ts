// The playground's link: its experiment in the URL hash, through the shared link sync.
import { type HashWindow, installLinkSync } from './linkSync';
import type { AppStore } from './store';
import { decodeExperiment, encodeExperiment } from './urlHash';

export type { HashWindow } from './linkSync';

/** The experiment (and notices) a page load's hash describes. */
export function experimentFromHash(hash: string) {
  return decodeExperiment(hash);
}

/** Starts syncing; returns the function that stops it. */
export function installHashSync(store: AppStore, win: HashWindow): () => void {
  return installLinkSync(win, {
    lab: 'playground',
    start: 'write',
    encode: () => encodeExperiment(store.getState().experiment),
    load: (raw) => {
      const { experiment, notices } = decodeExperiment(raw);
      store.getState().loadExperiment(experiment, notices);
    },
    subscribe: (changed) =>
      store.subscribe((state, previous) => {
        if (state.experiment !== previous.experiment) changed();
      }),
  });
}
