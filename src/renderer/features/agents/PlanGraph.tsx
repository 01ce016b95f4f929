import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type Edge } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { AgentPlan } from '../../../shared/agents/plan';
import { layoutPlan } from './planLayout';
import { SubtaskCard, type SubtaskFlowNode } from './SubtaskCard';
import type { SubtaskView } from './useAgents';

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
    <div className="ag-graph" role="region" aria-label="Plan graph">
      <ReactFlowProvider>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          fitView
          fitViewOptions={{ padding: 0.1 }}
          minZoom={0.2}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls showInteractive={false} position="bottom-right" />
          <FitOnChange planId={plan.planId} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}

/** Fits the view to a new plan (React Flow's `fitView` runs only once). */
function FitOnChange({ planId }: { planId: string }) {
  const flow = useReactFlow();
  useEffect(() => {
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.1 }));
    return () => cancelAnimationFrame(frame);
  }, [flow, planId]);
  return null;
}
