import { useId, useMemo } from 'react';
import { kindInfo, portsOf, type Journey, type JourneyNode } from '../../../../shared/journey';
import { setPortTarget } from '../../../../shared/journey/ydoc';
import { useEditor } from '../useEditor';

interface Candidate {
  id: string;
  name: string;
}

function nameOf(node: JourneyNode): string {
  const label = typeof node.data.label === 'string' && node.data.label.trim() ? node.data.label.trim() : kindInfo[node.kind].title;
  return label === kindInfo[node.kind].title ? label : `${label} (${kindInfo[node.kind].title})`;
}

function PortTarget({ node, port, current, candidates }: { node: JourneyNode; port: { id: string; label: string }; current: string; candidates: Candidate[] }) {
  const editor = useEditor();
  const id = useId();
  const missing = current !== '' && !candidates.some((c) => c.id === current);
  const choose = (target: string) => {
    const attempt = { source: node.id, sourceHandle: port.id };
    const result = editor.step(() => setPortTarget(editor.doc, attempt, target || null, editor.origin, editor.journey()));
    if (!result.ok) editor.announce(`Not connected: ${result.reason}`);
  };
  return (
    <div className="je-field">
      <label htmlFor={id}>{port.label} → next step</label>
      <select id={id} value={current} onChange={(e) => choose(e.target.value)}>
        <option value="">Not connected</option>
        {missing && <option value={current}>(a step that no longer exists)</option>}
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The keyboard and screen-reader way to connect: for each output, choose the next step
 * from a list. It goes through the same connection rules as dragging a handle.
 */
export function PortTargets({ node, journey }: { node: JourneyNode; journey: Journey }) {
  const outputs = useMemo(() => portsOf(node.kind, node.data).outputs, [node]);
  const candidates = useMemo(
    () =>
      journey.nodes
        .filter((n) => n.id !== node.id && n.kind !== 'note' && n.kind !== 'entry')
        .map((n) => ({ id: n.id, name: nameOf(n) }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    [journey.nodes, node.id],
  );
  if (outputs.length === 0) return null;
  return (
    <fieldset className="je-inspector__section">
      <legend>Next steps</legend>
      {outputs.map((port) => {
        const edge = journey.edges.find((e) => e.source === node.id && e.sourceHandle === port.id);
        return <PortTarget key={port.id} node={node} port={port} current={edge?.target ?? ''} candidates={candidates} />;
      })}
    </fieldset>
  );
}
