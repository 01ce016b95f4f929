import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import { cssColour } from '../../../../shared/collab/presenceCss';
import type { PresenceFeed } from '../../../../shared/collab/presence';
import { remoteOf, usePresenceSnapshot } from './usePresenceSnapshot';

interface CursorProps {
  clientId: number;
  name: string;
  colour: string;
  x: number;
  y: number;
  /** 1 / zoom, so the arrow and label keep their size on screen. */
  scale: number;
}

const RemoteCursor = memo(function RemoteCursor({ clientId, name, colour, x, y, scale }: CursorProps) {
  return (
    <div
      className="je-cursor"
      data-presence-cursor={clientId}
      style={{ transform: `translate(${x}px, ${y}px) scale(${scale})`, color: cssColour(colour) }}
    >
      <svg className="je-cursor__arrow" width="16" height="18" viewBox="0 0 16 18">
        <path
          d="M1 1 L1 15 L5 11 L8 17 L10.5 16 L7.5 10 L13 10 Z"
          fill="currentColor"
          stroke="#fff"
          strokeWidth="1.2"
        />
      </svg>
      <span className="je-cursor__name" style={{ background: cssColour(colour) }}>
        {name}
      </span>
    </div>
  );
});

const zoomOf = (s: ReactFlowState) => s.transform[2];

/**
 * Teammates' pointers on the canvas, in flow coordinates (so they sit on the same place
 * of the journey whatever each one's viewport). Only this component re-renders when a
 * cursor moves; hidden from assistive technology (the presence list says who is here).
 */
export const RemoteCursors = memo(function RemoteCursors({ presence }: { presence: PresenceFeed }) {
  const remote = usePresenceSnapshot(presence, remoteOf);
  const zoom = useStore(zoomOf);
  return (
    <ViewportPortal>
      <div className="je-cursors" aria-hidden="true">
        {remote.map(
          (r) =>
            r.cursor && (
              <RemoteCursor
                key={r.clientId}
                clientId={r.clientId}
                name={r.user.name}
                colour={r.user.colour}
                x={r.cursor.x}
                y={r.cursor.y}
                scale={1 / zoom}
              />
            ),
        )}
      </div>
    </ViewportPortal>
  );
});
