import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useContext, useMemo } from 'react';
import { kindInfo, portsOf, type JourneyNode } from '../../../shared/journey';
import type { FlowNode } from './flowTypes';
import { portShare, summarise } from './nodeSummary';
import { ProblemMarksContext } from './ProblemMarksContext';
import { useRefreshHandles } from './useRefreshHandles';

function classes(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

function Problem({ node }: { node: JourneyNode }) {
  if (!node.problem) return null;
  return <p className="je-node__damaged">Not valid: {node.problem.slice(0, 200)}</p>;
}

function NoteCard({ node, selected }: { node: JourneyNode; selected: boolean }) {
  const color = typeof node.data.color === 'string' ? node.data.color : 'yellow';
  const text =
    typeof node.data.text === 'string' && node.data.text.trim() ? node.data.text.slice(0, 2000) : 'Empty note';
  return (
    <div className={classes('je-note', `je-note--${color}`, selected && 'is-selected')} data-kind="note">
      <div className="je-note__title">Note</div>
      <p className="je-note__text">{text}</p>
      <Problem node={node} />
    </div>
  );
}

/**
 * The card of one journey step: kind, label, what it does, its typed ports, and what
 * validation found. Memoised, and its data only changes identity when the step changed,
 * so a 2,000-step canvas re-renders only what moved; new problems re-render only the
 * cards on screen (see `ProblemMarksContext`).
 */
function JourneyNodeViewBase({ id, data, selected, isConnectable }: NodeProps<FlowNode>) {
  const { node } = data;
  const mark = useContext(ProblemMarksContext).get(id);
  const severity = mark?.severity;
  const problemCount = mark?.count ?? 0;
  const ports = useMemo(() => portsOf(node.kind, node.data), [node]);
  useRefreshHandles(id, [...ports.inputs, ...ports.outputs].map((p) => p.id).join('|'));
  if (node.kind === 'note') return <NoteCard node={node} selected={selected} />;
  const info = kindInfo[node.kind];
  const label =
    typeof node.data.label === 'string' && node.data.label.trim() ? node.data.label.slice(0, 120) : info.title;
  return (
    <div
      className={classes(
        'je-node',
        `je-group--${info.group.toLowerCase()}`,
        severity && `je-node--${severity}`,
        selected && 'is-selected',
      )}
      data-kind={node.kind}
    >
      {ports.inputs.map((port) => (
        <Handle
          key={port.id}
          id={port.id}
          type="target"
          position={Position.Left}
          isConnectable={isConnectable}
          className="je-handle je-handle--in"
          title={`${port.label} (input)`}
        />
      ))}
      <div className="je-node__header">
        <span className="je-node__kind">{info.title}</span>
        {problemCount > 0 && (
          <span className="je-node__badge" title={`${problemCount} problem${problemCount === 1 ? '' : 's'}`}>
            {problemCount}
          </span>
        )}
      </div>
      <div className="je-node__label">{label}</div>
      {summarise(node).map((line, i) => (
        <div key={i} className="je-node__summary">
          {line}
        </div>
      ))}
      <Problem node={node} />
      {ports.outputs.length > 0 && (
        <ul className="je-node__ports">
          {ports.outputs.map((port) => (
            <li key={port.id} className="je-port">
              <span className="je-port__label">{port.label}</span>
              <span className="je-port__share">{portShare(node, port.id)}</span>
              <Handle
                id={port.id}
                type="source"
                position={Position.Right}
                isConnectable={isConnectable}
                className="je-handle je-handle--out"
                title={`${port.label} (output)`}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const JourneyNodeView = memo(JourneyNodeViewBase);
