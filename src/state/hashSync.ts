// Keeps the experiment and the URL hash in step: every change is written with replaceState (no
// reload, no history entry, no hashchange), and a pasted link (hashchange) loads its experiment.
import type { AppStore } from './store';
import { decodeExperiment, decodeLab, encodeExperiment } from './urlHash';

export interface HashWindow {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/** The experiment (and notices) a page load's hash describes. */
export function experimentFromHash(hash: string) {
  return decodeExperiment(hash);
}

/** A link that names a lab and nothing else. */
function isBareLabLink(raw: string): boolean {
  return [...new URLSearchParams(raw).keys()].every((key) => key === 'lab');
}

/** Starts syncing; returns the function that stops it. */
export function installHashSync(store: AppStore, win: HashWindow): () => void {
  let written = '';
  // Another lab owns the hash while it is open: the playground writes only its own links.
  const playgroundOpen = (): boolean => decodeLab(win.location.hash) === 'playground';
  const write = (hash: string): void => {
    if (hash === written || !playgroundOpen()) return;
    written = hash;
    const { pathname, search } = win.location;
    win.history.replaceState(null, '', `${pathname}${search}#${hash}`);
  };
  write(encodeExperiment(store.getState().experiment));

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.experiment !== previous.experiment) write(encodeExperiment(state.experiment));
  });

  const onHashChange = (): void => {
    const raw = win.location.hash.replace(/^#/, '');
    if (raw === written) return;
    if (decodeLab(raw) !== 'playground') return; // another lab's link: not this page's to load
    if (isBareLabLink(raw)) {
      // The "Playground" tab (#lab=playground alone): come back to the experiment as it was.
      written = '';
      write(encodeExperiment(store.getState().experiment));
      return;
    }
    const { experiment, notices } = decodeExperiment(raw);
    written = raw;
    store.getState().loadExperiment(experiment, notices);
    write(encodeExperiment(experiment)); // canonical form of what was pasted
  };
  win.addEventListener('hashchange', onHashChange);

  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', onHashChange);
  };
}
