import {
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type FitViewOptions,
  type Node,
  type NodeTypes,
} from '@xyflow/react';
import { useEffect } from 'react';

interface ReadOnlyGraphProps<N extends Node> {
  /** The region's accessible name ("Plan graph", "Mesh graph"). */
  label: string;
  className: string;
  nodes: N[];
  edges: Edge[];
  nodeTypes: NodeTypes;
  fitViewOptions: FitViewOptions;
  /** Fits the view again whenever this changes (React Flow's `fitView` runs only once). */
  refitKey: string | number;
  controlsPosition?: 'bottom-right' | 'bottom-left';
}

/**
 * A small React Flow graph to look at, not edit (the agents' plan, the mesh): no
 * dragging, connecting or selecting; background, zoom controls, and a fit on change.
 */
export function ReadOnlyGraph<N extends Node>(props: ReadOnlyGraphProps<N>) {
  return (
    <div className={props.className} role="region" aria-label={props.label}>
      <ReactFlowProvider>
        <ReactFlow
          nodes={props.nodes}
          edges={props.edges}
          nodeTypes={props.nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          fitView
          fitViewOptions={props.fitViewOptions}
          minZoom={0.2}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls showInteractive={false} position={props.controlsPosition} />
          <FitOnChange refitKey={props.refitKey} options={props.fitViewOptions} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}

function FitOnChange({ refitKey, options }: { refitKey: string | number; options: FitViewOptions }) {
  const flow = useReactFlow();
  const { padding, maxZoom } = options;
  useEffect(() => {
    const frame = requestAnimationFrame(() => void flow.fitView({ padding, maxZoom }));
    return () => cancelAnimationFrame(frame);
  }, [flow, refitKey, padding, maxZoom]);
  return null;
}
