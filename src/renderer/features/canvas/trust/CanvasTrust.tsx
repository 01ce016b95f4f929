import './trust.css';
import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback, useMemo, useSyncExternalStore } from 'react';
import type { CanvasTrustFeed, TrustBadgeView } from '../../../../shared/trust/canvasTrust';
import { nodeBoxes } from '../ai/aiGeometry';
import type { FlowNode } from '../flowTypes';
import { badgeScale, placeTrustBadges } from './trustGeometry';

interface CanvasTrustProps {
  feed: CanvasTrustFeed;
  nodes: readonly FlowNode[];
}

const Badge = memo(function Badge({
  nodeId,
  x,
  y,
  badge,
  scale,
  onOpen,
}: {
  nodeId: string;
  x: number;
  y: number;
  badge: TrustBadgeView;
  scale: number;
  onOpen: (emailId: string) => void;
}) {
  return (
    <button
      type="button"
      className={`je-trust-badge je-trust-badge--${badge.tone} nopan nodrag nowheel`}
      data-trust-badge={nodeId}
      data-trust-tone={badge.tone}
      style={{ transform: `translate(${x}px, ${y}px) scale(${scale}) translate(0, -50%)` }}
      aria-label={`Trust: ${badge.description}`}
      title={`${badge.description} — press for the certificates`}
      onClick={() => onOpen(nodeId)}
    >
      <span aria-hidden="true" className="je-trust-badge__mark">
        {badge.tone === 'verified' ? '✓' : badge.tone === 'unsigned' ? '○' : '!'}
      </span>
      <span className="je-trust-badge__text">{badge.text}</span>
    </button>
  );
});

const zoomOf = (s: ReactFlowState) => s.transform[2];

/**
 * The Trust layer: a certificate badge on each Email step (verified, modified since
 * signing, unsigned, revoked, expired). Pressing one asks the feed to show that email's
 * certificates. Inside the editor's ReactFlowProvider; mounted only while the layer is on.
 */
export const CanvasTrust = memo(function CanvasTrust({ feed, nodes }: CanvasTrustProps) {
  const badges = useSyncExternalStore(
    (cb) => feed.subscribe(cb),
    () => feed.get(),
  );
  const placed = useMemo(() => placeTrustBadges(badges, nodeBoxes(nodes)), [badges, nodes]);
  const open = useCallback((emailId: string) => feed.open(emailId), [feed]);
  const scale = badgeScale(useStore(zoomOf));
  if (placed.length === 0) return null;
  return (
    <ViewportPortal>
      <div className="je-trust-badges">
        {placed.map((p) => (
          <Badge key={p.nodeId} nodeId={p.nodeId} x={p.x} y={p.y} badge={p.badge} scale={scale} onOpen={open} />
        ))}
      </div>
    </ViewportPortal>
  );
});
