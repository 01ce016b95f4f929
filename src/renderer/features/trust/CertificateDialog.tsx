import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { messageOf } from '../../../shared/errors';
import type { CertificateView, SignerKind, TrustProblem } from '../../../shared/trust/types';
import { useApi } from '../../app/BackendContext';
import { useTrustModal } from './useTrustModal';
import { certificateState, formatDate } from './badges';
import { CertificateShare } from './CertificateShare';
import { ChainAnchor } from './ChainAnchor';
import { FormError } from './FormError';
import { RevokeForm } from './RevokeForm';
import { RewardHistory } from './RewardHistory';
import { useChainSettings } from './useChainSettings';
import { useKeyStatus } from './useKeyStatus';
import { useWalletStatus } from './useWallet';

interface CertificateDialogProps {
  campaignId: string;
  emailId: string;
  emailLabel: string;
  readOnly: boolean;
  onClose: () => void;
  onSign?: () => void;
}

function CertificateRow({
  campaignId,
  certificate,
  signer,
  readOnly,
  chainOn,
  onChanged,
}: {
  campaignId: string;
  certificate: CertificateView;
  signer: SignerKind | undefined;
  readOnly: boolean;
  chainOn: boolean;
  onChanged: () => void;
}) {
  const [open, setOpen] = useState<'share' | 'revoke' | null>(null);
  const state = certificateState(certificate);
  const toggle = (what: 'share' | 'revoke') => setOpen((o) => (o === what ? null : what));
  return (
    <li className="trust-cert" aria-label={`Certificate “${certificate.versionLabel}”, ${state}`}>
      <div className="trust-cert__head">
        <strong>{certificate.versionLabel}</strong>
        <span className={`trust-pill trust-pill--${state.toLowerCase()}`}>{state}</span>
      </div>
      <dl className="trust-facts">
        <dt>Signed by</dt>
        <dd>
          {certificate.signerName} <code className="trust-address">{certificate.signer}</code>
        </dd>
        <dt>Issued</dt>
        <dd>{formatDate(certificate.issuedAt)}</dd>
        <dt>Expires</dt>
        <dd>{certificate.expiresAt === null ? 'Never' : formatDate(certificate.expiresAt)}</dd>
        {certificate.revocation && (
          <>
            <dt>Revoked</dt>
            <dd>
              {formatDate(certificate.revocation.revokedAt)}: {certificate.revocation.reason}
            </dd>
          </>
        )}
      </dl>
      <div className="trust-actions">
        <button type="button" aria-expanded={open === 'share'} onClick={() => toggle('share')}>
          Link and QR code
        </button>
        {!certificate.revocation && !readOnly && (
          <button type="button" aria-expanded={open === 'revoke'} onClick={() => toggle('revoke')}>
            Revoke…
          </button>
        )}
      </div>
      {open === 'share' && <CertificateShare campaignId={campaignId} certificate={certificate} />}
      {open === 'revoke' && (
        <RevokeForm
          campaignId={campaignId}
          certificate={certificate}
          signer={signer}
          onDone={() => {
            setOpen(null);
            onChanged();
          }}
        />
      )}
      {chainOn && <ChainAnchor campaignId={campaignId} certificate={certificate} />}
    </li>
  );
}

/**
 * An email's certificates: who signed which version when, until when, revoked or not;
 * each one's link and QR code, revoking with a reason, and — with the chain part on —
 * anchoring and the signer's reward history.
 */
export function CertificateDialog({
  campaignId,
  emailId,
  emailLabel,
  readOnly,
  onClose,
  onSign,
}: CertificateDialogProps) {
  const api = useApi();
  const { dialog, handlers } = useTrustModal(onClose);
  const [certificates, setCertificates] = useState<CertificateView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<TrustProblem[]>([]);
  const chain = useChainSettings();
  const key = useKeyStatus().key;
  const wallet = useWalletStatus().status;
  const load = useCallback(
    () =>
      api.trust.list({ campaignId }).then(
        (list) => {
          setCertificates(
            list.certificates.filter((c) => c.emailId === emailId).sort((a, b) => b.issuedAt - a.issuedAt),
          );
          setProblems(list.problems);
          setError(null);
        },
        (e: unknown) => setError(messageOf(e)),
      ),
    [api, campaignId, emailId],
  );
  useEffect(() => {
    void load();
    return api.on('trust:changed', (p) => p.campaignId === campaignId && void load());
  }, [api, campaignId, load]);
  const signerOf = (cert: CertificateView): SignerKind | undefined =>
    key?.address?.toLowerCase() === cert.signer.toLowerCase()
      ? 'local'
      : wallet?.session?.address.toLowerCase() === cert.signer.toLowerCase()
        ? 'walletconnect'
        : undefined;
  const chainOn = chain?.enabled === true;
  const signers = [...new Set((certificates ?? []).map((c) => c.signer))];

  return createPortal(
    <dialog
      ref={dialog}
      className="app-dialog trust-dialog"
      aria-label={`Certificates of “${emailLabel}”`}
      {...handlers}
    >
      <header>
        <h2>Certificates of “{emailLabel}”</h2>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {certificates === null && !error && <p className="muted">Reading the certificates…</p>}
      <FormError error={error} />
      {certificates && certificates.length === 0 && (
        <p>
          No certificate yet. Sign the email to say that this version is the one you approved.{' '}
          {onSign && !readOnly && (
            <button type="button" className="primary" onClick={onSign}>
              Sign…
            </button>
          )}
        </p>
      )}
      {certificates && certificates.length > 0 && (
        <ul className="trust-certs" aria-label="Certificates">
          {certificates.map((c) => (
            <CertificateRow
              key={`${c.uid}:${c.revocation ? 'r' : ''}`}
              campaignId={campaignId}
              certificate={c}
              signer={signerOf(c)}
              readOnly={readOnly}
              chainOn={chainOn}
              onChanged={() => void load()}
            />
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <details className="trust-warning">
          <summary>
            {problems.length === 1
              ? 'One certificate entry in this campaign was skipped'
              : `${problems.length} certificate entries in this campaign were skipped`}
          </summary>
          <p className="muted">A teammate’s copy held entries that do not verify; they count for nothing.</p>
          <ul>
            {problems.map((p) => (
              <li key={p.key}>{p.message}</li>
            ))}
          </ul>
        </details>
      )}
      {chainOn && chain?.rewardTokenAddress && signers.map((a) => <RewardHistory key={a} address={a} />)}
      {chain && !chainOn && (
        <p className="muted">Chain anchoring is off (Trust settings); certificates verify fully without it.</p>
      )}
    </dialog>,
    document.body,
  );
}
