// The search space: one row per hyperparameter, fixed or searched on a scale, with the course's
// importance tier beside it. A bad range is refused right at its row, with the reason.
import {
  type Dimension,
  HYPERPARAMETERS,
  type HyperDef,
  type RowMode,
  SCALE_TEXT,
  TIER_TEXT,
} from '../../core/search/space';
import { formatValue } from './plotAxes';
import { useProblems, useSearch } from './useSearchStore';

/** A round's range of one hyperparameter, in the leaderboard's number format. */
function rangeText(def: HyperDef, d: Dimension): string {
  if (d.scale === 'fixed') return `fixed at ${formatValue(def.key, d.value)}`;
  if (d.scale === 'choice') return `choices ${d.choices.map((c) => formatValue(def.key, c)).join(', ')}`;
  return `${formatValue(def.key, d.low)} to ${formatValue(def.key, d.high)} (${SCALE_TEXT[d.scale]})`;
}

function Row({ def, reason }: { def: HyperDef; reason: string | undefined }) {
  const { draft, setRow, latest } = useSearch((s) => ({
    draft: s.drafts[def.key],
    setRow: s.setRow,
    // A zoomed round samples a smaller region than the fields (round 1's space) say: the row shows it.
    latest: s.rounds.length > 1 ? s.rounds[s.rounds.length - 1] : null,
  }));
  const messageId = `search-row-${def.key}-message`;
  const modes: RowMode[] = ['fixed', ...def.scales];
  const invalid = reason ? true : undefined;
  const describedBy = reason ? messageId : undefined;
  const input = (field: 'value' | 'low' | 'high' | 'choices', name: string, wide = false) => (
    <input
      type="text"
      inputMode={field === 'choices' ? 'text' : 'decimal'}
      className={wide ? 'search-input search-input-wide' : 'search-input'}
      aria-label={`${name}: ${def.label}`}
      value={draft[field]}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      onChange={(e) => setRow(def.key, { [field]: e.target.value })}
    />
  );
  return (
    <tr
      className={`search-row${reason ? ' search-row-invalid' : ''}${draft.mode !== 'fixed' ? ' search-row-searched' : ''}`}
    >
      <th scope="row">
        {def.label}
        <span className={`search-tier search-tier-${def.tier}`}>{TIER_TEXT[def.tier]}</span>
      </th>
      <td>
        <select
          aria-label={`Scale: ${def.label}`}
          value={draft.mode}
          onChange={(e) => setRow(def.key, { mode: e.target.value as RowMode })}
        >
          {modes.map((m) => (
            <option key={m} value={m}>
              {m === 'fixed' ? 'fixed' : `search: ${SCALE_TEXT[m]}`}
            </option>
          ))}
        </select>
      </td>
      <td className="search-row-range">
        {draft.mode === 'fixed' ? input('value', 'Value') : null}
        {draft.mode === 'choice' ? input('choices', 'Choices', true) : null}
        {draft.mode !== 'fixed' && draft.mode !== 'choice' ? (
          <>
            {input('low', 'Low')}
            <span aria-hidden="true">to</span>
            {input('high', 'High')}
          </>
        ) : null}
        {latest && latest.space[def.key].scale !== 'fixed' ? (
          <p className="search-row-round">
            Round {latest.index + 1} samples{' '}
            <output aria-label={`Round ${latest.index + 1} range: ${def.label}`}>
              {rangeText(def, latest.space[def.key])}
            </output>
          </p>
        ) : null}
        {reason ? (
          <p id={messageId} className="search-row-message" role="status">
            {reason}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

export function SpaceEditor() {
  const problems = useProblems();
  const zoomed = useSearch((s) => (s.rounds.length > 1 ? s.rounds.length : 0));
  return (
    <section className="panel search-space" aria-label="Search space">
      <h2>Search space</h2>
      <p className="hint">
        Fix a hyperparameter or search it on a scale. The tiers are the course's advice on what to tune first;
        Adam's β1, β2 and ε are almost always left at 0.9, 0.999 and 10⁻⁸.
      </p>
      {zoomed ? (
        <p className="search-zoomed-note">
          The fields hold round 1's space (<strong>Run study</strong> starts again from it); under each
          searched row, the range round {zoomed} sampled after zooming in.
        </p>
      ) : null}
      <table className="search-space-table">
        <thead>
          <tr>
            <th scope="col">hyperparameter (course tier)</th>
            <th scope="col">scale</th>
            <th scope="col">value or range</th>
          </tr>
        </thead>
        <tbody>
          {HYPERPARAMETERS.map((def) => (
            <Row key={def.key} def={def} reason={problems.rows[def.key]} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
