// Keeps the keyboard's place when a button disables itself (Train while a run starts, Reset once
// nothing is left to reset, Next day while the day trains): the browser would drop the focus to
// <body>, and a keyboard user would start again from the top of the page. One observer for the
// whole app: whichever screen's button it is, the focus moves to the nearest control still enabled in
// the same row or section.
import { useEffect } from 'react';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Where the focus goes when `lost` can no longer hold it: the next enabled control of its group. */
export function rescueTarget(lost: HTMLElement): HTMLElement | null {
  let group: HTMLElement | null = lost.parentElement;
  while (group && group !== document.body) {
    const inGroup = [...group.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el !== lost && el.getClientRects().length > 0,
    );
    if (inGroup.length > 0) {
      // The first one after it (Train → Pause), else the group's first (Reset → Train).
      const after = inGroup.find((el) => lost.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
      return after && group.classList.contains('button-row') ? after : inGroup[0];
    }
    group = group.parentElement;
  }
  return null;
}

export function useFocusRescue(): void {
  useEffect(() => {
    let last: HTMLElement | null = null;
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement) last = event.target;
    };
    const rescue = () => {
      const lost = last;
      if (!lost) return;
      const now = document.activeElement;
      // Where the browser has not moved it yet, the focus still sits on the disabled button.
      const dropped = now === document.body || now === null || now === lost;
      const unusable = !lost.isConnected || (lost as HTMLButtonElement).disabled === true;
      if (!dropped || !unusable) return;
      const target = lost.isConnected ? rescueTarget(lost) : null;
      target?.focus();
    };
    // Disabling a button changes its attribute; the browser's focus fix-up follows in the same task.
    const observer = new MutationObserver(() => queueMicrotask(rescue));
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
}
