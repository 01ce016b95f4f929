import type { NodeKind } from './kinds';

/** A point on the canvas, in flow coordinates. */
export interface XY {
  x: number;
  y: number;
}

/**
 * One node of a journey as read from the campaign's Y.Doc. `data` is whatever the
 * document holds; `problem` is set when it does not match the kind's schema (a damaged
 * or foreign update), so the UI can show it instead of crashing.
 */
export interface JourneyNode {
  id: string;
  kind: NodeKind;
  position: XY;
  data: Record<string, unknown>;
  problem?: string;
}

/** A connection from an output port of one node to an input port of another. */
export interface JourneyEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  targetHandle: string;
}

/** The plain-data view of a journey that rules, validation and the simulator work on. */
export interface Journey {
  nodes: JourneyNode[];
  edges: JourneyEdge[];
}
