import type { PresenceFeed, RemotePresence } from '../../../../shared/collab/presence';

/** The teammate being followed, from the feed's list; null when none, or they left. */
export function followTarget(remote: readonly RemotePresence[], following: number | null): RemotePresence | null {
  if (following === null) return null;
  return remote.find((r) => r.clientId === following) ?? null;
}

/** Whether a key press stops following: Esc, unless it belongs to a dialog over the canvas. */
export function stopsFollowing(key: string, inDialog: boolean): boolean {
  return key === 'Escape' && !inDialog;
}

/**
 * For React Flow's onMoveStart: a move with an input event (the designer panning or
 * zooming) stops following; a programmatic one (null, e.g. following itself) does not.
 */
export function stopFollowingOnMove(presence: Pick<PresenceFeed, 'following' | 'follow'>) {
  return (event: MouseEvent | TouchEvent | null): void => {
    if (event && presence.following() !== null) presence.follow(null);
  };
}
