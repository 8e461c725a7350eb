// The babysat model's cost as a tree of attempts: the path to the model now in strong colours, old
// futures faded, each nudge, roll back and divergence marked where it happened, each day's end ticked.
import { useMemo, useState } from 'react';
import { Switch } from '../../components/Switch';
import { curvesCsv } from '../../core/export/curvesCsv';
import { describeChange } from '../../core/panda/changes';
import { DEV_COLOR, TRAIN_COLOR } from '../../ui/costChartData';
import { costDomain } from '../../ui/costChartData';
import { CurveChart } from './CurveChart';
import type { ChartMark } from './Markers';
import { FADED_TRAIN, treeLines } from './pandaChartData';
import { treeCsvCurves } from './pandaCsv';
import { usePanda } from './usePanda';

export function PandaChart() {
  const { tree, version, pending, applied, step, dayLength, phase } = usePanda((s) => ({
    tree: s.tree,
    version: s.version,
    pending: s.pending,
    applied: s.applied,
    step: s.step,
    dayLength: s.link.dayLength,
    phase: s.phase,
  }));
  const [smooth, setSmooth] = useState(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks the tree's growth (it is mutated in place)
  const lines = useMemo(() => treeLines(tree, smooth), [tree, version, smooth]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  const { marks, listed } = useMemo(() => {
    const path = new Set(tree.lineage(tree.active).map((b) => b.id));
    const lineageDays = new Set(tree.lineageDays().map((d) => d.key));
    const out: ChartMark[] = tree.days
      .filter((d) => d.day > 0 && lineageDays.has(d.key))
      .map((d) => ({ key: `day-${d.key}`, step: d.step, text: `day ${d.day}`, kind: 'day', faded: false }));
    const listedMarks = tree.markers.map((m, i) => ({
      key: `m-${i}`,
      step: m.step,
      text: m.text,
      kind: m.kind,
      faded: !path.has(m.branch),
      branch: tree.label(m.branch),
    }));
    return { marks: [...out, ...listedMarks], listed: listedMarks };
  }, [tree, version]);
  const waiting = pending ? describeChange(applied, pending) : '';
  const shown: ChartMark[] =
    waiting && phase !== 'idle'
      ? [
          ...marks,
          { key: 'pending', step, text: `${waiting} (from step ${step + 1})`, kind: 'pending', faded: false },
        ]
      : marks;
  const branches = tree.branches.length;
  return (
    <CurveChart
      title="Panda: cost of the babysat model"
      main
      lines={lines}
      marks={shown}
      minSteps={dayLength}
      strokeWidth={2.25}
      height={340}
      // A log cost axis over every curve, the blown-up branch included: a blow-up is a spike, and the
      // healthy curves near 0.1 stay readable beside it.
      log
      yDomain={
        costDomain(
          lines.map((l) => ({ ...l, diverged: false })),
          true,
        ) ?? undefined
      }
      empty={
        <>
          Press <strong>Next day</strong> to train one model for a day.
        </>
      }
      head={<Switch label="Smooth train cost" checked={smooth} onChange={setSmooth} />}
      csv={() => curvesCsv(treeCsvCurves(tree, applied))}
    >
      <p className="panda-legend">
        <span className="panda-swatch" style={{ background: TRAIN_COLOR }} /> train cost
        <span className="panda-swatch panda-swatch-dashed" style={{ borderColor: DEV_COLOR }} /> dev cost
        {branches > 1 ? (
          <>
            <span className="panda-swatch" style={{ background: FADED_TRAIN }} /> faded: futures you rolled
            back from
          </>
        ) : null}
        <span> · {branches === 1 ? '1 branch' : `${branches} branches`}</span>
      </p>
      {listed.length > 0 ? (
        <ol className="panda-marker-list" aria-label="Chart markers">
          {listed.map((m) => (
            <li key={m.key} className={m.faded ? 'panda-faded' : undefined}>
              step {m.step}, branch {m.branch}: {m.text}
            </li>
          ))}
        </ol>
      ) : null}
    </CurveChart>
  );
}
