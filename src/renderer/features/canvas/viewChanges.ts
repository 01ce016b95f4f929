import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { NodePosition } from '../../../shared/journey/ydoc';
import type { XY } from '../../../shared/journey';
import type { FlowEdge, FlowNode, Selection, Size } from './flowTypes';

/**
 * React Flow's change events, sorted into what the canvas does with them: selection
 * and sizes stay local, positions stay local while dragging and go to the doc when a
 * drag ends (or a node is moved with the keyboard). Removals are ignored: deleting
 * goes through the editor's own delete, in one transaction.
 */
export interface SortedNodeChanges {
  select: Map<string, boolean>;
  drag: Map<string, XY>;
  commit: NodePosition[];
  sizes: Map<string, Size>;
}

export function sortNodeChanges(changes: readonly NodeChange<FlowNode>[]): SortedNodeChanges {
  const sorted: SortedNodeChanges = { select: new Map(), drag: new Map(), commit: [], sizes: new Map() };
  for (const change of changes) {
    if (change.type === 'select') sorted.select.set(change.id, change.selected);
    else if (change.type === 'position' && change.position) {
      if (change.dragging) sorted.drag.set(change.id, change.position);
      else sorted.commit.push({ id: change.id, x: change.position.x, y: change.position.y });
    } else if (change.type === 'dimensions' && change.dimensions) {
      sorted.sizes.set(change.id, { width: change.dimensions.width, height: change.dimensions.height });
    }
  }
  return sorted;
}

/** Selection changes of edges. */
export function edgeSelectChanges(changes: readonly EdgeChange<FlowEdge>[]): Map<string, boolean> {
  const select = new Map<string, boolean>();
  for (const change of changes) if (change.type === 'select') select.set(change.id, change.selected);
  return select;
}

/** `ids` with `changes` applied; the same set when nothing changed. */
export function applySelect(ids: ReadonlySet<string>, changes: ReadonlyMap<string, boolean>): ReadonlySet<string> {
  let next: Set<string> | null = null;
  for (const [id, selected] of changes) {
    if (ids.has(id) === selected) continue;
    next ??= new Set(ids);
    if (selected) next.add(id);
    else next.delete(id);
  }
  return next ?? ids;
}

/** `sizes` with `changes` applied; the same map when nothing changed. */
export function applySizes(
  sizes: ReadonlyMap<string, Size>,
  changes: ReadonlyMap<string, Size>,
): ReadonlyMap<string, Size> {
  let next: Map<string, Size> | null = null;
  for (const [id, size] of changes) {
    const old = sizes.get(id);
    if (old && old.width === size.width && old.height === size.height) continue;
    next ??= new Map(sizes);
    next.set(id, size);
  }
  return next ?? sizes;
}

/** `selection` with its node set replaced; the same object when nothing changed. */
export function withNodes(selection: Selection, nodes: ReadonlySet<string>): Selection {
  return nodes === selection.nodes ? selection : { ...selection, nodes };
}
