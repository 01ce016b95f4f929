import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { MeshNodeView } from '../../../shared/mesh/mesh';

export type MeshFlowNode = Node<{ node: MeshNodeView }, 'meshNode'>;

const kindLabel = { local: 'This device', peer: 'Teammate', external: 'External server' } as const;
const stateLabel = {
  ready: 'Ready',
  connecting: 'Connecting…',
  busy: 'Busy',
  unreachable: 'Not reachable',
  error: 'Error',
} as const;

/** One node of the mesh graph: who it is, what it runs, how loaded and healthy it is. */
function MeshNodeCardView({ data }: NodeProps<MeshFlowNode>) {
  const n = data.node;
  const models = n.models.map((m) => m.id).join(', ') || 'no model loaded';
  return (
    <div
      className={`mesh-node mesh-node--${n.kind} mesh-node--${n.state}`}
      role="group"
      aria-label={`${n.name}, ${kindLabel[n.kind]}, ${stateLabel[n.state]}`}
      data-node-id={n.id}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className="mesh-node__handle" />
      <div className="mesh-node__head">
        <strong className="mesh-node__name">{n.name}</strong>
        <span className="mesh-node__kind">{kindLabel[n.kind]}</span>
      </div>
      <div className="mesh-node__state" data-state={n.state}>
        {stateLabel[n.state]}
        {n.health === 'open' && <span className="mesh-node__circuit"> · circuit open (resting)</span>}
        {n.health === 'half-open' && <span className="mesh-node__circuit"> · trying again</span>}
      </div>
      <div className="mesh-node__models" title={models}>
        {models}
      </div>
      <dl className="mesh-node__stats">
        <dt>Load</dt>
        <dd>
          {n.running}/{n.slots} running{n.queued > 0 ? `, ${n.queued} queued` : ''}
        </dd>
        <dt>Speed</dt>
        <dd>{n.tokensPerSecond === null ? '—' : `${Math.round(n.tokensPerSecond)} tokens/s`}</dd>
        <dt>Jobs</dt>
        <dd>{n.jobsServed} served</dd>
      </dl>
      {n.error && (
        <p className="mesh-node__error" title={n.error}>
          {n.error}
        </p>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="mesh-node__handle" />
    </div>
  );
}

export const MeshNodeCard = memo(MeshNodeCardView);
