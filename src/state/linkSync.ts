// Keeps one lab's state and the URL hash in step while the lab is open: every change is written with
// replaceState (no reload, no history entry, no hashchange); a pasted link of this lab (hashchange)
// is loaded; the lab's bare tab link (#lab=<id> alone) brings the lab back as it was. Every lab,
// the playground included, syncs its link through this one mechanism. Presenter mode rides along on
// every lab's link (`present=1`, last): written here, and stripped before a lab's codec sees the link.
// The lesson scene in play rides along the same way (`scene=<id>`, before `present`).
import { applyPresenterLink, presenterStore, withoutPresenter, withPresenter } from './presenterMode';
import { applySceneLink, sceneStore, withoutScene, withScene } from './sceneState';
import { decodeLab } from './urlHash';

export interface HashWindow {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

export interface LinkSync {
  lab: string;
  /** The link (without '#') for the lab's current state. */
  encode(): string;
  /** Loads a pasted link of this lab. */
  load(raw: string): void;
  /** Calls `changed` whenever the state the link holds changes; returns the unsubscribe function. */
  subscribe(changed: () => void): () => void;
  /** 'load': the store does not know the hash yet (read it now); 'write': it was built from it. */
  start: 'load' | 'write';
}

/** Starts syncing; returns the function that stops it. */
export function installLinkSync(win: HashWindow, sync: LinkSync): () => void {
  let written = '';
  const open = (raw: string): boolean => decodeLab(raw) === sync.lab;
  const write = (): void => {
    if (!open(win.location.hash)) return; // another lab owns the hash now
    const hash = withPresenter(
      withScene(sync.encode(), sceneStore.getState().id),
      presenterStore.getState().on,
    );
    if (hash === written && win.location.hash === `#${hash}`) return;
    written = hash;
    const { pathname, search } = win.location;
    win.history.replaceState(null, '', `${pathname}${search}#${hash}`);
  };
  const onHashChange = (): void => {
    const full = win.location.hash.replace(/^#/, '');
    if (!open(full) || full === written) return;
    applyPresenterLink(full);
    applySceneLink(full);
    const raw = withoutScene(withoutPresenter(full));
    const bareTab = [...new URLSearchParams(raw).keys()].every((key) => key === 'lab');
    // A link equal to what the lab holds (coming back to it) changes nothing: no reload, no reset.
    if (!bareTab && raw !== sync.encode()) sync.load(raw);
    write(); // canonical form of what was pasted, or the lab as it was
  };
  if (sync.start === 'load') onHashChange();
  else write();
  const unsubscribe = sync.subscribe(write);
  const unsubscribePresenter = presenterStore.subscribe((state, previous) => {
    if (state.on !== previous.on) write();
  });
  const unsubscribeScene = sceneStore.subscribe((state, previous) => {
    if (state.id !== previous.id) write();
  });
  win.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    unsubscribePresenter();
    unsubscribeScene();
    win.removeEventListener('hashchange', onHashChange);
  };
}

/** A store whose state a link holds (zustand's vanilla store, as far as the sync reads it). */
export interface LinkedStore<S> {
  getState(): S;
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

/** A lab's link over its store's state: the codec, and the fields of the state the link holds. */
export interface StoreLink<S> {
  lab: string;
  encode(state: S): string;
  /** Loads a pasted link of this lab into the store. */
  load(raw: string, state: S): void;
  /** A change of any of these fields (compared by identity) rewrites the hash. */
  keys: readonly (keyof S)[];
}

/** installLinkSync for a store: the link is encoded from its state and written when a listed field changes. */
export function installStoreLinkSync<S>(
  win: HashWindow,
  store: LinkedStore<S>,
  link: StoreLink<S>,
  start: LinkSync['start'],
): () => void {
  return installLinkSync(win, {
    lab: link.lab,
    start,
    encode: () => link.encode(store.getState()),
    load: (raw) => link.load(raw, store.getState()),
    subscribe: (changed) =>
      store.subscribe((state, previous) => {
        if (link.keys.some((key) => state[key] !== previous[key])) changed();
      }),
  });
}
