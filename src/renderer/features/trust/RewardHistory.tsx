import { useEffect, useState } from 'react';
import { messageOf } from '../../../shared/errors';
import type { RewardHistory as History } from '../../../shared/trust/chain';
import { useApi } from '../../app/BackendContext';
import { formatDate, shortAddress } from './badges';
import { FormError } from './FormError';

/** The reward token transfers the reward contract made to `address`, newest first. */
export function RewardHistory({ address }: { address: string }) {
  const api = useApi();
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setHistory(null);
    setError(null);
    api.chain.rewards({ address }).then(
      (h) => live && setHistory(h),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [api, address]);
  return (
    <section aria-label={`Rewards of ${shortAddress(address)}`}>
      <h4>Rewards of {shortAddress(address)}</h4>
      {!history && !error && <p className="muted">Reading the reward history…</p>}
      <FormError error={error} />
      {history && history.transfers.length === 0 && (
        <p className="muted">
          No {history.token.symbol} rewards yet (blocks {history.fromBlock}–{history.toBlock}).
        </p>
      )}
      {history && history.transfers.length > 0 && (
        <ul className="trust-list" aria-label="Reward transfers">
          {[...history.transfers].reverse().map((t) => (
            <li key={`${t.txHash}:${t.logIndex}`}>
              {t.amount} {t.symbol} from {shortAddress(t.from)} · block {t.blockNumber}
              {t.time !== null ? ` · ${formatDate(t.time)}` : ''}
            </li>
          ))}
        </ul>
      )}
      {history?.truncated && <p className="muted">Older transfers may be missing (the search range was capped).</p>}
    </section>
  );
}
