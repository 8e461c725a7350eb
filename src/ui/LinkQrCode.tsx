// The current link as a QR code, so a class opens the same experiment on its laptops and phones. This
// module (and the QR library with it) loads only when presenter mode shows the code: the first screen's
// bundle carries none of it. The link changes as the experiment does (replaceState fires no event), so
// the code re-reads it every second and redraws only when it changed.
import qrcode from 'qrcode-generator';
import { useEffect, useState } from 'react';

/** A QR code of `text` as a GIF data URL: error correction M, 4 px modules and the standard quiet zone. */
export function qrDataUrl(text: string): string {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  return code.createDataURL(4, 16);
}

function useHref(): string {
  const [href, setHref] = useState(() => window.location.href);
  useEffect(() => {
    const timer = window.setInterval(() => setHref(window.location.href), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return href;
}

export default function LinkQrCode() {
  const href = useHref();
  const [src, setSrc] = useState(() => qrDataUrl(href));
  const [shown, setShown] = useState(href);
  if (href !== shown) {
    setShown(href);
    setSrc(qrDataUrl(href));
  }
  return (
    <figure className="link-qr" aria-label="QR code of this link">
      <img src={src} alt={`QR code of this experiment's link: ${href}`} data-link={href} />
      <figcaption>Scan to open this experiment</figcaption>
    </figure>
  );
}
