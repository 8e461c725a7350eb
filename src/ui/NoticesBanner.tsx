// What decoding the link changed: each notice names its field; dismissible.
import { selectNotices } from '../state/selectors';
import { useAppStore } from '../state/StoreProvider';

export function NoticesBanner() {
  const { notices, dismissNotices } = useAppStore(selectNotices);
  if (notices.length === 0) return null;
  return (
    <div className="banner banner-notice" role="alert" aria-label="Link notices">
      <div>
        <p className="banner-title">Some settings in the link could not be used:</p>
        <ul>
          {notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="banner-dismiss" onClick={dismissNotices}>
        Dismiss
      </button>
    </div>
  );
}
