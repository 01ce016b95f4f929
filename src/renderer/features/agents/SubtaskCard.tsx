import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Subtask, SubtaskOutput } from '../../../shared/agents/plan';
import { statusLabel } from './planLayout';
import type { SubtaskView } from './useAgents';

export type SubtaskFlowNode = Node<{ subtask: Subtask; view: SubtaskView | null }, 'subtask'>;

/** A short view of a subtask's result for its card. */
export function outputSnippet(output: SubtaskOutput, max = 140): string {
  const text =
    output.kind === 'email'
      ? `${output.subject} — ${output.paragraphs[0] ?? ''}`
      : output.kind === 'step'
        ? `${output.label}: ${output.detail}`
        : output.kind === 'note'
          ? output.text
          : output.points.join(' · ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One subtask of the plan graph: role, title, status, the mesh node(s) that ran it, and its output. */
function SubtaskCardView({ data }: NodeProps<SubtaskFlowNode>) {
  const { subtask, view } = data;
  const status = view?.status ?? 'queued';
  const nodes = view?.nodes.length ? (view.nodeNames.length ? view.nodeNames : view.nodes).join(' → ') : null;
  const snippet = view?.output
    ? outputSnippet(view.output)
    : status === 'running' && view?.text
      ? `…${view.text.slice(-90)}`
      : null;
  return (
    <div
      className={`ag-card ag-card--${status}`}
      role="group"
      aria-label={`${subtask.title}, ${subtask.role}, ${statusLabel(status)}${nodes ? `, on ${nodes}` : ''}`}
      data-subtask={subtask.id}
      data-status={status}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className="ag-card__handle" />
      <div className="ag-card__head">
        <span className={`ag-role ag-role--${subtask.role}`}>{subtask.role}</span>
        <span className="ag-card__output">{subtask.output}</span>
      </div>
      <strong className="ag-card__title" title={subtask.instructions}>
        {subtask.title}
      </strong>
      <div className="ag-card__status" data-status={status}>
        {statusLabel(status)}
        {nodes && (
          <span className="ag-card__node" title={view?.nodes.join(' → ')}>
            {' '}
            · on {nodes}
          </span>
        )}
        {view && view.status !== 'queued' && view.tokens > 0 && (
          <span className="ag-card__stats">
            {' '}
            · {view.tokens} tok{view.ms ? ` · ${(view.ms / 1000).toFixed(1)} s` : ''}
          </span>
        )}
      </div>
      {snippet && <p className="ag-card__snippet">{snippet}</p>}
      {view?.error && <p className="ag-card__error">{view.error}</p>}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="ag-card__handle" />
    </div>
  );
}

export const SubtaskCard = memo(SubtaskCardView);
