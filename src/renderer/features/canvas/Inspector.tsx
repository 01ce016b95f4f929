import { memo, useCallback, useMemo } from 'react';
import { defaultNodeData, kindInfo, type Journey, type JourneyNode } from '../../../shared/journey';
import { removeElements, updateNodeData } from '../../../shared/journey/ydoc';
import type { Selection } from './flowTypes';
import { fieldErrors } from './inspector/fieldErrors';
import { KindFields } from './inspector/KindFields';
import { PortTargets } from './inspector/PortTargets';
import { useEditor } from './useEditor';

function NodeInspector({ node, journey }: { node: JourneyNode; journey: Journey }) {
  const editor = useEditor();
  const { doc, origin, readOnly } = editor;
  const info = kindInfo[node.kind];
  const errors = useMemo(() => fieldErrors(node.kind, node.data), [node]);
  const write = useCallback(
    (patch: Record<string, unknown>) => void updateNodeData(doc, node.id, patch, origin),
    [doc, node.id, origin],
  );
  const commit = useCallback((patch: Record<string, unknown>) => editor.step(() => write(patch)), [editor, write]);
  const reset = () => {
    // Every current field is cleared, then the kind's defaults written; the label stays.
    const cleared = Object.fromEntries(Object.keys(node.data).map((key) => [key, undefined]));
    const label = typeof node.data.label === 'string' ? { label: node.data.label } : {};
    commit({ ...cleared, ...defaultNodeData(node.kind), ...label });
  };
  const remove = () => editor.step(() => removeElements(doc, [node.id], [], origin));
  return (
    <>
      <header className="je-inspector__head">
        <span className={`je-inspector__kind je-group--${info.group.toLowerCase()}`}>{info.title}</span>
        <p className="je-hint">{info.description}</p>
      </header>
      {node.problem && (
        <div className="je-inspector__damaged" role="alert">
          <p>Some settings of this step are not valid; see the messages by the fields.</p>
          <button type="button" onClick={reset} disabled={readOnly}>
            Reset to defaults
          </button>
        </div>
      )}
      <fieldset className="je-inspector__fields" disabled={readOnly}>
        <legend className="je-visually-hidden">{info.title} settings</legend>
        <KindFields kind={node.kind} data={node.data} errors={errors} write={write} commit={commit} />
        <PortTargets node={node} journey={journey} />
      </fieldset>
      {/* Outside the fieldset: read-only campaigns still open the editor, view-only. */}
      {node.kind === 'email' && editor.onEditEmail && (
        <button type="button" className="je-primary" onClick={() => editor.onEditEmail?.(node.id)}>
          Edit email
        </button>
      )}
      <button type="button" className="je-danger" onClick={remove} disabled={readOnly}>
        Delete step
      </button>
    </>
  );
}

function Empty({ selection }: { selection: Selection }) {
  const steps = selection.nodes.size;
  const links = selection.edges.size;
  if (steps === 0 && links === 0) return <p className="je-hint">Select a step to edit it.</p>;
  const parts = [
    steps > 0 && `${steps} step${steps === 1 ? '' : 's'}`,
    links > 0 && `${links} connection${links === 1 ? '' : 's'}`,
  ];
  return (
    <p className="je-hint">{parts.filter(Boolean).join(' and ')} selected. Press Delete to remove, Ctrl+C to copy.</p>
  );
}

/** The settings of the one selected step; a summary when several things are selected. */
export const Inspector = memo(function Inspector({ journey, selection }: { journey: Journey; selection: Selection }) {
  const only = selection.nodes.size === 1 ? [...selection.nodes][0] : null;
  const node = only ? journey.nodes.find((n) => n.id === only) : undefined;
  return (
    <aside className="je-inspector" aria-label="Inspector">
      <h2 className="je-panel-title">Inspector</h2>
      {node ? <NodeInspector key={node.id} node={node} journey={journey} /> : <Empty selection={selection} />}
    </aside>
  );
});
