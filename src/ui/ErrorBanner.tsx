// A failed request or run, said plainly; the page goes on working.

import { useAppStore } from '../state/StoreProvider';
import { selectError } from '../state/selectors';

export function ErrorBanner() {
  const { error, dismissError } = useAppStore(selectError);
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert" aria-label="Error">
      <p>{error}</p>
      <button type="button" className="banner-dismiss" onClick={dismissError}>
        Dismiss
      </button>
    </div>
  );
}
