// The study in the plane of α and a second searched hyperparameter: samples before training, then
// coloured by final dev cost, each round's best ringed, zoomed regions nested. Drag a rectangle to
// choose where the next round ("Zoom in") samples.
import { useMemo, useRef, useState } from 'react';
import { Readout } from '../../components/Readout';
import { SelectField } from '../../components/SelectField';
import { fromAxis, type HyperKey, hyperDef, searchedKeys, toAxis } from '../../core/search/space';
import { distinctCount } from '../../core/search/strategies';
import { regionAround } from '../../core/search/zoom';
import { ChartExport } from '../../ui/ChartExport';
import { formatValue } from './plotAxes';
import { ScatterPlot } from './ScatterPlot';
import { bestTrial, isActive } from './searchStore';
import { previewPoints, roundRegions, studyPoints, xKeyOf, yKeyOf } from './studyView';
import { usePreview } from './usePreview';
import { useSearch } from './useSearchStore';
import { useSelection } from './useSelection';
import { costText } from './costText';

export function StudyScatter() {
  const { rounds, trials, brush, setBrush, status } = useSearch((s) => ({
    rounds: s.rounds,
    trials: s.trials,
    brush: s.brush,
    setBrush: s.setBrush,
    status: s.status,
  }));
  const preview = usePreview();
  const [wantedY, setWantedY] = useState<HyperKey | null>(null);
  const space = rounds[0]?.space ?? preview?.space ?? null;
  const xKey = space ? xKeyOf(space) : null;
  const yKey = space ? yKeyOf(space, wantedY) : null;
  const keys = space ? searchedKeys(space) : [];

  const { selected } = useSelection();
  const points = useMemo(() => {
    if (!space || !xKey) return [];
    if (rounds.length > 0)
      return studyPoints(trials, space, xKey, yKey).map((p) =>
        selected && !selected.has(p.id) ? { ...p, faded: true } : p,
      );
    return preview ? previewPoints(preview.trials, space, xKey, yKey) : [];
  }, [rounds, trials, preview, space, xKey, yKey, selected]);
  const regions = useMemo(
    () => (xKey && rounds.length > 0 ? roundRegions(rounds, xKey, yKey) : []),
    [rounds, xKey, yKey],
  );

  // Distinct values per axis: of the latest round, or of the samples before a study runs.
  const latest = rounds.length > 0 ? rounds[rounds.length - 1] : null;
  const shownValues = latest
    ? trials.filter((t) => t.round === latest.index).map((t) => t.values)
    : (preview?.trials ?? []);

  const best = bestTrial(trials);
  const canSelectBest = !!best && !!space && !!xKey && !isActive(status);
  const selectAroundBest = () => {
    if (!best || !latest || !xKey) return;
    const point: Partial<Record<HyperKey, number>> = {
      [xKey]: toAxis(latest.space[xKey], best.values[xKey]),
    };
    if (yKey && latest.space[yKey].scale !== 'fixed')
      point[yKey] = toAxis(latest.space[yKey], best.values[yKey]);
    setBrush(regionAround(latest.space, point, 0.4));
  };

  const figureRef = useRef<HTMLElement>(null);

  return (
    <figure className="panel search-scatter-panel" aria-label="Samples and results" ref={figureRef}>
      <div className="panel-head">
        <h2>{rounds.length > 0 ? 'Trials: dev cost (score)' : 'Samples'}</h2>
        <ChartExport name="Samples and results" target={figureRef} fileName="study-scatter" />
        {keys.length > 2 && xKey ? (
          <SelectField
            label="Second axis"
            value={yKey ?? keys[1]}
            options={keys.filter((k) => k !== xKey).map((k) => ({ value: k, label: hyperDef(k).label }))}
            onChange={(k) => setWantedY(k)}
          />
        ) : null}
      </div>
      {space && xKey ? (
        <ScatterPlot
          label={`Trials over ${hyperDef(xKey).label}${yKey ? ` and ${hyperDef(yKey).label}` : ''}`}
          xKey={xKey}
          yKey={yKey}
          space={space}
          points={points}
          regions={regions}
          brush={brush}
          onBrush={rounds.length > 0 ? setBrush : undefined}
        />
      ) : (
        <p className="chart-empty-static">Fix the search space to see the samples.</p>
      )}
      <section className="search-distinct" aria-label="Distinct values per axis">
        {latest ? (
          <p className="search-distinct-round">
            {rounds.length > 1 ? `Round ${latest.index + 1} (the latest):` : 'Round 1:'}
          </p>
        ) : null}
        {keys.map((k) => (
          <Readout
            key={k}
            label={`Distinct ${hyperDef(k).symbol}`}
            name={`Distinct values: ${hyperDef(k).label}`}
            value={distinctCount(shownValues.map((v) => v[k]))}
          />
        ))}
        <Readout label="Trials" value={shownValues.length} />
      </section>
      <figcaption>
        {rounds.length === 0 ? (
          <p className="hint">
            Hollow points are samples not trained yet; the ticks on the axes show each one's projection. A
            grid tries few distinct values of each hyperparameter; random draws try a new one every time.
          </p>
        ) : (
          <>
            <p className="hint">
              Colour: dev cost (score) (dark = low, pale = high); <span className="search-cross">×</span>{' '}
              diverged; rings mark each round's best, the thick ring the best so far. Drag a rectangle over a
              promising area, then press <strong>Zoom in</strong>.
            </p>
            <div className="search-buttons">
              <button type="button" onClick={selectAroundBest} disabled={!canSelectBest}>
                Select around the best
              </button>
              {brush ? (
                <button type="button" onClick={() => setBrush(null)}>
                  Clear selection
                </button>
              ) : null}
            </div>
            {brush ? (
              <p className="search-region-text">
                Selected:{' '}
                {(Object.entries(brush) as [HyperKey, [number, number]][])
                  .map(([k, [a, b]]) => {
                    const d = latest?.space[k] ?? space?.[k];
                    if (!d) return '';
                    const from = formatValue(k, fromAxis(d, a));
                    const to = formatValue(k, fromAxis(d, b));
                    return `${hyperDef(k).label} ${from} to ${to}`;
                  })
                  .join('; ')}
              </p>
            ) : null}
            <ol className="search-rounds" aria-label="Rounds">
              {rounds.map((r) => {
                const b = bestTrial(trials, r.index);
                return (
                  <li key={r.index}>
                    Round {r.index + 1} ({r.trialIds.length} trials
                    {r.region ? ', zoomed' : ''}): best dev cost{' '}
                    <strong>{b ? costText(b.devCost) : '—'}</strong>
                    {b && xKey ? ` at ${hyperDef(xKey).symbol} = ${formatValue(xKey, b.values[xKey])}` : ''}
                  </li>
                );
              })}
            </ol>
            <p>
              Best so far:{' '}
              <output aria-label="Best dev cost so far">{best ? costText(best.devCost) : '—'}</output>
            </p>
          </>
        )}
      </figcaption>
    </figure>
  );
}
