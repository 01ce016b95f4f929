import { useCallback, useEffect, useRef } from 'react';

/** How long to wait for edits still on their way to the host. */
const SAVE_WAIT_MS = 5000;

/**
 * A function that resolves true once `saved` is true (every edit acknowledged by the
 * host, so a version named on the host holds them all), or false after a few seconds.
 */
export function useWhenSaved(saved: boolean): () => Promise<boolean> {
  const latest = useRef(saved);
  const waiting = useRef(new Set<() => void>());
  useEffect(() => {
    latest.current = saved;
    if (saved) for (const wake of waiting.current) wake();
  }, [saved]);
  return useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        if (latest.current) return resolve(true);
        const wake = () => {
          clearTimeout(timer);
          waiting.current.delete(wake);
          resolve(latest.current);
        };
        const timer = setTimeout(wake, SAVE_WAIT_MS);
        waiting.current.add(wake);
      }),
    [],
  );
}
