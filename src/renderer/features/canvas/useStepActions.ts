import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { defaultNodeData, type NodeKind, type XY } from '../../../shared/journey';
import { addNode, removeElements } from '../../../shared/journey/ydoc';
import { estimateSize } from './nodeGeometry';
import type { Editor } from './EditorContext';
import { emptySelection, type FlowEdge, type FlowNode } from './flowTypes';
import { freeSpot, newNodeOffset } from './placement';
import type { CanvasView } from './useCanvasView';
import { createEmailBodies } from './emailBodies';

export interface StepActions {
  /** Adds a step at `at` (flow coordinates), or in the middle of the view; selects it. */
  addStep: (kind: NodeKind, at?: XY) => void;
  removeSelected: () => void;
  selectAll: () => void;
  clearSelection: () => void;
  /** Selects the nodes and moves the view to them. */
  showNodes: (ids: readonly string[]) => void;
}

/** Adding, deleting, selecting and showing steps. */
export function useStepActions(editor: Editor, view: CanvasView, pane: RefObject<HTMLElement | null>): StepActions {
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const latest = useRef(view);
  useEffect(() => {
    latest.current = view;
  });
  const { setSelection } = view;

  const middleOfView = useCallback((): XY => {
    const rect = pane.current?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    const centre = rf.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    return { x: centre.x - newNodeOffset.x, y: centre.y - newNodeOffset.y };
  }, [pane, rf]);

  const addStep = useCallback(
    (kind: NodeKind, at?: XY) => {
      if (editor.readOnly) return;
      const position = freeSpot(
        editor.journey(),
        at ?? middleOfView(),
        estimateSize({ kind, data: defaultNodeData(kind) }),
      );
      const id = editor.step(() => addNode(editor.doc, kind, position, undefined, editor.origin));
      createEmailBodies(editor.doc, [id]);
      setSelection({ nodes: new Set([id]), edges: new Set() });
    },
    [editor, middleOfView, setSelection],
  );

  const removeSelected = useCallback(() => {
    const { selection } = latest.current;
    if (editor.readOnly || (selection.nodes.size === 0 && selection.edges.size === 0)) return;
    editor.step(() => removeElements(editor.doc, selection.nodes, selection.edges, editor.origin));
    setSelection(emptySelection);
  }, [editor, setSelection]);

  const selectAll = useCallback(() => {
    const visible = latest.current.nodes.filter((n) => !n.hidden).map((n) => n.id);
    setSelection({ nodes: new Set(visible), edges: new Set() });
  }, [setSelection]);

  const clearSelection = useCallback(() => setSelection(emptySelection), [setSelection]);

  const showNodes = useCallback(
    (ids: readonly string[]) => {
      const present = new Set(latest.current.nodes.map((n) => n.id));
      const found = ids.filter((id) => present.has(id));
      if (found.length === 0) return;
      setSelection({ nodes: new Set(found), edges: new Set() });
      void rf.fitView({ nodes: found.map((id) => ({ id })), duration: 300, padding: 0.6, maxZoom: 1.2 });
    },
    [rf, setSelection],
  );

  return useMemo(
    () => ({ addStep, removeSelected, selectAll, clearSelection, showNodes }),
    [addStep, removeSelected, selectAll, clearSelection, showNodes],
  );
}
