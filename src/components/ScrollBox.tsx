// A wide table's own scrolling box (on a phone the batch-norm lab's tables are wider than the screen).
// While its content overflows, the box takes keyboard focus, so arrow keys can scroll it (WCAG 2.1.1;
// axe's scrollable-region-focusable); when everything fits it is no tab stop at all.
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  const measure = useCallback(() => {
    const box = ref.current;
    if (box) setOverflows(box.scrollWidth > box.clientWidth + 1);
  }, []);
  // After every commit, before the browser paints or runs anything else: new content that overflows
  // gets its tab stop in the same task (a ResizeObserver alone reports a frame later, and an accessibility
  // scan in between saw a scrolling region nobody could reach by keyboard).
  useLayoutEffect(measure);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    // Size changes from outside (the window, the layout around it).
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, [measure]);
  // A named region (as the ARIA practices name a scrolling area), focusable only while it scrolls.
  return (
    <section ref={ref} className="scroll-box" aria-label={label} tabIndex={overflows ? 0 : undefined}>
      {children}
    </section>
  );
}
