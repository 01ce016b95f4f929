import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { CanvasAiFeed } from '../../../../shared/ai/canvasAi';
import type { FlowNode } from '../flowTypes';
import { findingPins, nodeBoxes, type FindingPin } from './aiGeometry';
import { pinName, severityLabel } from './aiLabels';
import { findingsOf, useCanvasAi } from './useCanvasAi';

interface PinProps {
  pin: FindingPin;
  /** 1 / zoom, so a pin keeps its size on screen. */
  scale: number;
  onSelect: (nodeId: string) => void;
}

const Pin = memo(function Pin({ pin, scale, onSelect }: PinProps) {
  const name = pinName(pin.messages);
  return (
    <button
      type="button"
      className={`je-ai-pin je-ai-pin--${pin.severity} nopan nodrag nowheel`}
      data-ai-finding={pin.nodeId}
      data-ai-severity={pin.severity}
      style={{ transform: `translate(${pin.x}px, ${pin.y}px) scale(${scale}) translate(-50%, -50%)` }}
      aria-label={name}
      title={`${severityLabel(pin.severity)}: ${name}`}
      onClick={() => onSelect(pin.nodeId)}
    >
      <span aria-hidden="true">{pin.severity === 'info' ? 'i' : '!'}</span>
      {pin.messages.length > 1 && <span className="je-ai-pin__count">{pin.messages.length}</span>}
    </button>
  );
});

const zoomOf = (s: ReactFlowState) => s.transform[2];

interface AiFindingPinsProps {
  feed: CanvasAiFeed;
  nodes: readonly FlowNode[];
  onSelect: (nodeId: string) => void;
}

/** A pin at the top-right corner of each step with review findings; pressing it selects the step. */
export const AiFindingPins = memo(function AiFindingPins({ feed, nodes, onSelect }: AiFindingPinsProps) {
  const findings = useCanvasAi(feed, findingsOf);
  const zoom = useStore(zoomOf);
  const pins = useMemo(() => (findings.length > 0 ? findingPins(findings, nodeBoxes(nodes)) : []), [findings, nodes]);
  if (pins.length === 0) return null;
  return (
    <ViewportPortal>
      <div className="je-ai-pins">
        {pins.map((pin) => (
          <Pin key={pin.nodeId} pin={pin} scale={1 / zoom} onSelect={onSelect} />
        ))}
      </div>
    </ViewportPortal>
  );
});
