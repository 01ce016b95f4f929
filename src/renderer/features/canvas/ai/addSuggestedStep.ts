import type { StepSuggestion } from '../../../../shared/ai/actions';
import { ConnectionRefusalCode, type XY } from '../../../../shared/journey';
import { addEdge, addNode, updateNodeData, type EdgeWrite } from '../../../../shared/journey/ydoc';
import type { Editor } from '../EditorContext';
import { createEmailBodies } from '../emailBodies';
import { suggestedKind } from './aiLabels';

/** Longest label a step takes (see `kinds.ts`). */
const maxLabel = 120;

/**
 * Connects the after-node to the new step: from the port the AI named when the node has
 * it, else from the node's only output (the connection rules resolve a null handle).
 */
function connectFrom(editor: Editor, ghost: StepSuggestion, target: string): EdgeWrite | null {
  if (!ghost.afterNodeId) return null;
  const attempt = { source: ghost.afterNodeId, sourceHandle: ghost.port, target, targetHandle: null };
  // No journey passed: addEdge reads the doc, which already holds the new node.
  const named = addEdge(editor.doc, attempt, editor.origin);
  if (named.ok || !ghost.port || named.code !== ConnectionRefusalCode.UnknownSourceHandle) return named;
  return addEdge(editor.doc, { ...attempt, sourceHandle: null }, editor.origin);
}

export interface AddedStep {
  id: string;
  /** The connection from the after-node: null when the ghost follows no step. */
  edge: EdgeWrite | null;
}

/**
 * Adds the suggested step at `at` with the suggested label, connected from the step it
 * follows, as one undo step of `editor`. Null when it cannot be added (read-only, or a
 * kind journeys do not have). A refused connection keeps the step (see `edge`).
 */
export function addSuggestedStep(editor: Editor, ghost: StepSuggestion, at: XY): AddedStep | null {
  const kind = suggestedKind(ghost.kind);
  if (editor.readOnly || !kind) return null;
  const { doc, origin } = editor;
  const label = ghost.label.trim().slice(0, maxLabel);
  const added = editor.step(() =>
    doc.transact(() => {
      const id = addNode(doc, kind, at, undefined, origin);
      updateNodeData(doc, id, { label }, origin);
      return { id, edge: connectFrom(editor, ghost, id) };
    }, origin),
  );
  createEmailBodies(doc, [added.id]);
  return added;
}
