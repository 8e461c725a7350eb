// A titled group of controls in the left column. In presenter mode a section the lesson rarely needs
// folds to its title (a button that opens it), so the class sees the chart and the few controls the
// teacher uses; `keepOpen` sections (training: α and the optimizer) stay open.
import { type ReactNode, useId, useState } from 'react';
import { usePresenter } from './presenter';

export function Section({
  title,
  children,
  keepOpen = false,
}: {
  title: string;
  children: ReactNode;
  keepOpen?: boolean;
}) {
  const presenting = usePresenter();
  const [opened, setOpened] = useState(false);
  const id = useId();
  const folds = presenting && !keepOpen;
  return (
    <section className="control-section" aria-label={title}>
      {folds ? (
        <h2>
          <button
            type="button"
            className="section-toggle"
            aria-expanded={opened}
            aria-controls={id}
            onClick={() => setOpened(!opened)}
          >
            {title}
          </button>
        </h2>
      ) : (
        <h2>{title}</h2>
      )}
      <div id={id} hidden={folds && !opened}>
        {children}
      </div>
    </section>
  );
}
