// The playground's scene bar: Reveal is the playground's Train, and only that run answers (loaded
// lazily by PlaygroundScreen, only when a link opens a scene).
import { useEffect, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../state/StoreProvider';
import { costRunOutcome } from './playgroundScenes';
import { SceneBar } from './SceneBar';
import { useLabScene } from './sceneHooks';

export function PlaygroundSceneBar() {
  const scene = useLabScene('playground');
  const store = useAppStoreApi();
  const [revealRun, setRevealRun] = useState<number | null>(null);
  const run = useAppStore((s) => ({
    runId: s.runId,
    status: s.status,
    kind: s.kind,
    models: s.models,
    series: s.series,
    seriesVersion: s.seriesVersion,
  }));
  // A new scene forgets the previous one's run.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on the scene's id only
  useEffect(() => setRevealRun(null), [scene?.id]);
  if (!scene) return null;
  const reveal = () => {
    if (!scene.question) return;
    const before = store.getState().runId;
    // train() sets the new run's id before its first await, so it can be read straight away.
    void store.getState().train();
    const started = store.getState().runId;
    if (started !== before) setRevealRun(started);
  };
  return <SceneBar lab="playground" onReveal={reveal} outcome={costRunOutcome(run, revealRun)} />;
}
