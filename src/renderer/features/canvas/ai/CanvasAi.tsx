import './ai.css';
import { useReactFlow } from '@xyflow/react';
import { memo, useCallback, useContext } from 'react';
import type { CanvasAiFeed } from '../../../../shared/ai/canvasAi';
import { EditorContext } from '../EditorContext';
import type { FlowEdge, FlowNode, Selection } from '../flowTypes';
import { AiFindingPins } from './AiFindingPins';
import { AiFindingsPanel } from './AiFindingsPanel';
import { AiGhost } from './AiGhost';
import { useAcceptGhost } from './useAcceptGhost';

interface CanvasAiProps {
  feed: CanvasAiFeed;
  nodes: readonly FlowNode[];
  setSelection: (next: Selection) => void;
  /** Whether the AI layer is on (the ghost and the pins drawn). */
  shown: boolean;
}

/**
 * The AI on the canvas: the suggested step as a ghost, review findings as pins on their
 * steps and as a list. Inside the editor's ReactFlowProvider; mounted only when the
 * editor has an AI feed. Each part reads only its slice of the feed, so the AI's
 * streaming text re-renders none of them.
 */
export const CanvasAi = memo(function CanvasAi({ feed, nodes, setSelection, shown }: CanvasAiProps) {
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const readOnly = useContext(EditorContext)?.readOnly ?? true;
  const accept = useAcceptGhost(feed, setSelection);
  const select = useCallback(
    (nodeId: string) => setSelection({ nodes: new Set([nodeId]), edges: new Set() }),
    [setSelection],
  );
  const show = useCallback(
    (nodeId: string) => {
      select(nodeId);
      void rf.fitView({ nodes: [{ id: nodeId }], duration: 300, padding: 0.6, maxZoom: 1.2 });
    },
    [rf, select],
  );
  return (
    <>
      {shown && <AiGhost feed={feed} nodes={nodes} readOnly={readOnly} onAdd={accept} />}
      {shown && <AiFindingPins feed={feed} nodes={nodes} onSelect={select} />}
      <AiFindingsPanel feed={feed} nodes={nodes} onShow={show} />
    </>
  );
});
