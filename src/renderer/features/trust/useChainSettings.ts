import { useEffect, useState } from 'react';
import type { ChainSettings } from '../../../shared/trust/chain';
import { useApi } from '../../app/BackendContext';

/** The chain settings, kept current through `chain:changed`; null until read (or when unreadable). */
export function useChainSettings(): ChainSettings | null {
  const api = useApi();
  const [settings, setSettings] = useState<ChainSettings | null>(null);
  useEffect(() => {
    let live = true;
    api.chain.getSettings({}).then(
      (s) => live && setSettings(s),
      // Unreadable settings: the chain parts stay hidden, as when the chain is off.
      () => undefined,
    );
    const off = api.on('chain:changed', setSettings);
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return settings;
}
