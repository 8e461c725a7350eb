// The lab's status line. The lab builds its network paused as it opens (so the step-by-step view has
// numbers at once): until a step has run, that network is "not started", not "paused".
import { RUN_PHASE_TEXT } from '../../ui/labels';
import type { LabPhase, LabRunKind } from './labStore';

const PHASE_TEXT: Record<LabPhase, string> = { ...RUN_PHASE_TEXT, idle: 'not started' };

export function labStatusText(kind: LabRunKind, status: LabPhase, step: number): string {
  const what = kind === 'live' ? 'network' : kind === 'compare' ? 'comparison' : 'sweep';
  const waiting = status === 'idle' || status === 'starting' || status === 'paused';
  return `${what}: ${waiting && step === 0 ? 'not started' : PHASE_TEXT[status]}`;
}
