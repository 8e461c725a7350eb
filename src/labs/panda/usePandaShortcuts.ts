// The panda's keys, doing what its buttons do (and nothing a disabled button would refuse): Space
// trains the next day or pauses it, → plays the teacher's next beat, ← rolls back to the chosen day,
// R starts over, F shows the babysat model's chart full screen.
import { toggleFullScreenChart, useShortcuts } from '../../ui/shortcuts';
import type { PandaStore } from './pandaStore';

export function usePandaShortcuts(store: PandaStore): void {
  const s = () => store.getState();
  const training = () => s().phase === 'training' || s().phase === 'starting';
  useShortcuts('panda', {
    trainPause: {
      label: 'Next day, or pause the day training',
      run: () => {
        if (s().teacherPlaying) return;
        if (s().phase === 'training') s().pause();
        else if (!training() && s().phase !== 'diverged') void s().nextDay();
      },
    },
    next: {
      label: 'The teacher’s next beat (starts the story)',
      run: () => {
        const { scenario, beat, teacherPlaying } = s();
        if (teacherPlaying || (scenario && beat >= scenario.beats.length)) return;
        void s().playBeat();
      },
    },
    previous: {
      label: 'Roll back to the chosen day',
      run: () => {
        if (s().teacherPlaying || s().tree.days.length <= 1 || s().phase === 'starting') return;
        void s().rollBack();
      },
    },
    reset: {
      label: 'Start over',
      run: () => {
        if (s().teacherPlaying || s().phase === 'idle') return;
        void s().resetPanda();
      },
    },
    fullscreen: { label: 'Full-screen panda chart (again to leave)', run: toggleFullScreenChart },
  });
}
