import { useState } from 'react';
import type { ChainStatus } from '../../../shared/trust/chain';
import type { CertificateView } from '../../../shared/trust/types';
import { useApi } from '../../app/BackendContext';
import { formatDate } from './badges';
import { FormError } from './FormError';
import { useBusy } from './useBusy';

/** What the registry says, in a sentence. */
export function describeChainStatus(status: ChainStatus, format = formatDate): string {
  if (status.state === 'not-anchored') return `Not anchored on chain ${status.chainId} yet.`;
  const content =
    status.contentMatches === null
      ? ''
      : status.contentMatches
        ? ' The content hash on chain matches the certificate.'
        : ' The content hash on chain does NOT match this certificate.';
  const when = `block ${status.blockNumber}, ${format(status.anchoredAt)}`;
  if (status.state === 'revoked')
    return `Revoked on chain ${status.chainId}${status.reason ? `: ${status.reason}` : ''} (anchored in ${when}).${content}`;
  return `Anchored on chain ${status.chainId} in ${when} by ${status.anchorer}.${content}`;
}

/** "Anchor on chain" and the anchor's status read back from the registry. */
export function ChainAnchor({ campaignId, certificate }: { campaignId: string; certificate: CertificateView }) {
  const api = useApi();
  const [status, setStatus] = useState<string | null>(null);
  const { busy, error, run } = useBusy();
  const check = () =>
    run(() => api.chain.status({ campaignId, uid: certificate.uid })).then(
      (s) => s && setStatus(describeChainStatus(s)),
    );
  const anchor = () =>
    void run(() => api.chain.anchor({ campaignId, uid: certificate.uid })).then((receipt) => {
      if (!receipt) return;
      setStatus(`Anchored in block ${receipt.blockNumber} (transaction ${receipt.txHash}).`);
      void check();
    });
  return (
    <div className="trust-actions" role="group" aria-label={`Chain for “${certificate.versionLabel}”`}>
      <button type="button" disabled={busy} onClick={anchor}>
        Anchor on chain
      </button>
      <button type="button" disabled={busy} onClick={() => void check()}>
        Check on chain
      </button>
      {busy && <progress aria-label="Talking to the chain" />}
      {status && <p role="status">{status}</p>}
      <FormError error={error} />
    </div>
  );
}
