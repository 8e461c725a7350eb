// What decoding a shared link changed: each notice names its field; dismissible. Every lab shows
// its link's notices with this one banner.
interface LinkNoticesProps {
  notices: readonly string[];
  onDismiss: () => void;
  className?: string;
}

export function LinkNotices({ notices, onDismiss, className }: LinkNoticesProps) {
  if (notices.length === 0) return null;
  return (
    <div
      className={`banner banner-notice${className ? ` ${className}` : ''}`}
      role="alert"
      aria-label="Link notices"
    >
      <div>
        <p className="banner-title">Some settings in the link could not be used:</p>
        <ul>
          {notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="banner-dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
