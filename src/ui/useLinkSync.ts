// A lab's link and the URL hash in step while the lab is open. The lab's store outlives the tab and
// was not built from the hash, so the sync starts by reading it ('load'): a pasted link loads, and the
// bare tab link brings the lab back as it was.
import { useEffect } from 'react';
import { installStoreLinkSync, type LinkedStore, type StoreLink } from '../state/linkSync';

/** `link` should be a module constant: a new one re-installs the sync. */
export function useLinkSync<S>(store: LinkedStore<S>, link: StoreLink<S>): void {
  useEffect(() => installStoreLinkSync(window, store, link, 'load'), [store, link]);
}
