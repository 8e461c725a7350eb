// Hides what would give a scene's answer away (readouts, charts) until the class has predicted and
// pressed Reveal. Without a scene, or with one that asks nothing, it shows its children as they are.
import type { ReactNode } from 'react';
import { useAnswerHidden } from './sceneHooks';

export function AnswerGate({ lab, what, children }: { lab: string; what: string; children: ReactNode }) {
  if (!useAnswerHidden(lab)) return <>{children}</>;
  return (
    <p className="answer-gate" role="note" aria-label={`${what} hidden`}>
      {what} is hidden until the class has predicted: choose an answer above, then press Reveal.
    </p>
  );
}
