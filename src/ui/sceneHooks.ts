// What a lab reads of the scene in play: the scene (when it is this lab's), whether a panel shows,
// whether the answer panels are hidden, and the link of any scene (presenter mode kept).
import { useStore } from 'zustand';
import { sceneById, sceneLink } from '../core/scenes/sceneCatalog';
import type { Scene } from '../core/scenes/sceneTypes';
import { presenterStore, withPresenter } from '../state/presenterMode';
import { sceneStore } from '../state/sceneState';

/** The scene in play when it belongs to `lab`, else null. */
export function useLabScene(lab: string): Scene | null {
  const id = useStore(sceneStore, (s) => s.id);
  const scene = id ? sceneById(id) : null;
  return scene && scene.lab === lab ? scene : null;
}

/** Whether the lab shows `panel`: every panel without a scene, only the scene's panels with one. */
export function useScenePanel(lab: string): (panel: string) => boolean {
  const scene = useLabScene(lab);
  return (panel) => !scene?.panels || scene.panels.includes(panel);
}

/**
 * True while the scene asks a question the class has not yet seen answered (only while the scene with
 * an id in `only` is in play, when given).
 */
export function useAnswerHidden(lab: string, only?: string | readonly string[]): boolean {
  const scene = useLabScene(lab);
  const revealed = useStore(sceneStore, (s) => s.revealed);
  const ids = typeof only === 'string' ? [only] : only;
  if (ids !== undefined && !ids.includes(scene?.id ?? '')) return false;
  return scene?.question != null && !revealed;
}

export function useSceneHref(): (scene: Scene) => string {
  const on = useStore(presenterStore, (s) => s.on);
  return (scene) => `#${withPresenter(sceneLink(scene), on)}`;
}
