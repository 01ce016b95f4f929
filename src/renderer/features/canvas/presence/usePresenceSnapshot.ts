import { useCallback, useSyncExternalStore } from 'react';
import type { PresenceFeed } from '../../../../shared/collab/presence';

/**
 * `read(presence)`, re-read whenever the feed changes. `read` must return the same value
 * (or the same object) while nothing changed: `remote()` does. The feed's methods are
 * called on the feed, so a class-based feed works too.
 */
export function usePresenceSnapshot<T>(presence: PresenceFeed, read: (feed: PresenceFeed) => T): T {
  const subscribe = useCallback((listener: () => void) => presence.subscribe(listener), [presence]);
  const snapshot = () => read(presence);
  // The same snapshot on the server (markup tests render these with react-dom/server).
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

export const remoteOf = (feed: PresenceFeed) => feed.remote();
export const followingOf = (feed: PresenceFeed) => feed.following();
