// The page asks before a reload or closing the tab while a lab holds work that would be lost (a run
// training or paused, a finished run, study, comparison, sweep or panda tree not saved): see
// state/unsavedWork.ts for what counts and how a save is known. Returns the line that says so on the
// page, so the browser's generic prompt is not the only warning (null when nothing would be lost).
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { unsavedOf, unsavedText, workRegistry } from '../state/unsavedWork';

export function useLeaveGuard(): string | null {
  const text = useStore(workRegistry, (s) => unsavedText(unsavedOf(s.marks)));
  const guard = text !== null;
  useEffect(() => {
    if (!guard) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set (the text itself is never shown).
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [guard]);
  return text;
}
