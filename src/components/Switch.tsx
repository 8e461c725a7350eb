// An on/off switch (role="switch"); 'mixed' when it summarises several switches that disagree.
export interface SwitchProps {
  label: string;
  checked: boolean | 'mixed';
  onChange: (on: boolean) => void;
  /** Smaller, indented (a per-layer switch under a summary switch). */
  nested?: boolean;
  disabled?: boolean;
}

export function Switch({ label, checked, onChange, nested, disabled }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      className={`switch${nested ? ' switch-nested' : ''}`}
      disabled={disabled}
      onClick={() => onChange(checked !== true)}
    >
      <span className={`switch-track switch-${String(checked)}`} aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-label">{label}</span>
    </button>
  );
}
