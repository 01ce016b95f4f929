import { useStore, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import { createPortal } from 'react-dom';
import { cssColour } from '../../../../shared/collab/presenceCss';
import type { RemotePresence } from '../../../../shared/collab/presence';

const domNodeOf = (s: ReactFlowState) => s.domNode;

interface FollowBannerProps {
  leader: RemotePresence | null;
  onStop: () => void;
}

/**
 * "Following Alex — press Esc or pan to stop", over the top of the canvas. The status
 * line is always there (empty while not following), so screen readers announce it.
 */
export const FollowBanner = memo(function FollowBanner({ leader, onStop }: FollowBannerProps) {
  const domNode = useStore(domNodeOf);
  if (!domNode) return null;
  const name = leader?.user.name || 'a teammate';
  return createPortal(
    <div
      className={leader ? 'je-follow je-follow--on' : 'je-follow'}
      data-presence-following={leader?.clientId}
      style={leader ? { borderColor: cssColour(leader.user.colour) } : undefined}
    >
      <p className="je-follow__text" role="status">
        {leader ? `Following ${name} — press Esc or pan to stop` : ''}
      </p>
      {leader && (
        <button type="button" className="je-follow__stop" aria-label={`Stop following ${name}`} onClick={onStop}>
          Stop
        </button>
      )}
    </div>,
    domNode,
  );
});
