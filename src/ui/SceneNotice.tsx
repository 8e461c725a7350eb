// A link's scene that could not be used, said with the other link notices (kept apart from the scene
// bar, which loads only when a scene is in play).
import { useStore } from 'zustand';
import { LinkNotices } from '../components/LinkNotices';
import { sceneStore } from '../state/sceneState';

export function SceneNotice() {
  const notice = useStore(sceneStore, (s) => s.notice);
  const dismiss = useStore(sceneStore, (s) => s.dismissNotice);
  return <LinkNotices notices={notice ? [notice] : []} onDismiss={dismiss} />;
}
