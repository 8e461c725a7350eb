// The batch-norm lab's keys. Space does what the buttons do: Pause while the live network trains,
// otherwise "Run comparison" (and nothing while a comparison or sweep is running, when that button is
// disabled). F shows the main chart full screen. No R: the lab has no Reset button to stand for.
import { toggleFullScreenChart, useShortcuts } from '../../ui/shortcuts';
import { useLabStore } from './LabContext';

export function useBnShortcuts(): void {
  const store = useLabStore();
  useShortcuts('batchnorm', {
    trainPause: {
      label: 'Run comparison (pauses the live network while it trains)',
      run: () => {
        const s = store.getState();
        const active = s.status === 'running' || s.status === 'starting';
        if (s.kind === 'live' && s.status === 'running') void s.pause();
        else if (!active) void s.runComparison();
      },
    },
    fullscreen: { label: 'Full-screen chart (again to leave)', run: toggleFullScreenChart },
  });
}
