// The babysat model now: day, step, branch, α in use, latest costs, and the effort spent.
import { Readout } from '../../components/Readout';
import { formatCost, formatRate } from '../../ui/format';

const cost = (v: number) => (Number.isFinite(v) ? formatCost(v) : '—');

import { usePanda } from './usePanda';

const PHASE_TEXT = {
  idle: 'ready',
  starting: 'starting…',
  training: 'training',
  paused: 'paused',
  diverged: 'diverged',
  error: 'error',
  reopened: 'reopened (saved): Next day starts over from its link',
} as const;

export function PandaReadouts() {
  const { tree, version, phase, step, applied, backend } = usePanda((s) => ({
    tree: s.tree,
    version: s.version,
    phase: s.phase,
    step: s.step,
    applied: s.applied,
    backend: s.backend,
  }));
  void version;
  const b = tree.activeBranch;
  return (
    <section className="readouts panda-readouts" aria-label="Panda readouts">
      <Readout label="Status" value={PHASE_TEXT[phase]} />
      <Readout label="Day" value={String(tree.daysDone())} />
      <Readout label="Step" value={String(step)} />
      <Readout label="Branch" value={tree.label(tree.active)} />
      <Readout label="α in use" value={formatRate(applied.learningRate)} />
      <Readout label="Train cost" value={cost(b.trainCost.at(-1) ?? Number.NaN)} />
      <Readout label="Dev cost" value={cost(tree.devCostAt(step))} />
      <Readout label="Interventions" value={String(tree.interventions)} />
      {backend ? <p className="readout-note">Backend: {backend}</p> : null}
    </section>
  );
}
