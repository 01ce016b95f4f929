import { useCallback, useSyncExternalStore } from 'react';
import type { PresenceFeed } from '../../../../shared/collab/presence';

/**
 * `read(presence)`, re-read whenever the feed changes; `read` must return the same value
 * while nothing changed (`remote()` does). Methods are called on the feed, so a
 * class-based feed works too. (The canvas has its own copy: features share no code.)
 */
export function usePresenceSnapshot<T>(presence: PresenceFeed, read: (feed: PresenceFeed) => T): T {
  const subscribe = useCallback((listener: () => void) => presence.subscribe(listener), [presence]);
  const snapshot = () => read(presence);
  // The same snapshot on the server (markup tests render these with react-dom/server).
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
