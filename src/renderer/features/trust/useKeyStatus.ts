import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../../shared/errors';
import type { KeyStatus } from '../../../shared/trust/types';
import { useApi } from '../../app/BackendContext';

/** The local signing key's state, kept current through `trust:keyChanged`. */
export function useKeyStatus(): { key: KeyStatus | null; error: string | null; set: (key: KeyStatus) => void } {
  const api = useApi();
  const [key, setKey] = useState<KeyStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.trust.keyStatus({}).then(
      (status) => live && setKey(status),
      (e: unknown) => live && setError(messageOf(e)),
    );
    const off = api.on('trust:keyChanged', (status) => setKey(status));
    return () => {
      live = false;
      off();
    };
  }, [api]);
  const set = useCallback((status: KeyStatus) => setKey(status), []);
  return { key, error, set };
}
