// The shell's classroom controls, on every screen: presenter mode, the list of shortcuts, and in
// presenter mode the QR code of the link (its library loads only then).
import { lazy, Suspense, useState } from 'react';
import { useStore } from 'zustand';
import { LinkNotices } from '../components/LinkNotices';
import { Switch } from '../components/Switch';
import { presenterStore } from '../state/presenterMode';

const LinkQrCode = lazy(() => import('./LinkQrCode'));

export function PresenterBar({ onShortcuts }: { onShortcuts: () => void }) {
  const on = useStore(presenterStore, (s) => s.on);
  const setOn = useStore(presenterStore, (s) => s.setOn);
  const [qr, setQr] = useState(false);
  return (
    <div className="presenter-bar">
      <Switch label="Presenter mode" checked={on} onChange={setOn} />
      {on ? (
        <button type="button" className="bar-button" aria-pressed={qr} onClick={() => setQr(!qr)}>
          QR code of this link
        </button>
      ) : null}
      <button type="button" className="bar-button" onClick={onShortcuts} aria-keyshortcuts="?">
        Keyboard shortcuts (?)
      </button>
      {on && qr ? (
        <Suspense fallback={<p className="link-qr">Drawing the QR code…</p>}>
          <LinkQrCode />
        </Suspense>
      ) : null}
    </div>
  );
}

/** A link's `present` value that could not be used. */
export function PresenterNotice() {
  const notice = useStore(presenterStore, (s) => s.notice);
  const dismiss = useStore(presenterStore, (s) => s.dismissNotice);
  return <LinkNotices notices={notice ? [notice] : []} onDismiss={dismiss} />;
}
