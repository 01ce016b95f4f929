import { useCallback, useRef, useSyncExternalStore } from 'react';

/**
 * A value read from a Y.Doc, re-read only after `subscribe` reports a change (or when
 * `read` itself changes, e.g. another email). `subscribe` and `read` should be stable
 * (useCallback), or every render re-subscribes and re-reads.
 */
export function useObserved<T>(subscribe: (onChange: () => void) => () => void, read: () => T): T {
  const cache = useRef<{ read: () => T; value: T; stale: boolean } | null>(null);
  const listen = useCallback(
    (onStoreChange: () => void) =>
      subscribe(() => {
        if (cache.current) cache.current.stale = true;
        onStoreChange();
      }),
    [subscribe],
  );
  const snapshot = () => {
    const current = cache.current;
    if (current && current.read === read && !current.stale) return current.value;
    cache.current = { read, value: read(), stale: false };
    return cache.current.value;
  };
  return useSyncExternalStore(listen, snapshot);
}
