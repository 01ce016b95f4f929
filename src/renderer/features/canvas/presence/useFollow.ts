import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import type { PresenceFeed, RemotePresence } from '../../../../shared/collab/presence';
import type { FlowEdge, FlowNode } from '../flowTypes';
import { followTarget, stopsFollowing } from './followTarget';
import { sameViewport } from './localPresence';
import { followingOf, usePresenceSnapshot } from './usePresenceSnapshot';

const leaderOf = (feed: PresenceFeed) => followTarget(feed.remote(), feed.following());

/** How long the canvas glides to the followed teammate's viewport, in ms. */
const followDuration = 120;

export interface Follow {
  /** The teammate whose viewport this canvas shows; null when not following. */
  leader: RemotePresence | null;
  stop: () => void;
}

/**
 * Follows the teammate `presence.following()` names: applies their viewport whenever it
 * changes. Esc stops following, and so does the teammate leaving the room (panning or
 * zooming by hand stops it too: `stopFollowingOnMove`).
 */
export function useFollow(presence: PresenceFeed): Follow {
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const following = usePresenceSnapshot(presence, followingOf);
  const leader = usePresenceSnapshot(presence, leaderOf);
  const stop = useCallback(() => presence.follow(null), [presence]);

  const applied = useRef<RemotePresence['viewport']>(null);
  const viewport = leader?.viewport ?? null;
  useEffect(() => {
    if (!viewport) {
      applied.current = null;
      return;
    }
    if (sameViewport(applied.current, viewport)) return;
    applied.current = viewport;
    void rf.setViewport(viewport, { duration: followDuration });
  }, [rf, viewport]);

  const gone = following !== null && leader === null;
  useEffect(() => {
    if (gone) presence.follow(null);
  }, [gone, presence]);

  useEffect(() => {
    if (following === null) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const inDialog = event.target instanceof Element && event.target.closest('dialog') !== null;
      if (stopsFollowing(event.key, inDialog)) presence.follow(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [following, presence]);

  return { leader, stop };
}
