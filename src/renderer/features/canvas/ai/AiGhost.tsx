import { useReactFlow, useStoreApi, ViewportPortal } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { CanvasAiFeed } from '../../../../shared/ai/canvasAi';
import type { StepSuggestion } from '../../../../shared/ai/actions';
import { kindInfo, type XY } from '../../../../shared/journey';
import type { FlowEdge, FlowNode } from '../flowTypes';
import { ghostSize, ghostSpot, nodeBoxes, panToReveal } from './aiGeometry';
import { suggestedKind, suggestedKindTitle } from './aiLabels';
import { ghostOf, useCanvasAi } from './useCanvasAi';

interface AiGhostProps {
  feed: CanvasAiFeed;
  nodes: readonly FlowNode[];
  readOnly: boolean;
  onAdd: (ghost: StepSuggestion, at: XY) => void;
}

/** Pans a new ghost that is not wholly on screen into view (once per suggestion, as little as it can). */
function useRevealGhost(ghost: StepSuggestion | null, at: XY | null): void {
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const store = useStoreApi<FlowNode, FlowEdge>();
  const revealed = useRef<StepSuggestion | null>(null);
  useEffect(() => {
    if (!ghost || !at || revealed.current === ghost) return;
    revealed.current = ghost;
    const { transform, width, height } = store.getState();
    const to = panToReveal({ ...at, ...ghostSize }, transform, { width, height });
    if (to) void rf.setViewport({ ...to, zoom: transform[2] }, { duration: 300 });
  }, [ghost, at, rf, store]);
}

/**
 * The suggested step as a dashed card beside the step it follows (see `ghostSpot`), in
 * flow coordinates, with "Add step" and "Dismiss". Re-renders when the ghost or the
 * nodes change, never while the AI's text streams. A new ghost off screen is brought into view.
 */
export const AiGhost = memo(function AiGhost({ feed, nodes, readOnly, onAdd }: AiGhostProps) {
  const ghost = useCanvasAi(feed, ghostOf);
  const at = useMemo(() => (ghost ? ghostSpot(nodeBoxes(nodes), ghost.afterNodeId) : null), [ghost, nodes]);
  useRevealGhost(ghost, at);
  if (!ghost || !at) return null;
  const kind = suggestedKind(ghost.kind);
  const title = suggestedKindTitle(ghost.kind);
  const group = kind ? `je-group--${kindInfo[kind].group.toLowerCase()}` : '';
  return (
    <ViewportPortal>
      <section
        className={`je-ai-ghost nopan nodrag nowheel ${group}`}
        data-ai-ghost=""
        data-ai-ghost-kind={ghost.kind}
        data-ai-ghost-after={ghost.afterNodeId ?? ''}
        style={{ transform: `translate(${at.x}px, ${at.y}px)` }}
        aria-label={`Suggested step: ${title} “${ghost.label}”`}
      >
        <p className="je-ai-ghost__kind">
          {title} <span className="je-ai-ghost__badge">Suggested by AI</span>
        </p>
        <p className="je-ai-ghost__label">{ghost.label}</p>
        {ghost.reason && <p className="je-ai-ghost__reason">{ghost.reason}</p>}
        {!kind && <p className="je-ai-ghost__reason">Journeys have no “{ghost.kind}” step, so it cannot be added.</p>}
        <div className="je-ai-ghost__actions">
          <button
            type="button"
            disabled={readOnly || !kind}
            aria-label={`Add the suggested step “${ghost.label}”`}
            onClick={() => onAdd(ghost, at)}
          >
            Add step
          </button>
          <button type="button" aria-label="Dismiss the suggestion" onClick={() => feed.dismiss()}>
            Dismiss
          </button>
        </div>
      </section>
    </ViewportPortal>
  );
});
