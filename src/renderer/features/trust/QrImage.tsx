import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** `text` as a QR code image, drawn here (for the `wc:` pairing URI when the host sent no image). */
export function QrImage({ text, alt, dataUrl }: { text: string; alt: string; dataUrl?: string | null }) {
  const [drawn, setDrawn] = useState<string | null>(null);
  useEffect(() => {
    if (dataUrl) return;
    let live = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 240 }).then(
      (url) => live && setDrawn(url),
      () => live && setDrawn(null),
    );
    return () => {
      live = false;
    };
  }, [text, dataUrl]);
  const src = dataUrl ?? drawn;
  return src ? <img className="trust-qr" src={src} alt={alt} /> : <p className="muted">Drawing the QR code…</p>;
}
