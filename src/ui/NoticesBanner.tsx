// The playground's link notices (the banner itself is shared by every lab).
import { LinkNotices } from '../components/LinkNotices';
import { useAppStore } from '../state/StoreProvider';
import { selectNotices } from '../state/selectors';

export function NoticesBanner() {
  const { notices, dismissNotices } = useAppStore(selectNotices);
  return <LinkNotices notices={notices} onDismiss={dismissNotices} />;
}
