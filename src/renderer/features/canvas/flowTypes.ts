import type { Edge, Node } from '@xyflow/react';
import type { JourneyNode, NodeKind, Severity } from '../../../shared/journey';

/**
 * What the canvas hands React Flow. Node data is plain (no callbacks): everything a
 * node view needs is the journey node itself (what validation found comes from
 * `ProblemMarksContext`).
 */
export type FlowNodeData = {
  node: JourneyNode;
};

/** One React Flow node type per journey kind: a typed union over {@link NodeKind}. */
export type FlowNode = { [K in NodeKind]: Node<FlowNodeData, K> }[NodeKind];

export type FlowEdge = Edge;

/** Width and height as React Flow measured them. */
export interface Size {
  width: number;
  height: number;
}

/** Which nodes and edges are selected: local to this editor, never in the doc. */
export interface Selection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export const emptySelection: Selection = { nodes: new Set(), edges: new Set() };

/** Validation's verdict per node, for highlighting. */
export interface NodeMark {
  severity: Severity;
  count: number;
}
