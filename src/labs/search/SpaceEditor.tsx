// The search space: one row per hyperparameter, fixed or searched on a scale, with the course's
// importance tier beside it. A bad range is refused right at its row, with the reason.
import { HYPERPARAMETERS, type HyperDef, type RowMode, SCALE_TEXT, TIER_TEXT } from '../../core/search/space';
import { useProblems, useSearch } from './useSearchStore';

function Row({ def, reason }: { def: HyperDef; reason: string | undefined }) {
  const { draft, setRow } = useSearch((s) => ({ draft: s.drafts[def.key], setRow: s.setRow }));
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
  return (
    <section className="panel search-space" aria-label="Search space">
      <h2>Search space</h2>
      <p className="hint">
        Fix a hyperparameter or search it on a scale. The tiers are the course's advice on what to tune first;
        Adam's β1, β2 and ε are almost always left at 0.9, 0.999 and 10⁻⁸.
      </p>
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
