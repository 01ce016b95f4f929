import { useEffect, useState, type FormEvent } from 'react';
// Types only: the chain module's values bring ethers, which the renderer does not need.
import type { ChainCheck } from '../../../shared/trust/chain';
import { useApi } from '../../app/BackendContext';
import { FormError } from './FormError';
import { useBusy } from './useBusy';
import { useChainSettings } from './useChainSettings';

interface Draft {
  enabled: boolean;
  rpcUrl: string;
  chainId: string;
  registryAddress: string;
  rewardTokenAddress: string;
}

function describeCheck(check: ChainCheck): string {
  const part = (what: string, state: ChainCheck['registry']) =>
    state === 'ok' ? `${what} found` : state === 'no-contract' ? `no ${what} at that address` : `no ${what} set`;
  const contracts = `${part('registry', check.registry)}, ${part('reward token', check.rewardToken)}`;
  const symbol = check.rewardSymbol ? ` (${check.rewardSymbol})` : '';
  const payer = check.signer
    ? ` Anchoring is paid by the local key ${check.signer}${check.signerBalance !== null ? `, balance ${check.signerBalance}` : ''}.`
    : ' Unlock the local key to anchor: it pays for the transactions.';
  return `Chain ${check.chainId}, block ${check.blockNumber}: ${contracts}${symbol}.${payer}`;
}

/**
 * The optional chain part: RPC URL, chain id, registry and reward token addresses. Off
 * by default, and nothing else in Maily needs it.
 */
export function ChainSettingsForm() {
  const api = useApi();
  const settings = useChainSettings();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useBusy();
  useEffect(() => {
    if (!settings) return;
    const s = settings;
    setDraft(
      (d) =>
        d ?? {
          enabled: s.enabled,
          rpcUrl: s.rpcUrl,
          chainId: s.chainId === null ? '' : String(s.chainId),
          registryAddress: s.registryAddress ?? '',
          rewardTokenAddress: s.rewardTokenAddress ?? '',
        },
    );
  }, [settings]);
  if (!draft) return <p className="muted">Reading the chain settings…</p>;
  const change = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const save = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const chainId = draft.chainId.trim() ? Number(draft.chainId) : null;
    if (chainId !== null && !(Number.isInteger(chainId) && chainId > 0))
      return setError('The chain id is a whole number, such as 1 for Ethereum or 31337 for a local Hardhat chain.');
    void run(() =>
      api.chain.configure({
        enabled: draft.enabled,
        rpcUrl: draft.rpcUrl.trim(),
        chainId,
        registryAddress: draft.registryAddress.trim() || null,
        rewardTokenAddress: draft.rewardTokenAddress.trim() || null,
      }),
    ).then(
      (saved) => saved && setNotice(saved.enabled ? 'Saved. Chain anchoring is on.' : 'Saved. Chain anchoring is off.'),
    );
  };
  const check = () => void run(() => api.chain.check({})).then((c) => c && setNotice(describeCheck(c)));
  return (
    <form className="trust-form" aria-label="Chain settings" onSubmit={save}>
      <p className="muted">
        Optional. Certificates are complete without a chain: anchoring only adds a public timestamp and reward history.
      </p>
      <label>
        <input type="checkbox" checked={draft.enabled} onChange={(e) => change({ enabled: e.target.checked })} /> Use a
        chain for anchoring
      </label>
      <label htmlFor="chain-rpc">RPC URL</label>
      <input
        id="chain-rpc"
        placeholder="http://127.0.0.1:8545"
        value={draft.rpcUrl}
        onChange={(e) => change({ rpcUrl: e.target.value })}
      />
      <label htmlFor="chain-id">Chain id (empty: accept what the RPC reports)</label>
      <input
        id="chain-id"
        inputMode="numeric"
        value={draft.chainId}
        onChange={(e) => change({ chainId: e.target.value })}
      />
      <label htmlFor="chain-registry">Registry contract address</label>
      <input
        id="chain-registry"
        placeholder="0x…"
        value={draft.registryAddress}
        onChange={(e) => change({ registryAddress: e.target.value })}
      />
      <label htmlFor="chain-reward">Reward token address (empty: no reward history)</label>
      <input
        id="chain-reward"
        placeholder="0x…"
        value={draft.rewardTokenAddress}
        onChange={(e) => change({ rewardTokenAddress: e.target.value })}
      />
      <div className="trust-actions">
        <button type="submit" className="primary" disabled={busy}>
          Save chain settings
        </button>
        <button type="button" disabled={busy || !settings?.enabled} onClick={check}>
          Check connection
        </button>
      </div>
      {busy && <progress aria-label="Talking to the chain" />}
      {notice && <p role="status">{notice}</p>}
      <FormError error={error} />
    </form>
  );
}
