import { useState, type ChangeEvent, type ClipboardEvent, type DragEvent, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { messageOf } from '../../../shared/errors';
import type { Verification } from '../../../shared/trust/types';
import { useApi } from '../../app/BackendContext';
import { useTrustModal } from './useTrustModal';
import { describeVerification } from './describeVerification';
import { FormError } from './FormError';
import { readVerifyInput, VerifyInputError } from './readVerifyInput';
import { useKeyStatus } from './useKeyStatus';
import { useWalletStatus } from './useWallet';

type Source = 'link' | 'file' | 'qr';

const sourceNames: Record<Source, string> = {
  link: 'the pasted link',
  file: 'the certificate file',
  qr: 'the QR code',
};

function VerdictView({
  verification,
  source,
  own,
}: {
  verification: Verification;
  source: Source;
  own: readonly string[];
}) {
  const verdict = describeVerification(verification, undefined, own);
  return (
    <section className={`trust-verdict trust-verdict--${verdict.tone}`} aria-label="Verification result" role="status">
      <h3>{verdict.headline}</h3>
      <p className="muted">From {sourceNames[source]}.</p>
      <ul>
        {verdict.lines.map((line, i) => (
          <li key={i} className={`trust-verdict__line trust-verdict__line--${line.tone}`}>
            {line.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Verify a certificate from a pasted link, a certificate file or a QR image (picked,
 * dropped or pasted; decoded here with jsQR). Everything is checked offline by the host.
 */
export function VerifyDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const { dialog, handlers } = useTrustModal(onClose);
  const [link, setLink] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ verification: Verification; source: Source } | null>(null);
  const [dragging, setDragging] = useState(false);
  const keyAddress = useKeyStatus().key?.address;
  const walletAddress = useWalletStatus().status?.session?.address;
  const own = [keyAddress, walletAddress].filter((a): a is string => !!a);

  const verify = async (text: string, source: Source) => {
    setError(null);
    setResult(null);
    setBusy('Checking the certificate…');
    try {
      setResult({ verification: await api.trust.verify({ link: text }), source });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  const fromFile = async (file: File) => {
    setError(null);
    setResult(null);
    setBusy(`Reading ${file.name}…`);
    try {
      const input = await readVerifyInput(file);
      await verify(input.text, input.from);
    } catch (e) {
      setBusy(null);
      setError(e instanceof VerifyInputError ? e.message : messageOf(e, 'This file could not be read. Pick it again.'));
    }
  };
  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void fromFile(file);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void fromFile(file);
  };
  const onPaste = (e: ClipboardEvent) => {
    const image = [...e.clipboardData.files].find((f) => f.type.startsWith('image/'));
    if (!image) return;
    e.preventDefault();
    void fromFile(image);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void verify(link.trim(), 'link');
  };

  return createPortal(
    <dialog ref={dialog} className="app-dialog trust-dialog" aria-label="Verify a certificate" {...handlers}>
      <header>
        <h2>Verify a certificate</h2>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="muted">
        Checked on this device, offline: who signed, whether the email still matches, expiry and revocation.
      </p>
      <form className="trust-form" aria-label="Verify a link" onSubmit={submit} onPaste={onPaste}>
        <label htmlFor="verify-link">Certificate link</label>
        <textarea
          id="verify-link"
          data-initial-focus
          rows={3}
          spellCheck={false}
          placeholder="https://maily.app/verify#…"
          value={link}
          onChange={(e) => setLink(e.target.value)}
        />
        <button type="submit" className="primary" disabled={!link.trim() || busy !== null}>
          Verify link
        </button>
      </form>
      <div
        className={dragging ? 'trust-drop is-over' : 'trust-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor="verify-file">Certificate file or QR image</label>
        <input id="verify-file" type="file" accept=".json,application/json,text/plain,image/*" onChange={onPick} />
        <p className="muted">…or drop one here, or paste a QR image into the link field.</p>
      </div>
      {busy && (
        <div className="trust-progress" role="status">
          <progress aria-label="Verifying" />
          <span>{busy}</span>
        </div>
      )}
      <FormError error={error} />
      {result && <VerdictView verification={result.verification} source={result.source} own={own} />}
    </dialog>,
    document.body,
  );
}
