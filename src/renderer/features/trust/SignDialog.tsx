import { useEffect, useId, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { ErrorCode, MailyError, messageOf } from '../../../shared/errors';
import type { CertificateView, SignerKind } from '../../../shared/trust/types';
import { useApi } from '../../app/BackendContext';
import { useTrustModal } from './useTrustModal';
import { CertificateShare } from './CertificateShare';
import { FormError } from './FormError';
import { LocalKeySection } from './LocalKeySection';
import { defaultVersionLabel, expiryOf } from './signDefaults';
import { useKeyStatus } from './useKeyStatus';
import { useWalletStatus } from './useWallet';
import { WalletSection } from './WalletSection';

interface SignDialogProps {
  campaignId: string;
  emailId: string;
  emailLabel: string;
  onClose: () => void;
}

type Phase =
  | { kind: 'form' }
  | { kind: 'signing'; signer: SignerKind }
  | { kind: 'waiting' }
  | { kind: 'done'; certificate: CertificateView };

/** What the sign button waits on, said plainly. */
function SigningProgress({ signer, offline }: { signer: SignerKind; offline: boolean }) {
  const text =
    signer === 'local'
      ? 'Signing with the local key…'
      : offline
        ? 'Queued — will be sent when the network is back.'
        : 'Approve in your wallet… (the request was sent to it)';
  return (
    <div className="trust-progress" role="status" aria-live="polite">
      <progress aria-label="Signing" />
      <span>{text}</span>
    </div>
  );
}

/**
 * Sign the email as it is now: with the local key (create, import or unlock it here) or
 * the designer's WalletConnect wallet; then the certificate's link, QR code and file.
 */
export function SignDialog({ campaignId, emailId, emailLabel, onClose }: SignDialogProps) {
  const api = useApi();
  const { dialog, handlers } = useTrustModal(onClose);
  const ids = useId();
  const key = useKeyStatus();
  const wallet = useWalletStatus();
  const [signer, setSigner] = useState<SignerKind>('local');
  const [label, setLabel] = useState(() => defaultVersionLabel(Date.now()));
  const [expiry, setExpiry] = useState('');
  const [name, setName] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.profile.get({}).then(
      (p) => setName((n) => n || p.name),
      () => undefined, // the name field stays empty and the host uses the profile name
    );
  }, [api]);

  const ready =
    signer === 'local'
      ? key.key?.state === 'unlocked'
      : wallet.status?.session !== null && wallet.status?.session !== undefined;
  const sign = async (e: FormEvent) => {
    e.preventDefault();
    const { expiresAt, error: expiryError } = expiryOf(expiry, Date.now());
    if (expiryError) return setError(expiryError);
    setError(null);
    setPhase({ kind: 'signing', signer });
    try {
      const certificate = await api.trust.sign({
        campaignId,
        emailId,
        versionLabel: label.trim(),
        expiresAt,
        signer,
        signerName: name.trim() || undefined,
      });
      setPhase({ kind: 'done', certificate });
    } catch (err) {
      if (signer === 'walletconnect' && err instanceof MailyError && err.code === ErrorCode.Timeout)
        return setPhase({ kind: 'waiting' });
      setPhase({ kind: 'form' });
      setError(messageOf(err));
    }
  };

  return createPortal(
    <dialog ref={dialog} className="app-dialog trust-dialog" aria-label={`Sign “${emailLabel}”`} {...handlers}>
      <header>
        <h2>Sign “{emailLabel}”</h2>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {phase.kind === 'done' ? (
        <div>
          <p role="status">
            Signed as “{phase.certificate.versionLabel}” by {phase.certificate.signerName} (
            <code>{phase.certificate.signer}</code>). Anyone can verify it offline from the link, the QR code or the
            file.
          </p>
          <CertificateShare campaignId={campaignId} certificate={phase.certificate} />
          <button type="button" className="primary" onClick={onClose}>
            Done
          </button>
        </div>
      ) : phase.kind === 'waiting' ? (
        <p role="status">
          Still waiting for your wallet. Approve the request there; the certificate then shows in this email’s
          certificates and its badge turns Verified.
        </p>
      ) : (
        <>
          <p className="muted">
            A certificate says that this exact version of the email — sender, subject, preheader and body — was approved
            by you. Any later change shows as “Modified since signing”.
          </p>
          <fieldset className="trust-choice" disabled={phase.kind === 'signing'}>
            <legend>Sign with</legend>
            <label>
              <input
                type="radio"
                name={`${ids}-signer`}
                checked={signer === 'local'}
                onChange={() => setSigner('local')}
              />{' '}
              Local key
            </label>
            <label>
              <input
                type="radio"
                name={`${ids}-signer`}
                checked={signer === 'walletconnect'}
                onChange={() => setSigner('walletconnect')}
              />{' '}
              WalletConnect wallet
            </label>
          </fieldset>
          {signer === 'local' ? (
            key.key ? (
              <LocalKeySection keyStatus={key.key} onKey={key.set} />
            ) : (
              (key.error && <FormError error={key.error} />) || <p className="muted">Reading the local key…</p>
            )
          ) : wallet.status ? (
            <WalletSection status={wallet.status} />
          ) : (
            (wallet.error && <FormError error={wallet.error} />) || <p className="muted">Reading the wallet…</p>
          )}
          <form className="trust-form" aria-label="Certificate" onSubmit={(e) => void sign(e)}>
            <fieldset disabled={phase.kind === 'signing'}>
              <label htmlFor={`${ids}-label`}>Version label</label>
              <input id={`${ids}-label`} value={label} maxLength={120} onChange={(e) => setLabel(e.target.value)} />
              <label htmlFor={`${ids}-name`}>Your name on the certificate</label>
              <input id={`${ids}-name`} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
              <label htmlFor={`${ids}-expiry`}>Expires on (optional)</label>
              <input id={`${ids}-expiry`} type="date" value={expiry} onChange={(e) => setExpiry(e.target.value)} />
              <button type="submit" className="primary" disabled={!ready || !label.trim()}>
                Sign
              </button>
              {!ready && (
                <p className="muted">
                  {signer === 'local'
                    ? 'Create, import or unlock the local key above to sign.'
                    : 'Pair your wallet above to sign.'}
                </p>
              )}
            </fieldset>
          </form>
          {phase.kind === 'signing' && (
            <SigningProgress signer={phase.signer} offline={wallet.status?.state === 'offline'} />
          )}
          <FormError error={error} />
        </>
      )}
    </dialog>,
    document.body,
  );
}
