import type { EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type { Journey, JourneyNode, XY } from '../../../shared/journey';
import type { NodePosition } from '../../../shared/journey/ydoc';
import { createCache, deriveEdges, deriveNodes, type EdgeCache, type NodeCache } from './deriveFlow';
import { emptySelection, type FlowEdge, type FlowNode, type Selection, type Size } from './flowTypes';
import { applySelect, applySizes, edgeSelectChanges, sortNodeChanges, withNodes } from './viewChanges';

export interface CanvasViewInput {
  journey: Journey;
  isHidden: (node: JourneyNode) => boolean;
  markedEdges: ReadonlySet<string>;
  /** Writes finished moves to the doc (one transaction). */
  commitMoves: (moves: NodePosition[]) => void;
}

export interface CanvasView {
  nodes: FlowNode[];
  edges: FlowEdge[];
  selection: Selection;
  setSelection: (next: Selection | ((prev: Selection) => Selection)) => void;
  sizes: ReadonlyMap<string, Size>;
  onNodesChange: (changes: NodeChange<FlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<FlowEdge>[]) => void;
}

const noDrag: ReadonlyMap<string, XY> = new Map();

/**
 * The canvas's local state (selection, drag positions, measured sizes) and the React
 * Flow nodes and edges derived from it and the journey. Nothing here is in the doc.
 */
export function useCanvasView({ journey, isHidden, markedEdges, commitMoves }: CanvasViewInput): CanvasView {
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [dragging, setDragging] = useState<ReadonlyMap<string, XY>>(noDrag);
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const [nodeCache] = useState<NodeCache>(createCache);
  const [edgeCache] = useState<EdgeCache>(createCache);

  const nodes = useMemo(
    () => deriveNodes(journey, { selected: selection.nodes, dragging, measured: sizes, isHidden }, nodeCache),
    [journey, selection.nodes, dragging, sizes, isHidden, nodeCache],
  );
  const edges = useMemo(
    () => deriveEdges(journey, { selected: selection.edges, marked: markedEdges, isHidden }, edgeCache),
    [journey, selection.edges, markedEdges, isHidden, edgeCache],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const sorted = sortNodeChanges(changes);
      if (sorted.select.size > 0) setSelection((s) => withNodes(s, applySelect(s.nodes, sorted.select)));
      if (sorted.sizes.size > 0) setSizes((s) => applySizes(s, sorted.sizes));
      if (sorted.commit.length > 0) commitMoves(sorted.commit);
      if (sorted.drag.size === 0 && sorted.commit.length === 0) return;
      setDragging((current) => {
        const next = new Map(current);
        for (const [id, at] of sorted.drag) next.set(id, at);
        for (const { id } of sorted.commit) next.delete(id);
        return next.size === 0 ? noDrag : next;
      });
    },
    [commitMoves],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const select = edgeSelectChanges(changes);
    if (select.size === 0) return;
    setSelection((s) => {
      const edges = applySelect(s.edges, select);
      return edges === s.edges ? s : { ...s, edges };
    });
  }, []);

  return useMemo(
    () => ({ nodes, edges, selection, setSelection, sizes, onNodesChange, onEdgesChange }),
    [nodes, edges, selection, sizes, onNodesChange, onEdgesChange],
  );
}
