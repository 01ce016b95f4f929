import { Background, BackgroundVariant, Controls, ReactFlow, SelectionMode, useReactFlow } from '@xyflow/react';
import { memo, useContext, type DragEvent, type RefObject } from 'react';
import { isNodeKind, type NodeKind, type XY } from '../../../shared/journey';
import type { FlowEdge, FlowNode } from './flowTypes';
import { JourneyMiniMap } from './JourneyMiniMap';
import { nodeTypes } from './nodeTypes';
import { MoveStartContext } from './presence/MoveStartContext';
import { bigJourney, PALETTE_MIME, zoomRange } from './constants';
import { useReadyMark } from './openMarks';
import { useFitOnOpen } from './useFitOnOpen';
import { useOpening } from './useOpening';
import type { CanvasView } from './useCanvasView';
import type { useConnectHandlers } from './useConnectHandlers';

const multiSelectKeys = ['Shift', 'Meta', 'Control'];

interface JourneyCanvasProps {
  view: CanvasView;
  readOnly: boolean;
  connect: ReturnType<typeof useConnectHandlers>;
  pane: RefObject<HTMLDivElement | null>;
  onDropKind: (kind: NodeKind, at: XY) => void;
}

/** The React Flow canvas: the derived nodes and edges, drop target for the palette. */
export const JourneyCanvas = memo(function JourneyCanvas({
  view,
  readOnly,
  connect,
  pane,
  onDropKind,
}: JourneyCanvasProps) {
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const onMoveStart = useContext(MoveStartContext);
  const opening = useOpening(view.nodes, pane);
  useReadyMark('maily:flow-mounted', opening !== null);
  useFitOnOpen(view.nodes, bigJourney, opening?.viewport !== undefined);
  const onDragOver = (event: DragEvent) => {
    if (readOnly || !event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const kind = event.dataTransfer.getData(PALETTE_MIME);
    if (readOnly || !isNodeKind(kind)) return;
    event.preventDefault();
    const at = rf.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    onDropKind(kind, { x: Math.round(at.x - 120), y: Math.round(at.y - 24) });
  };
  return (
    <div className="je-canvas" ref={pane} onDragOver={onDragOver} onDrop={onDrop}>
      {opening && (
        <ReactFlow<FlowNode, FlowEdge>
          defaultViewport={opening.viewport}
          nodes={view.nodes}
          edges={view.edges}
          nodeTypes={nodeTypes}
          onNodesChange={view.onNodesChange}
          onEdgesChange={view.onEdgesChange}
          isValidConnection={connect.isValidConnection}
          onConnect={connect.onConnect}
          onConnectEnd={connect.onConnectEnd}
          onMoveStart={onMoveStart}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesReconnectable={false}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={multiSelectKeys}
          selectionMode={SelectionMode.Partial}
          onlyRenderVisibleElements={view.nodes.length > bigJourney}
          connectionRadius={28}
          minZoom={zoomRange.min}
          maxZoom={zoomRange.max}
        >
          <Background variant={BackgroundVariant.Dots} gap={24} size={1.5} />
          <JourneyMiniMap nodes={view.nodes} />
          <Controls showInteractive={false} />
        </ReactFlow>
      )}
      {view.nodes.length === 0 && (
        <div className="je-empty">
          <p>Drag a step from the list on the left, or press one, to start the journey.</p>
          <p className="je-hint">Most journeys begin with an Entry.</p>
        </div>
      )}
    </div>
  );
});
