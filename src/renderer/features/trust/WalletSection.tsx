import { useState, type FormEvent } from 'react';
import { DEFAULT_RELAY_URL, type QueuedRequest, type WalletStatus } from '../../../shared/trust/wallet';
import { useApi } from '../../app/BackendContext';
import { relativeTime } from '../../app/relativeTime';
import { CopyButton } from './CopyButton';
import { FormError } from './FormError';
import { QrImage } from './QrImage';
import { useBusy } from './useBusy';
import { useWalletQueue } from './useWallet';

/** The WalletConnect project id and, under Advanced, the relay. */
export function WalletSettingsForm({ status }: { status: WalletStatus }) {
  const api = useApi();
  const [projectId, setProjectId] = useState(status.projectId ?? '');
  const [relayUrl, setRelayUrl] = useState(status.relayUrl === DEFAULT_RELAY_URL ? '' : status.relayUrl);
  const { busy, error, run } = useBusy();
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(() => api.wallet.configure({ projectId: projectId.trim(), relayUrl: relayUrl.trim() || undefined })).then(
      (s) => s && setSaved(true),
    );
  };
  return (
    <form className="trust-form" aria-label="WalletConnect settings" onSubmit={submit}>
      <label htmlFor="wc-project">WalletConnect project id (from cloud.reown.com)</label>
      <input
        id="wc-project"
        autoComplete="off"
        spellCheck={false}
        value={projectId}
        onChange={(e) => setProjectId(e.target.value)}
      />
      <details>
        <summary>Advanced</summary>
        <label htmlFor="wc-relay">Relay address (empty: {DEFAULT_RELAY_URL})</label>
        <input
          id="wc-relay"
          autoComplete="off"
          spellCheck={false}
          placeholder={DEFAULT_RELAY_URL}
          value={relayUrl}
          onChange={(e) => setRelayUrl(e.target.value)}
        />
      </details>
      <button type="submit" disabled={busy || !projectId.trim()}>
        {busy ? 'Saving…' : 'Save WalletConnect settings'}
      </button>
      {saved && <span role="status">Saved.</span>}
      <FormError error={error} />
    </form>
  );
}

const queueStates: Record<QueuedRequest['state'], string> = {
  waiting: 'Waiting for the network',
  sending: 'Sent — approve in your wallet',
  signed: 'Signed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** The signing requests queued while offline, each with Cancel while it has not been signed. */
export function WalletQueue() {
  const api = useApi();
  const items = useWalletQueue();
  const { error, run } = useBusy();
  if (items.length === 0) return null;
  return (
    <section aria-label="Queued signing requests">
      <h4>Queued signing requests</h4>
      <ul className="trust-list">
        {items.map((item) => (
          <li key={item.id}>
            <span>
              {item.label} · {queueStates[item.state]}
              {item.error ? ` — ${item.error}` : ''} · {relativeTime(item.updatedAt)}
            </span>
            {(item.state === 'waiting' || item.state === 'sending') && (
              <button
                type="button"
                aria-label={`Cancel ${item.label}`}
                onClick={() => void run(() => api.wallet.cancelQueued({ id: item.id }))}
              >
                Cancel
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormError error={error} />
    </section>
  );
}

/** Pairing (the `wc:` URI as a QR code), the connected wallet and account, and the offline state. */
export function WalletSection({ status }: { status: WalletStatus }) {
  const api = useApi();
  const { busy, error, run } = useBusy();
  const [pairing, setPairing] = useState<{ uri: string; qrDataUrl: string | null } | null>(null);
  if (status.state === 'not-configured') {
    return (
      <div>
        <p>To sign with your own wallet, add this app’s WalletConnect project id.</p>
        <WalletSettingsForm status={status} />
      </div>
    );
  }
  const uri = status.state === 'pairing' ? (status.pairingUri ?? pairing?.uri ?? null) : null;
  const session = status.session;
  return (
    <div className="trust-wallet">
      {session && (
        <p>
          Connected to <strong>{session.walletName}</strong> as{' '}
          <code className="trust-address" title={session.address}>
            {session.address}
          </code>{' '}
          (chain {session.chainId})
        </p>
      )}
      {status.state === 'offline' && (
        <p className="trust-warning" role="status">
          Offline{status.offlineSince ? ` since ${relativeTime(status.offlineSince)}` : ''}: signing requests are queued
          and sent when the network is back.
        </p>
      )}
      {status.state === 'disconnected' && (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void run(() => api.wallet.pair({})).then((p) => p && setPairing(p))}
        >
          {busy ? 'Starting…' : 'Pair wallet'}
        </button>
      )}
      {uri && (
        <div className="trust-pairing">
          <p>Scan this code with your wallet app (or copy the link into it), then approve the connection there.</p>
          <QrImage
            text={uri}
            dataUrl={pairing?.uri === uri ? pairing.qrDataUrl : null}
            alt="QR code to pair your wallet"
          />
          <label htmlFor="wc-uri">Pairing link</label>
          <textarea id="wc-uri" readOnly rows={3} value={uri} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton text={uri} label="Copy pairing link" />
          <p className="muted" role="status">
            Waiting for the wallet to approve…
          </p>
        </div>
      )}
      {(session || status.state === 'pairing') && (
        <button type="button" disabled={busy} onClick={() => void run(() => api.wallet.disconnect({}))}>
          {session ? 'Disconnect wallet' : 'Stop pairing'}
        </button>
      )}
      {status.error && (
        <p className="form-error" role="alert">
          {status.error}
        </p>
      )}
      <FormError error={error} />
      <WalletQueue />
    </div>
  );
}
