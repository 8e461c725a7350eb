// A wide table's own scrolling box (on a phone the batch-norm lab's tables are wider than the screen).
// While its content overflows, the box takes keyboard focus, so arrow keys can scroll it (WCAG 2.1.1;
// axe's scrollable-region-focusable); when everything fits it is no tab stop at all.
import { type ReactNode, useEffect, useRef, useState } from 'react';

export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  // A named region (as the ARIA practices name a scrolling area), focusable only while it scrolls.
  return (
    <section ref={ref} className="scroll-box" aria-label={label} tabIndex={overflows ? 0 : undefined}>
      {children}
    </section>
  );
}
