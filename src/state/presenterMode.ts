// Presenter mode: one flag for the whole app (every screen scales up for a projector), kept in every
// lab's link as `present=1`. The link sync writes and strips the key for every lab alike, so no lab's
// codec knows it; the shell reads it when a link is opened and shows a notice for a bad value.
import { createStore } from 'zustand/vanilla';
import { linkNotice, withoutKey } from './urlHash';

export const PRESENT_KEY = 'present';

export interface PresenterState {
  on: boolean;
  /** Why a link's `present` value was not used (null when it was, or said nothing). */
  notice: string | null;
  setOn: (on: boolean) => void;
  dismissNotice: () => void;
}

/** The app's one presenter flag (module state: it lives as long as the page, like the labs' stores). */
export const presenterStore = createStore<PresenterState>((set) => ({
  on: false,
  notice: null,
  setOn: (on) => set({ on }),
  dismissNotice: () => set({ notice: null }),
}));

export interface PresenterFromLink {
  /** What the link asks for; null when it says nothing (the flag stays as it is). */
  on: boolean | null;
  notice: string | null;
}

/** Reads `present` from a hash: 1 or 0; any other value is refused with a notice and means off. */
export function presenterFromHash(hash: string): PresenterFromLink {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get(PRESENT_KEY);
  if (raw === null) return { on: null, notice: null };
  if (raw === '1' || raw === '0') return { on: raw === '1', notice: null };
  return { on: false, notice: linkNotice(PRESENT_KEY, raw, 'presenter-mode flag (0 or 1)', '0') };
}

/** A lab's link without the presenter key (what the lab's own codec reads). */
export function withoutPresenter(raw: string): string {
  return withoutKey(raw, PRESENT_KEY);
}

/** A lab's link (without '#') with `present=1` last when presenter mode is on. */
export function withPresenter(hash: string, on: boolean): string {
  const bare = withoutPresenter(hash);
  return on ? `${bare}&${PRESENT_KEY}=1` : bare;
}

/**
 * Applies what an opened link says about presenter mode (called before any link sync rewrites the hash:
 * at page load and on every hashchange). A link that says nothing leaves the flag as it is.
 */
export function applyPresenterLink(hash: string): void {
  const { on, notice } = presenterFromHash(hash);
  if (notice) presenterStore.setState({ on: false, notice });
  else if (on !== null && on !== presenterStore.getState().on) presenterStore.setState({ on });
}
