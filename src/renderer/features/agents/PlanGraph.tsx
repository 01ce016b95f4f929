import type { Edge } from '@xyflow/react';
import { useMemo } from 'react';
import { ReadOnlyGraph } from '../../app/ReadOnlyGraph';
import type { AgentPlan } from '../../../shared/agents/plan';
import { layoutPlan } from './planLayout';
import { SubtaskCard, type SubtaskFlowNode } from './SubtaskCard';
import type { SubtaskView } from './useAgents';

const FIT = { padding: 0.1 };
const nodeTypes = { subtask: SubtaskCard };

/** The plan as a live, read-only graph: a card per subtask, an edge per dependency. */
export function PlanGraph({ plan, views }: { plan: AgentPlan; views: readonly SubtaskView[] | null }) {
  const { nodes, edges } = useMemo(() => {
    const at = layoutPlan(plan.subtasks);
    const byId = new Map((views ?? []).map((v) => [v.id, v]));
    const nodes: SubtaskFlowNode[] = plan.subtasks.map((s) => ({
      id: s.id,
      type: 'subtask',
      position: at.get(s.id) ?? { x: 0, y: 0 },
      data: { subtask: s, view: byId.get(s.id) ?? null },
      draggable: false,
      connectable: false,
      selectable: false,
    }));
    const edges: Edge[] = plan.subtasks.flatMap((s) =>
      s.dependsOn.map((dep) => ({
        id: `${dep}->${s.id}`,
        source: dep,
        target: s.id,
        animated: byId.get(s.id)?.status === 'running',
        className: 'ag-edge',
      })),
    );
    return { nodes, edges };
  }, [plan, views]);
  return (
    <ReadOnlyGraph
      label="Plan graph"
      className="ag-graph"
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      fitViewOptions={FIT}
      refitKey={plan.planId}
      controlsPosition="bottom-right"
    />
  );
}
