// The bridge between panda and caviar: tuners that babysit a population automatically.

import { useMemo } from 'react';
import { RadioGroup } from '../../components/RadioGroup';
import { ScrollBox } from '../../components/ScrollBox';
import { curvesCsv } from '../../core/export/curvesCsv';
import { formatRate } from '../../ui/format';
import { CurveChart } from './CurveChart';
import { LineageChart } from './LineageChart';
import { populationCsvCurves } from './pandaCsv';
import { HALVING_MODELS, PBT_DAYS, PBT_EVERY_DAYS, PBT_MEMBERS } from './pandaStore';
import { populationLines } from './populationLines';
import { usePanda } from './usePanda';

const VIEWS = [
  { value: 'pbt', label: 'Population-based training' },
  { value: 'halving', label: 'Successive halving' },
] as const;

export function BridgePanel() {
  const s = usePanda((x) => ({
    version: x.version,
    pbt: x.populations.pbt,
    halving: x.populations.halving,
    bridge: x.bridge,
    dayLength: x.link.dayLength,
    setBridge: x.setBridge,
    runPbt: x.runPbt,
    runHalving: x.runHalving,
    optimizer: x.link.experiment.optimizer,
  }));
  const run = s.bridge === 'pbt' ? s.pbt : s.halving;
  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks the buffers' growth
  const lines = useMemo(() => populationLines(run), [run, s.version]);
  const busy = (r: typeof run) => r?.phase === 'training' || r?.phase === 'starting';
  const best = run?.best ?? null;
  return (
    <section className="panda-section" aria-label="Automated babysitting">
      <h2>The bridge: caviar that babysits itself</h2>
      <p>
        Automated tuners mix the two. <strong>Population-based training</strong>: {PBT_MEMBERS} models train
        in parallel; every {PBT_EVERY_DAYS} days ({PBT_EVERY_DAYS * s.dayLength} steps) the worst fifth throw
        their weights away, copy one of the best fifth (weights and hyperparameters), and move α and β by ×0.8
        or ×1.2. No human watches, yet each model gets babysat. <strong>Successive halving</strong>: start{' '}
        {HALVING_MODELS} models on a few steps, keep the best third with three times the steps, and again.
      </p>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy(s.pbt)} onClick={() => void s.runPbt()}>
          Run population-based training
        </button>
        <button type="button" disabled={busy(s.halving)} onClick={() => void s.runHalving()}>
          Run successive halving
        </button>
      </div>
      <RadioGroup label="Show" value={s.bridge} options={VIEWS} onChange={s.setBridge} />
      {run ? (
        <p className="hint" role="status" aria-label="Bridge status">
          {run.kind === 'pbt' ? `Population-based training, ${PBT_DAYS} days` : 'Successive halving'} ·{' '}
          {run.budget} model-steps · {run.note}
          {best !== null
            ? // PBT moves α as it goes ("α now"); halving trains each model at the α it was drawn with.
              ` · best: #${best + 1} (α ${run.kind === 'pbt' ? 'now ' : ''}${formatRate(run.members[best].hyper.learningRate)})`
            : ''}
        </p>
      ) : null}
      {run?.kind === 'halving' && run.schedule ? (
        <ScrollBox label="Halving rounds (table)">
          <table className="panda-rounds" aria-label="Halving rounds">
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">Models</th>
                <th scope="col">Steps each</th>
                <th scope="col">Up to step</th>
              </tr>
            </thead>
            <tbody>
              {run.schedule.map((r) => (
                <tr key={r.index} className={r.index < run.rounds ? 'panda-done' : undefined}>
                  <td>{r.index + 1}</td>
                  <td>{r.alive}</td>
                  <td>{r.steps}</td>
                  <td>{r.untilStep}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : null}
      <div className="panda-side-by-side">
        <CurveChart
          title={s.bridge === 'pbt' ? 'Population-based training: cost' : 'Successive halving: cost'}
          lines={lines}
          minSteps={run?.steps ?? s.dayLength}
          height={260}
          strokeWidth={1}
          log
          empty="Run it to see the curves."
          csv={() => curvesCsv(populationCsvCurves(run, s.optimizer))}
        />
        {s.bridge === 'pbt' && s.pbt?.lineage ? (
          <LineageChart lineage={s.pbt.lineage} totalSteps={s.pbt.steps} best={s.pbt.best} />
        ) : null}
      </div>
    </section>
  );
}
