// The caviar side: the same compute spent on many models at once, then both sides side by side.

import { useMemo, useState, useSyncExternalStore } from 'react';
import { RadioGroup } from '../../components/RadioGroup';
import { ScrollBox } from '../../components/ScrollBox';
import { Switch } from '../../components/Switch';
import { curvesCsv } from '../../core/export/curvesCsv';
import { lowest } from '../../core/panda/caviar';
import { measuredVerdict } from '../../core/panda/verdict';
import { chartPoints } from '../../state/runSeries';
import { AnswerGate } from '../../ui/AnswerGate';
import type { WideLine } from '../../ui/CurveCanvas';
import { costDomain, ghostColor, smoothCurve } from '../../ui/costChartData';
import { formatCost, formatRate } from '../../ui/format';
import { useAnswerHidden } from '../../ui/sceneHooks';
import { CurveChart } from './CurveChart';
import { caviarGhost, ghostLabel, type PreviousCaviar } from './caviarGhost';
import { treeLines } from './pandaChartData';
import { populationCsvCurves, treeCsvCurves } from './pandaCsv';
import type { CaviarBudget, PopulationRun } from './pandaStore';
import { populationLines } from './populationLines';
import { usePanda, usePandaStore } from './usePanda';

/** The previous caviar run's best model, faded grey and dashed, wider than the 1-px live curves. */
function ghostLines(previous: PreviousCaviar | null): WideLine[] {
  const m = previous?.curve;
  if (!m) return [];
  return [
    {
      key: 'previous-caviar-best',
      name: 'previous caviar run: its best model',
      color: ghostColor(0.6),
      dashed: true,
      diverged: false,
      faded: true,
      widthFactor: 2.5,
      points: chartPoints(m.trainStep.view(), smoothCurve(m.trainCost.view())),
    },
  ];
}

const SIZES = [4, 8, 16].map((n) => ({ value: String(n), label: String(n) }));
const BUDGETS: readonly { value: CaviarBudget; label: string }[] = [
  { value: 'compute', label: 'same model-steps as the panda' },
  { value: 'machines', label: 'one machine per model (as many steps as the panda’s model)' },
];

function bestOf(run: PopulationRun | undefined): number {
  if (!run) return Number.NaN;
  return lowest(run.series.models.map((m) => lowest(m.devCost.view())));
}

/** A population's row of the comparison (every approach has one; "not run yet" until it ran). */
function populationRow(name: string, who: string, run: PopulationRun | undefined, effort: string) {
  return {
    name,
    who,
    models: run ? String(run.members.length) : '—',
    steps: run?.budget ?? 0,
    best: bestOf(run),
    interventions: 1,
    effort,
    ran: !!run,
  };
}

export function CaviarPanel() {
  // The ghost listens from the panel's first showing (the caviar only runs from here).
  const ghostStore = caviarGhost(usePandaStore());
  const answerHidden = useAnswerHidden('panda', 'caviar-equal-compute');
  const kept = useSyncExternalStore(ghostStore.subscribe, () => ghostStore.get().previous);
  // On by default, as on the playground's cost chart.
  const [showGhost, setShowGhost] = useState(true);
  const previous = showGhost ? kept : null;
  const ghosted = useMemo(() => ghostLines(previous), [previous]);
  const s = usePanda((x) => ({
    tree: x.tree,
    version: x.version,
    caviar: x.populations.caviar,
    pbt: x.populations.pbt,
    halving: x.populations.halving,
    size: x.caviarSize,
    budget: x.caviarBudget,
    dayLength: x.link.dayLength,
    setSize: x.setCaviarSize,
    setBudget: x.setCaviarBudget,
    runCaviar: x.runCaviar,
    applied: x.applied,
    optimizer: x.link.experiment.optimizer,
  }));
  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks the buffers' growth
  const caviarLines = useMemo(() => populationLines(s.caviar), [s.caviar, s.version]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  const pandaLines = useMemo(() => treeLines(s.tree, true), [s.tree, s.version]);
  // One log cost axis for both sides, from the models that did not diverge: a diverged caviar member
  // (drawn red and dashed, running off the top) cannot flatten the others or the panda.
  // The ghost stays out of it: clipped where it runs beyond (it is only there to compare with).
  const shared = costDomain([...pandaLines, ...caviarLines], true) ?? undefined;
  const pandaSteps = s.tree.modelSteps();
  const running = s.caviar?.phase === 'training' || s.caviar?.phase === 'starting';
  const rows = [
    {
      name: 'Panda (one model, babysat)',
      who: 'the panda',
      models: String(s.tree.branches.length === 1 ? 1 : `1 (${s.tree.branches.length} branches)`),
      steps: pandaSteps,
      best: s.tree.bestDevCost(),
      interventions: s.tree.interventions,
      effort: `${s.tree.interventions} (nudges and roll backs)`,
      ran: pandaSteps > 0,
    },
    populationRow(
      'Caviar (many models in parallel)',
      'the caviar',
      s.caviar,
      '1 (choose the search space, once)',
    ),
    populationRow(
      'Population-based training',
      'population-based training',
      s.pbt,
      `1 (set it up; it made ${(s.pbt?.lineage ?? []).reduce((n, l) => n + l.length - 1, 0)} copies by itself)`,
    ),
    populationRow('Successive halving', 'successive halving', s.halving, '1 (set it up)'),
  ];
  const verdict = measuredVerdict(
    rows.map((r) => ({
      name: r.who,
      modelSteps: r.ran ? r.steps : 0,
      best: r.best,
      interventions: r.interventions,
    })),
  );
  const bestCaviar = s.caviar ? s.caviar.best : null;
  return (
    <section className="panda-section" aria-label="Caviar">
      <h2>Caviar: many models at once, on the same compute</h2>
      <p>
        The panda’s compute is every step it trained, abandoned branches included (
        <output aria-label="Panda model-steps">{pandaSteps}</output> model-steps so far). The caviar spends
        the same budget on a population drawn from the search space (α on a log scale from 10⁻⁴ to 1, the
        momentum term on a log scale of 1 − β), trained together and left alone.
      </p>
      <div className="panda-caviar-controls">
        <RadioGroup
          label="Population"
          value={String(s.size)}
          options={SIZES}
          onChange={(v) => s.setSize(Number(v))}
        />
        <RadioGroup label="Budget" value={s.budget} options={BUDGETS} onChange={s.setBudget} />
        <div className="button-row">
          <button type="button" className="primary" disabled={running} onClick={() => void s.runCaviar()}>
            Run caviar
          </button>
        </div>
      </div>
      {s.caviar ? (
        <p className="hint" role="status" aria-label="Caviar status">
          {s.caviar.members.length} models × {s.caviar.steps} steps = {s.caviar.budget} model-steps ·{' '}
          {s.caviar.note}
        </p>
      ) : null}
      {/* The previous caviar's best would answer the caviar scene: it waits for Reveal with the curves. */}
      {s.caviar && !answerHidden ? (
        <div className="panda-ghost-row">
          <Switch
            label="Show the previous caviar run as a ghost"
            checked={showGhost}
            onChange={setShowGhost}
          />
          {previous ? (
            <button type="button" onClick={() => ghostStore.clear()}>
              Forget the previous caviar run
            </button>
          ) : null}
          {/* Above both charts, not on the caviar's: its plot stays level with the panda's, on one axis. */}
          {previous ? (
            <p className="panda-ghost-label" data-previous-run>
              {ghostLabel(previous)} (grey dashed, on the caviar’s chart)
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="panda-side-by-side">
        <CurveChart
          title="Panda’s curves"
          lines={pandaLines}
          minSteps={s.dayLength}
          height={240}
          log
          yDomain={shared}
          empty="Train the panda for a day or two first."
          csv={() => curvesCsv(treeCsvCurves(s.tree, s.applied))}
        />
        {/* Its curves answer the caviar scene too (a Run caviar pressed before the class predicted). */}
        <AnswerGate lab="panda" scene="caviar-equal-compute" what="The caviar’s curves">
          <CurveChart
            title="Caviar’s curves"
            lines={ghosted.length > 0 ? [...ghosted, ...caviarLines] : caviarLines}
            minSteps={Math.max(s.caviar?.steps ?? s.dayLength, previous?.maxStep ?? 0)}
            height={240}
            strokeWidth={1}
            log
            yDomain={shared}
            csv={() => curvesCsv(populationCsvCurves(s.caviar, s.optimizer))}
            empty={
              <>
                Press <strong>Run caviar</strong>.
              </>
            }
          >
            {s.caviar && bestCaviar !== null ? (
              <span>
                Best: #{bestCaviar + 1}, α ={' '}
                <output aria-label="Caviar best α">
                  {formatRate(s.caviar.members[bestCaviar].hyper.learningRate)}
                </output>{' '}
                (colours: purple = small α, yellow = large α).
              </span>
            ) : null}
            {previous ? <GhostKey previous={previous} /> : null}
          </CurveChart>
        </AnswerGate>
      </div>
      {/* In the caviar scene the class sees the setup above and predicts; the comparison is the answer. */}
      <AnswerGate
        lab="panda"
        scene="caviar-equal-compute"
        what="The equal-compute comparison and when each wins"
      >
        <ScrollBox label="Equal-compute comparison (table)">
          <table className="panda-comparison" aria-label="Equal-compute comparison">
            <thead>
              <tr>
                <th scope="col">Approach</th>
                <th scope="col">Models</th>
                <th scope="col">Model-steps</th>
                <th scope="col">Best dev cost</th>
                <th scope="col">Human effort (interventions)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.name}>
                  <th scope="row">{r.name}</th>
                  <td>{r.models}</td>
                  <td>{r.ran ? r.steps : '—'}</td>
                  <td>{r.ran ? formatCost(r.best) : 'not run yet'}</td>
                  <td>{r.effort}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        <div className="panda-when">
          <h3>When each wins</h3>
          {verdict.length > 0 ? (
            <div role="status" aria-label="Measured here">
              {verdict.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          ) : (
            <p>Train the panda for a few days, then run the others on its compute to see which wins here.</p>
          )}
          <p>
            In general: <strong>panda</strong> when compute is the bottleneck: a data set so big that one
            model takes days and you can afford only one at a time. Your attention replaces the parallel
            search: you look at the curve every day and steer. It costs your time, and the steps of every
            abandoned branch still count.
          </p>
          <p>
            <strong>Caviar</strong> when you have many machines: train many settings side by side, never look
            until the end, and keep the best. With the same total compute each model gets only a slice of it,
            so on one machine the caviar often loses; give every model its own machine (the second budget) and
            it usually wins, with almost no human effort.
          </p>
          <p>
            Either way, re-test your hyperparameters every few months: data, code and hardware change, and
            yesterday’s best α may not be today’s.
          </p>
        </div>
      </AnswerGate>
    </section>
  );
}

/** The ghost's entry in the caption: the previous run's numbers, read out one by one. */
function GhostKey({ previous }: { previous: PreviousCaviar }) {
  return (
    <span className="panda-ghost-key" data-ghost-legend>
      {' '}
      ┅ Grey dashed: the previous caviar run ({previous.models} models × {previous.steps} steps), its best
      model’s train cost: dev cost{' '}
      <output aria-label="Previous caviar best dev cost">
        {previous.best === null ? '—' : formatCost(previous.bestDevCost)}
      </output>
      {previous.best === null ? (
        ' (no model of it measured one)'
      ) : (
        <>
          {' '}
          at α = <output aria-label="Previous caviar best α">{formatRate(previous.learningRate)}</output>
        </>
      )}
      .
    </span>
  );
}
