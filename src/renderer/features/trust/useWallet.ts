import { useEffect, useState } from 'react';
import { messageOf } from '../../../shared/errors';
import type { QueuedRequest, WalletStatus } from '../../../shared/trust/wallet';
import { useApi } from '../../app/BackendContext';

/** The WalletConnect state, kept current through `wallet:changed`. */
export function useWalletStatus(): { status: WalletStatus | null; error: string | null } {
  const api = useApi();
  const [status, setStatus] = useState<WalletStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.wallet.status({}).then(
      (s) => live && setStatus(s),
      (e: unknown) => live && setError(messageOf(e)),
    );
    const off = api.on('wallet:changed', (s) => {
      setStatus(s);
      setError(null);
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return { status, error };
}

/** The signing requests waiting for the relay (and the recent finished ones), kept current. */
export function useWalletQueue(): QueuedRequest[] {
  const api = useApi();
  const [items, setItems] = useState<QueuedRequest[]>([]);
  useEffect(() => {
    let live = true;
    api.wallet.queue({}).then(
      (list) => live && setItems(list),
      // Best effort: without the list the queue section stays empty; the status still says "offline".
      () => undefined,
    );
    const off = api.on('wallet:queueChanged', (change) => setItems(change.items));
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return items;
}
