import type { Connection, Edge, FinalConnectionState, InternalNode } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { checkConnection, type ConnectionAttempt } from '../../../shared/journey';
import { addEdge } from '../../../shared/journey/ydoc';
import type { Editor } from './EditorContext';

function toAttempt(connection: Connection | Edge): ConnectionAttempt {
  return {
    source: connection.source,
    sourceHandle: connection.sourceHandle ?? null,
    target: connection.target,
    targetHandle: connection.targetHandle ?? null,
  };
}

function nodeIdAt(event: MouseEvent | TouchEvent): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const element = document.elementFromPoint(point.clientX, point.clientY);
  return element?.closest('.react-flow__node')?.getAttribute('data-id') ?? null;
}

/** The attempt a drop makes: from the handle dragged, to the node (and handle) under it. */
function attemptFromDrop(state: FinalConnectionState<InternalNode>, overId: string): ConnectionAttempt | null {
  if (!state.fromNode || !state.fromHandle) return null;
  const here = { node: overId, handle: state.toHandle?.id ?? null };
  const from = { node: state.fromNode.id, handle: state.fromHandle.id ?? null };
  return state.fromHandle.type === 'source'
    ? { source: from.node, sourceHandle: from.handle, target: here.node, targetHandle: here.handle }
    : { source: here.node, sourceHandle: here.handle, target: from.node, targetHandle: from.handle };
}

/**
 * Connecting by dragging handles, under the journey's connection rules. React Flow asks
 * `isValidConnection` while the designer drags; a drop on a refused handle, or on a
 * step's body, is checked again so the designer is told why (or the connection is made
 * to the step's only input).
 */
export function useConnectHandlers(editor: Editor) {
  const isValidConnection = useCallback(
    (c: Connection | Edge) => checkConnection(editor.journey(), toAttempt(c)).ok,
    [editor],
  );

  const connect = useCallback(
    (attempt: ConnectionAttempt) => {
      const result = editor.step(() => addEdge(editor.doc, attempt, editor.origin, editor.journey()));
      if (!result.ok) editor.announce(`Not connected: ${result.reason}`);
    },
    [editor],
  );

  const onConnect = useCallback((c: Connection) => connect(toAttempt(c)), [connect]);

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState<InternalNode>) => {
      if (state.isValid === true || editor.readOnly) return;
      const overId = state.toNode?.id ?? nodeIdAt(event);
      if (!overId || (overId === state.fromNode?.id && !state.toHandle)) return;
      const attempt = attemptFromDrop(state, overId);
      if (attempt) connect(attempt);
    },
    [connect, editor],
  );

  return useMemo(() => ({ isValidConnection, onConnect, onConnectEnd }), [isValidConnection, onConnect, onConnectEnd]);
}
