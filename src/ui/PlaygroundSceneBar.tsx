// The playground's scene bar (loaded lazily by PlaygroundScreen, only when a link opens a scene). For
// the α scenes Reveal is the playground's Train, and only that run answers; for linear vs log it reads
// the sampling lesson's draws as they stand then (nothing trains: the question is where draws land).
import type { SceneOutcome } from '../core/scenes/sceneTypes';
import { useEffect, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../state/StoreProvider';
import { costRunOutcome, samplingOutcome } from './playgroundScenes';
import { SceneBar } from './SceneBar';
import { useLabScene } from './sceneHooks';

export function PlaygroundSceneBar() {
  const scene = useLabScene('playground');
  const store = useAppStoreApi();
  const [revealRun, setRevealRun] = useState<number | null>(null);
  const [drawn, setDrawn] = useState<SceneOutcome | null>(null);
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
  useEffect(() => {
    setRevealRun(null);
    setDrawn(null);
  }, [scene?.id]);
  if (!scene) return null;
  const reveal = () => {
    if (!scene.question) return false;
    if (scene.id === 'linear-vs-log') {
      setDrawn(samplingOutcome(store.getState().experiment));
      return true;
    }
    const before = store.getState().runId;
    // train() sets the new run's id before its first await, so it can be read straight away.
    void store.getState().train();
    const started = store.getState().runId;
    if (started === before) return false;
    setRevealRun(started);
    return true;
  };
  const outcome = scene.id === 'linear-vs-log' ? drawn : costRunOutcome(run, revealRun);
  return <SceneBar lab="playground" onReveal={reveal} outcome={outcome} />;
}
