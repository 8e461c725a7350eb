// Says why a button is disabled, right below it (the button points here with aria-describedby).
export function BlockedReason({ id, action, problems }: { id: string; action: string; problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <div id={id} className="blocked-reason">
      <p>
        {action} is disabled until{' '}
        {problems.length === 1 ? 'this is fixed' : `these ${problems.length} are fixed`}:
      </p>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
