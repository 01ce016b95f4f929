import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useReactFlow,
} from '@xyflow/react';
import { memo, type DragEvent, type RefObject } from 'react';
import { isNodeKind, kindInfo, type NodeKind, type XY } from '../../../shared/journey';
import type { FlowEdge, FlowNode } from './flowTypes';
import { nodeTypes } from './nodeTypes';
import { bigJourney, PALETTE_MIME } from './constants';
import { useFitOnOpen } from './useFitOnOpen';
import type { CanvasView } from './useCanvasView';
import type { useConnectHandlers } from './useConnectHandlers';

const multiSelectKeys = ['Shift', 'Meta', 'Control'];

const groupColours: Record<string, string> = {
  Start: '#1f9d55',
  Actions: '#2f6fde',
  Timing: '#c77c02',
  Logic: '#7a4fd6',
  End: '#d14343',
  Annotate: '#e0b400',
};

function miniMapColour(node: FlowNode): string {
  return groupColours[kindInfo[node.type].group] ?? '#888';
}

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
  useFitOnOpen(view.nodes, bigJourney);
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
      <ReactFlow<FlowNode, FlowEdge>
        nodes={view.nodes}
        edges={view.edges}
        nodeTypes={nodeTypes}
        onNodesChange={view.onNodesChange}
        onEdgesChange={view.onEdgesChange}
        isValidConnection={connect.isValidConnection}
        onConnect={connect.onConnect}
        onConnectEnd={connect.onConnectEnd}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={multiSelectKeys}
        selectionMode={SelectionMode.Partial}
        onlyRenderVisibleElements={view.nodes.length > bigJourney}
        connectionRadius={28}
        minZoom={0.05}
        maxZoom={2}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1.5} />
        <MiniMap pannable zoomable nodeColor={miniMapColour} nodeStrokeWidth={3} ariaLabel="Mini map" />
        <Controls showInteractive={false} />
      </ReactFlow>
      {view.nodes.length === 0 && (
        <div className="je-empty">
          <p>Drag a step from the list on the left, or press one, to start the journey.</p>
          <p className="je-hint">Most journeys begin with an Entry.</p>
        </div>
      )}
    </div>
  );
});
