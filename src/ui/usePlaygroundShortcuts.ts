// The playground's keys: Space trains, pauses and resumes the one model, R resets it (F shows the cost
// chart full screen through the shell). They do what the buttons do, and nothing a disabled button
// would refuse.
import { useAppStoreApi } from '../state/StoreProvider';
import { useBlockingProblems } from './useBlockingProblems';
import { toggleFullScreenChart, useShortcuts } from './shortcuts';

export function usePlaygroundShortcuts(): void {
  const store = useAppStoreApi();
  const blocked = useBlockingProblems().length > 0;
  useShortcuts('playground', {
    trainPause: {
      label: 'Train / pause / resume',
      run: () => {
        const s = store.getState();
        if (s.status === 'running') void s.pause();
        else if (s.status === 'paused') void s.resume();
        else if (s.status !== 'starting' && !blocked) void s.train();
      },
    },
    reset: {
      label: 'Reset',
      run: () => {
        const s = store.getState();
        if (s.runId !== null) void s.reset();
      },
    },
    fullscreen: { label: 'Full-screen cost chart (again to leave)', run: toggleFullScreenChart },
  });
}
