// A failed request or run, said plainly, until dismissed; the page goes on working.
export function ErrorNotice({ error, onDismiss }: { error: string | null; onDismiss: () => void }) {
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert" aria-label="Error">
      <p>{error}</p>
      <button type="button" className="banner-dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
