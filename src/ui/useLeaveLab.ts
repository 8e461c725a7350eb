// Calls a lab's `leave` when the learner switches to another screen, naming that screen, so that the
// lab's store (which outlives the tab) can pause what trains and say why when the learner is back.
import { useEffect } from 'react';
import { LABS, labFromHash } from '../state/labs';

export function useLeaveLab(leave: (where: string) => void): void {
  useEffect(
    () => () => {
      const to = labFromHash(window.location.hash);
      leave(LABS.find((l) => l.id === to)?.place ?? 'another screen');
    },
    [leave],
  );
}
