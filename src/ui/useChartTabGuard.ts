// Charts add no tab stops. Recharts' layers are bare <g> elements, yet Chromium's Tab walk stops on
// them (one unnamed stop per chart, measured: after the "Cost axis" radios, the cost chart's grid
// layer took the focus). An explicit tabindex="-1" takes them out of the walk; one observer for the
// whole app covers every lab's charts, however late recharts adds a layer.
import { useEffect } from 'react';

const UNGUARDED = 'svg.recharts-surface g:not([tabindex])';

export function useChartTabGuard(): void {
  useEffect(() => {
    let queued = false;
    const guard = () => {
      queued = false;
      for (const g of document.querySelectorAll(UNGUARDED)) g.setAttribute('tabindex', '-1');
    };
    guard();
    // Coalesced to one pass a frame: readouts and charts change the DOM many times a second.
    const observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(guard);
    });
    observer.observe(document.body, { subtree: true, childList: true });
    return () => observer.disconnect();
  }, []);
}
