import { memo, useId, useMemo, useRef } from 'react';
import { kindInfo, portsOf, type Journey, type JourneyNode } from '../../../../shared/journey';
import { setPortTarget } from '../../../../shared/journey/ydoc';
import { useEditor } from '../useEditor';

interface Candidate {
  id: string;
  name: string;
}

function nameOf(node: JourneyNode): string {
  const label =
    typeof node.data.label === 'string' && node.data.label.trim() ? node.data.label.trim() : kindInfo[node.kind].title;
  return label === kindInfo[node.kind].title ? label : `${label} (${kindInfo[node.kind].title})`;
}

function sameCandidates(a: readonly Candidate[], b: readonly Candidate[]): boolean {
  return a.length === b.length && a.every((c, i) => c.id === b[i].id && c.name === b[i].name);
}

/** The options of every step; memoised, as a big journey has thousands. */
const CandidateOptions = memo(function CandidateOptions({ candidates }: { candidates: readonly Candidate[] }) {
  return candidates.map((c) => (
    <option key={c.id} value={c.id}>
      {c.name}
    </option>
  ));
});

interface PortTargetProps {
  node: JourneyNode;
  port: { id: string; label: string };
  current: string;
  candidates: readonly Candidate[];
}

function PortTarget({ node, port, current, candidates }: PortTargetProps) {
  const editor = useEditor();
  const id = useId();
  const missing = current !== '' && !candidates.some((c) => c.id === current);
  const choose = (target: string) => {
    const attempt = { source: node.id, sourceHandle: port.id };
    const result = editor.step(() =>
      setPortTarget(editor.doc, attempt, target || null, editor.origin, editor.journey()),
    );
    if (!result.ok) editor.announce(`Not connected: ${result.reason}`);
  };
  return (
    <div className="je-field">
      <label htmlFor={id}>{port.label} → next step</label>
      <select id={id} value={current} onChange={(e) => choose(e.target.value)}>
        <option value="">Not connected</option>
        {missing && <option value={current}>(a step that no longer exists)</option>}
        <CandidateOptions candidates={candidates} />
      </select>
    </div>
  );
}

/** The steps an output can lead to, sorted by name; the same array while they are unchanged. */
function useCandidates(journey: Journey, self: string): readonly Candidate[] {
  const previous = useRef<readonly Candidate[]>([]);
  return useMemo(() => {
    const next = journey.nodes
      .filter((n) => n.id !== self && n.kind !== 'note' && n.kind !== 'entry')
      .map((n) => ({ id: n.id, name: nameOf(n) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
    if (!sameCandidates(previous.current, next)) previous.current = next;
    return previous.current;
  }, [journey.nodes, self]);
}

/**
 * The keyboard and screen-reader way to connect: for each output, choose the next step
 * from a list. It goes through the same connection rules as dragging a handle.
 */
export function PortTargets({ node, journey }: { node: JourneyNode; journey: Journey }) {
  const outputs = useMemo(() => portsOf(node.kind, node.data).outputs, [node]);
  const candidates = useCandidates(journey, node.id);
  const leaving = useMemo(() => journey.edges.filter((e) => e.source === node.id), [journey.edges, node.id]);
  if (outputs.length === 0) return null;
  return (
    <fieldset className="je-inspector__section">
      <legend>Next steps</legend>
      {outputs.map((port) => {
        const edge = leaving.find((e) => e.sourceHandle === port.id);
        return (
          <PortTarget key={port.id} node={node} port={port} current={edge?.target ?? ''} candidates={candidates} />
        );
      })}
    </fieldset>
  );
}
