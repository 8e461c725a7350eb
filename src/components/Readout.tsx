// One live number with its name: the name is shown but hidden from assistive technology, and the
// <output> carries it as its accessible name instead, so a readout is found (and read) by its label.
import type { ReactNode } from 'react';

export interface ReadoutProps {
  label: string;
  /** Its accessible name, where that says more than the short label shown (the label by default). */
  name?: string;
  value: ReactNode;
  /** Spans the readouts' row (a long text, such as the backend and why it was chosen). */
  wide?: boolean;
}

export function Readout({ label, name = label, value, wide }: ReadoutProps) {
  return (
    <div className={`readout${wide ? ' readout-wide' : ''}`}>
      <span className="readout-label" aria-hidden="true">
        {label}
      </span>
      <output aria-label={name} className="readout-value">
        {value}
      </output>
    </div>
  );
}
