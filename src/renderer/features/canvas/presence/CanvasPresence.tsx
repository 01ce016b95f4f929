import './presence.css';
import { memo } from 'react';
import type { PresenceFeed } from '../../../../shared/collab/presence';
import { FollowBanner } from './FollowBanner';
import { RemoteCursors } from './RemoteCursors';
import { RemoteSelections } from './RemoteSelections';
import { useFollow } from './useFollow';
import { usePresenceEmitter } from './usePresenceEmitter';

interface CanvasPresenceProps {
  presence: PresenceFeed;
  /** This window's selected node ids, to publish. */
  selected: ReadonlySet<string>;
  /** Whether the Collaboration layer is on (cursors and selections drawn). */
  shown: boolean;
}

/** Follows the teammate the feed names; only this re-renders as their viewport changes. */
const Following = memo(function Following({ presence }: { presence: PresenceFeed }) {
  const follow = useFollow(presence);
  return <FollowBanner leader={follow.leader} onStop={follow.stop} />;
});

/**
 * Teammates on the canvas: publishes this window's cursor, selection and viewport, draws
 * the others' cursors and selections, and follows a teammate's viewport. Inside the
 * editor's ReactFlowProvider; mounted only when the editor has a presence feed. (Moving
 * the canvas by hand stops following through `MoveStartContext`, see `stopFollowingOnMove`.)
 */
export const CanvasPresence = memo(function CanvasPresence({ presence, selected, shown }: CanvasPresenceProps) {
  usePresenceEmitter(presence, selected);
  return (
    <>
      {shown && <RemoteCursors presence={presence} />}
      {shown && <RemoteSelections presence={presence} />}
      <Following presence={presence} />
    </>
  );
});
