// Hides what would give a scene's answer away (readouts, charts) until the class has predicted and
// pressed Reveal. Without a scene, or with one that asks nothing, it shows its children as they are.
// `scene` narrows it to one scene of the lab: a panel whose contents answer only that scene's question.
import type { ReactNode } from 'react';
import { useAnswerHidden } from './sceneHooks';

export interface AnswerGateProps {
  lab: string;
  /** What is hidden, as the note names it ("The cost chart"). */
  what: string;
  /** Hide only while this scene (or one of these, by id) is in play; any question scene of the lab when absent. */
  scene?: string | readonly string[];
  children: ReactNode;
}

export function AnswerGate({ lab, what, scene, children }: AnswerGateProps) {
  if (!useAnswerHidden(lab, scene)) return <>{children}</>;
  return (
    <p className="answer-gate" role="note" aria-label={`${what} hidden`}>
      {what} is hidden until the class has predicted: choose an answer above, then press Reveal.
    </p>
  );
}
