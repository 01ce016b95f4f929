import { useId, useState, type FormEvent } from 'react';
import type { CertificateView, SignerKind } from '../../../shared/trust/types';
import { useApi } from '../../app/BackendContext';
import { FormError } from './FormError';
import { useBusy } from './useBusy';

/** Revoke a certificate: a reason, then a second press to confirm (it cannot be undone). */
export function RevokeForm({
  campaignId,
  certificate,
  signer,
  onDone,
}: {
  campaignId: string;
  certificate: CertificateView;
  signer: SignerKind | undefined;
  onDone: () => void;
}) {
  const api = useApi();
  const id = useId();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { busy, error, setError, run } = useBusy();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError('Say why it is revoked; readers of the certificate see the reason.');
    if (!confirming) return setConfirming(true);
    void run(() => api.trust.revoke({ campaignId, uid: certificate.uid, reason: reason.trim(), signer })).then(
      (revoked) => revoked && onDone(),
    );
  };
  return (
    <form className="trust-form" aria-label={`Revoke “${certificate.versionLabel}”`} onSubmit={submit}>
      <label htmlFor={`${id}-reason`}>Reason for revoking</label>
      <input
        id={`${id}-reason`}
        value={reason}
        maxLength={500}
        onChange={(e) => {
          setReason(e.target.value);
          setConfirming(false);
        }}
      />
      {confirming && (
        <p className="trust-warning" role="alert">
          Revoking cannot be undone: everyone who checks this certificate will see it revoked with this reason.
        </p>
      )}
      <button type="submit" className={confirming ? 'danger' : undefined} disabled={busy}>
        {busy ? 'Revoking…' : confirming ? 'Confirm revoke' : 'Revoke'}
      </button>
      <FormError error={error} />
    </form>
  );
}
