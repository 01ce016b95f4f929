import type { Edge } from '@xyflow/react';
import { useMemo } from 'react';
import { ReadOnlyGraph } from '../../app/ReadOnlyGraph';
import type { MeshNodeView } from '../../../shared/mesh/mesh';
import { MeshNodeCard, type MeshFlowNode } from './MeshNodeCard';
import { edgeLabel, layoutMesh } from './meshGraph';

const FIT = { padding: 0.15, maxZoom: 1 };
const nodeTypes = { meshNode: MeshNodeCard };

/** The mesh as a read-only graph: this device in the centre, the others around it, round trips on the edges. */
export function MeshGraph({ nodes }: { nodes: readonly MeshNodeView[] }) {
  const { flowNodes, edges } = useMemo(() => {
    const placed = layoutMesh(nodes);
    const centre = placed.find((p) => p.node.kind === 'local');
    const flowNodes: MeshFlowNode[] = placed.map((p) => ({
      id: p.node.id,
      type: 'meshNode',
      position: { x: p.x, y: p.y },
      data: { node: p.node },
      draggable: false,
      connectable: false,
      selectable: false,
    }));
    const edges: Edge[] = centre
      ? placed
          .filter((p) => p !== centre)
          .map((p) => ({
            id: `local->${p.node.id}`,
            source: centre.node.id,
            target: p.node.id,
            label: edgeLabel(p.node),
            animated: p.node.running > 0,
            className: `mesh-edge mesh-edge--${p.node.state}`,
          }))
      : [];
    return { flowNodes, edges };
  }, [nodes]);
  return (
    <ReadOnlyGraph
      label="Mesh graph"
      className="mesh-graph"
      nodes={flowNodes}
      edges={edges}
      nodeTypes={nodeTypes}
      fitViewOptions={FIT}
      refitKey={flowNodes.length}
    />
  );
}
