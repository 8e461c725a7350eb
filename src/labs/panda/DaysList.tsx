// One item per snapshot: the start (day 0) and the end of every day, on every branch. The picked
// day is where "Roll back" goes; a day at the tip of another branch is a way back to that branch.
import { useId } from 'react';
import { momentumKey } from '../../core/panda/changes';
import { formatCost, formatRate } from '../../ui/format';

const cost = (v: number) => (Number.isFinite(v) ? formatCost(v) : '—');

import { usePanda } from './usePanda';

export function DaysList() {
  const { tree, version, selectedDay, selectDay, optimizer } = usePanda((s) => ({
    tree: s.tree,
    version: s.version,
    selectedDay: s.selectedDay,
    selectDay: s.selectDay,
    optimizer: s.link.experiment.optimizer,
  }));
  void version; // re-render when the (mutable) tree grows
  const name = useId();
  const mKey = momentumKey(optimizer);
  const path = new Set(tree.lineageDays().map((d) => d.key));
  if (tree.days.length === 0) return null;
  return (
    <section className="panel panda-days" aria-labelledby={`${name}-title`}>
      <h3 id={`${name}-title`}>Days</h3>
      <p className="hint">Pick a day, then press Roll back. Faded days belong to other branches.</p>
      <ul aria-label="Days" className="panda-day-list">
        {tree.days.map((d) => {
          const text = [
            d.day === 0 ? 'Day 0 (start)' : `Day ${d.day}`,
            `step ${d.step}`,
            `branch ${tree.label(d.branch)}`,
            `α ${formatRate(d.hyper.learningRate)}`,
            mKey ? `${mKey === 'adamBeta1' ? 'β1' : 'β'} ${d.hyper[mKey]}` : null,
            `dev cost ${cost(d.devCost)}`,
          ]
            .filter(Boolean)
            .join(' · ');
          return (
            <li key={d.key} className={path.has(d.key) ? undefined : 'panda-faded'}>
              <label>
                <input
                  type="radio"
                  name={name}
                  checked={selectedDay === d.key}
                  onChange={() => selectDay(d.key)}
                />
                {text}
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
