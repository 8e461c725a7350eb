// The playground's link: its experiment in the URL hash, through the shared link sync.
import { type HashWindow, installStoreLinkSync, type StoreLink } from './linkSync';
import type { AppState, AppStore } from './store';
import { decodeExperiment, encodeExperiment } from './urlHash';

export type { HashWindow } from './linkSync';

/** The experiment (and notices) a page load's hash describes. */
export function experimentFromHash(hash: string) {
  return decodeExperiment(hash);
}

/** The playground's link: its experiment. */
const PLAYGROUND_LINK: StoreLink<AppState> = {
  lab: 'playground',
  encode: (state) => encodeExperiment(state.experiment),
  load: (raw, state) => {
    const { experiment, notices } = decodeExperiment(raw);
    state.loadExperiment(experiment, notices);
  },
  keys: ['experiment'],
};

/** Starts syncing (the store was built from the hash, so it writes first); returns the function that stops it. */
export function installHashSync(store: AppStore, win: HashWindow): () => void {
  return installStoreLinkSync(win, store, PLAYGROUND_LINK, 'write');
}
