// The lesson scene in play: one for the app, kept in the lab's link as `scene=<id>` (before
// `present=1`). Like presenter mode, the link sync writes and strips the key for every lab alike, so
// no lab's codec knows it; the shell reads it when a link is opened and shows a notice for an id that
// is no scene of that lab. The class's prediction and whether it was revealed live here too: a new
// scene starts unanswered and unrevealed.
import { createStore } from 'zustand/vanilla';
import { sceneById } from '../core/scenes/sceneCatalog';
import { decodeLab, withoutKey } from './urlHash';

export const SCENE_KEY = 'scene';

export interface SceneState {
  id: string | null;
  notice: string | null;
  /** The choice the class made (null: none yet). */
  choice: string | null;
  revealed: boolean;
  choose(id: string): void;
  reveal(): void;
  dismissNotice(): void;
}

export const sceneStore = createStore<SceneState>((set) => ({
  id: null,
  notice: null,
  choice: null,
  revealed: false,
  choose: (choice) => set({ choice }),
  reveal: () => set({ revealed: true }),
  dismissNotice: () => set({ notice: null }),
}));

/** Reads `scene` from a hash: a scene of the hash's lab, or null with a notice for any other value. */
export function sceneFromHash(hash: string): { id: string | null; notice: string | null; said: boolean } {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get(SCENE_KEY);
  if (raw === null) return { id: null, notice: null, said: false };
  const lab = decodeLab(hash);
  const scene = sceneById(raw);
  if (scene && scene.lab === lab) return { id: raw, notice: null, said: true };
  return {
    id: null,
    notice: `The link’s scene “${raw}” is no scene of this lab, so the lab opened without one.`,
    said: true,
  };
}

/** A lab's link without the scene key. */
export function withoutScene(raw: string): string {
  return withoutKey(raw, SCENE_KEY);
}

/** A lab's link (without '#') with `scene=<id>` last, when a scene is in play. */
export function withScene(hash: string, id: string | null): string {
  const bare = withoutScene(hash);
  return id ? `${bare}&${SCENE_KEY}=${id}` : bare;
}

/**
 * Applies what an opened link says about the scene: a link with a scene starts it afresh (unanswered,
 * unrevealed) unless it is the one in play; a link of a lab without one ends the scene.
 */
export function applySceneLink(hash: string): void {
  const { id, notice, said } = sceneFromHash(hash);
  const now = sceneStore.getState();
  if (notice) {
    sceneStore.setState({ id: null, notice, choice: null, revealed: false });
    return;
  }
  if (!said) {
    // Another lab's link, or this lab's without a scene: the scene is over.
    if (now.id !== null) sceneStore.setState({ id: null, choice: null, revealed: false });
    return;
  }
  if (id !== now.id) sceneStore.setState({ id, choice: null, revealed: false, notice: null });
}
