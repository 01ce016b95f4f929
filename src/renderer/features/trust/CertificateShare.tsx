import { useEffect, useState } from 'react';
import { messageOf } from '../../../shared/errors';
import type { CertificateQr, CertificateView } from '../../../shared/trust/types';
import { useApi } from '../../app/BackendContext';
import { CopyButton } from './CopyButton';
import { downloadFile, fileStem } from '../../app/downloadFile';
import { dataUrlBlob } from './download';
import { FormError } from './FormError';
import { useBusy } from './useBusy';

/**
 * A certificate's verify link, its QR code (made by the host), "Copy link", "Save QR
 * image" and "Save certificate file" (the JSON anyone can verify offline).
 */
export function CertificateShare({ campaignId, certificate }: { campaignId: string; certificate: CertificateView }) {
  const api = useApi();
  const [qr, setQr] = useState<CertificateQr | null>(null);
  const [qrError, setQrError] = useState<string | null>(null);
  const { busy, error, run } = useBusy();
  useEffect(() => {
    let live = true;
    api.trust.qr({ campaignId, uid: certificate.uid }).then(
      (q) => live && setQr(q),
      (e: unknown) => live && setQrError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [api, campaignId, certificate.uid]);
  const stem = fileStem(`${certificate.versionLabel}-${certificate.uid.slice(2, 10)}`, 'certificate');
  const saveFile = () =>
    void run(() => api.trust.exportFile({ campaignId, uid: certificate.uid })).then(
      (file) => file && downloadFile(file.fileName, file.text, 'application/json'),
    );
  const link = qr?.link ?? certificate.link;
  return (
    <div className="trust-share">
      <label htmlFor={`link-${certificate.uid}`}>Verify link</label>
      <textarea
        id={`link-${certificate.uid}`}
        readOnly
        rows={3}
        value={link}
        onFocus={(e) => e.currentTarget.select()}
      />
      {qr ? (
        <img className="trust-qr" src={qr.dataUrl} alt={`QR code of the certificate “${certificate.versionLabel}”`} />
      ) : (
        !qrError && <p className="muted">Making the QR code…</p>
      )}
      <FormError error={qrError} />
      <div className="trust-actions">
        <CopyButton text={link} label="Copy link" />
        {qr && (
          <button type="button" onClick={() => downloadFile(`${stem}.png`, dataUrlBlob(qr.dataUrl), 'image/png')}>
            Save QR image
          </button>
        )}
        <button type="button" disabled={busy} onClick={saveFile}>
          Save certificate file
        </button>
      </div>
      <FormError error={error} />
    </div>
  );
}
