// The live numbers of the run: step, costs, accuracy, the α in effect, and which backend trains.

import { useAppStore } from '../state/StoreProvider';
import { selectReadouts } from '../state/selectors';
import { formatCost, formatPercent, formatRate } from './format';

const STATUS_TEXT = {
  idle: 'ready',
  starting: 'starting…',
  running: 'training',
  paused: 'paused',
  finished: 'finished',
  stopped: 'stopped',
  error: 'error',
} as const;

function Readout({ label, value, wide }: { label: string; value: string; wide?: boolean }) {
  return (
    <div className={`readout${wide ? ' readout-wide' : ''}`}>
      <span className="readout-label" aria-hidden="true">
        {label}
      </span>
      <output aria-label={label} className="readout-value">
        {value}
      </output>
    </div>
  );
}

/** While a run starts, say what is happening: 'auto' first times every backend on this network. */
function backendText(
  status: keyof typeof STATUS_TEXT,
  choice: string,
  backend: { name: string; reason: string } | null,
): string {
  if (status === 'starting')
    return choice === 'auto' ? 'choosing: timing each backend on this network…' : `starting ${choice}…`;
  return backend ? `${backend.name} — ${backend.reason}` : '—';
}

export function Readouts() {
  const { status, kind, readouts, backend, backendChoice, models } = useAppStore(selectReadouts);
  const r = readouts;
  const featured = r && kind === 'population' ? models[r.model] : null;
  const diverged = r ? models[r.model]?.status === 'diverged' : false;
  return (
    <section className="readouts" aria-label="Live readouts">
      <Readout label="Status" value={STATUS_TEXT[status]} />
      <Readout label="Step" value={r ? String(r.step) : '0'} />
      <Readout label="Train cost" value={r ? formatCost(r.trainCost) : '—'} />
      <Readout label="Dev cost" value={r ? formatCost(r.devCost) : '—'} />
      <Readout label="Dev accuracy" value={r ? formatPercent(r.devAccuracy) : '—'} />
      <Readout label="Effective α" value={r ? formatRate(r.learningRate) : '—'} />
      <Readout label="Backend" value={backendText(status, backendChoice, backend)} wide />
      {featured ? (
        <p className="readout-note">
          Showing the best of {models.length} models (lowest cost): started at α ={' '}
          {formatRate(featured.learningRate)}.
        </p>
      ) : null}
      {diverged && kind === 'single' ? (
        <p className="readout-note readout-warning">
          This model diverged{models[0]?.reason ? `: ${models[0].reason}` : ''}. Try a smaller α.
        </p>
      ) : null}
    </section>
  );
}
