// The live numbers of the run: step, costs, accuracy, the α in effect, and which backend trains.

import { Readout } from '../components/Readout';
import { useAppStore } from '../state/StoreProvider';
import { selectReadouts } from '../state/selectors';
import { formatCost, formatPercent, formatRate } from './format';
import { RUN_PHASE_TEXT } from './labels';

/** While a run starts, say what is happening: 'auto' first times every backend on this network. */
function backendText(
  status: keyof typeof RUN_PHASE_TEXT,
  choice: string,
  backend: { name: string; reason: string; threads?: number; threadsWhy?: string } | null,
): string {
  if (status === 'starting')
    return choice === 'auto' ? 'choosing: timing each backend on this network…' : `starting ${choice}…`;
  return backend ? `${backendName(backend)} — ${backend.reason}` : '—';
}

/** wasm says how many threads it got, and why only one where that is so. */
function backendName(backend: { name: string; threads?: number; threadsWhy?: string }): string {
  if (backend.threads === undefined) return backend.name;
  const threads = `${backend.name}, ${backend.threads} ${backend.threads === 1 ? 'thread' : 'threads'}`;
  return backend.threadsWhy ? `${threads}: ${backend.threadsWhy}` : threads;
}

/** A number not measured yet reads "—"; a diverged model's costs read "diverged", as its message says. */
function shown(value: number | null | undefined, diverged: boolean, format: (v: number) => string): string {
  if (diverged) return 'diverged';
  return value === null || value === undefined ? '—' : format(value);
}

export function Readouts() {
  const { status, kind, readouts, backend, backendChoice, models } = useAppStore(selectReadouts);
  const r = readouts;
  const featured = r && kind === 'population' ? models[r.model] : null;
  const diverged = r ? models[r.model]?.status === 'diverged' : false;
  const single = kind === 'single' && diverged;
  // A single model that diverged has not finished: it stopped, blown up.
  const statusText = single ? 'diverged' : RUN_PHASE_TEXT[status];
  return (
    <section className="readouts" aria-label="Live readouts">
      <Readout label="Status" value={statusText} />
      <Readout label="Step" value={r ? String(r.step) : '0'} />
      <Readout label="Train cost" value={shown(r?.trainCost, single, formatCost)} />
      <Readout label="Dev cost" value={shown(r?.devCost, single, formatCost)} />
      <Readout label="Dev accuracy" value={single ? '—' : shown(r?.devAccuracy, false, formatPercent)} />
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
