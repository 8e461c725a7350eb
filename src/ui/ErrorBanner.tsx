// The playground's failed request or run, said plainly; the page goes on working.
import { ErrorNotice } from '../components/ErrorNotice';
import { useAppStore } from '../state/StoreProvider';
import { selectError } from '../state/selectors';

export function ErrorBanner() {
  const { error, dismissError } = useAppStore(selectError);
  return <ErrorNotice error={error} onDismiss={dismissError} />;
}
