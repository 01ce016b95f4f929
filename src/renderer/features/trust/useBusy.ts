import { useCallback, useState } from 'react';
import { messageOf } from '../../../shared/errors';

/** One action at a time: whether it runs, and its failure written for the designer. */
export function useBusy(): {
  busy: boolean;
  error: string | null;
  setError: (error: string | null) => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(messageOf(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
