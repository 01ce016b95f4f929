import { getNodesBounds, getViewportForBounds, type Viewport } from '@xyflow/react';
import type { Journey, XY } from '../../../shared/journey';
import { openingFit, zoomRange } from './constants';
import { estimateSize } from './nodeGeometry';
import type { FlowNode, Size } from './flowTypes';

/** Roughly where a new node's top-left goes so that the node's middle is at a point. */
export const newNodeOffset: XY = { x: 120, y: 50 };

const gap = 40;

function overlaps(a: XY & Size, b: XY & Size): boolean {
  return (
    a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap
  );
}

/**
 * `at`, or the first free spot to the right of it, so a new step never lands on (and
 * hides the handles of) one already there; steps added one after another line up left
 * to right, the way the flow reads.
 */
export function freeSpot(
  journey: Journey,
  at: XY,
  size: Size = estimateSize({ kind: 'email', data: {} }),
  tries = 40,
): XY {
  const boxes = journey.nodes.map((n) => ({ ...n.position, ...estimateSize(n) }));
  let spot = { x: Math.round(at.x), y: Math.round(at.y) };
  for (let i = 0; i < tries; i++) {
    const blocker = boxes.find((box) => overlaps({ ...spot, ...size }, box));
    if (!blocker) return spot;
    spot = { x: Math.round(blocker.x + blocker.width + gap * 2), y: spot.y };
  }
  return spot;
}

/**
 * Where the view opens: the whole journey, or for a big one its Entry steps (fitting
 * 2,000 steps would show unreadable dots and render every one of them).
 */
export function openingNodes(nodes: readonly FlowNode[], bigAbove: number): Array<{ id: string }> | undefined {
  if (nodes.length <= bigAbove) return undefined;
  const entries = nodes.filter((n) => n.type === 'entry' && !n.hidden).slice(0, 20);
  return (entries.length > 0 ? entries : nodes.slice(0, 1)).map((n) => ({ id: n.id }));
}

/**
 * The viewport a big journey opens at: its {@link openingNodes} fitted into a pane of
 * `pane` size, as `fitView` would fit them but from the nodes' estimated sizes, so it is
 * known before React Flow has measured (or even rendered) anything and the first frame
 * renders only the steps in that view. Undefined for a small journey (fitted whole once
 * measured) or a pane with no size.
 */
export function openingViewport(nodes: readonly FlowNode[], bigAbove: number, pane: Size): Viewport | undefined {
  const opening = openingNodes(nodes, bigAbove);
  if (!opening || pane.width <= 0 || pane.height <= 0) return undefined;
  const ids = new Set(opening.map((n) => n.id));
  const bounds = getNodesBounds(nodes.filter((n) => ids.has(n.id)));
  return getViewportForBounds(bounds, pane.width, pane.height, zoomRange.min, openingFit.maxZoom, openingFit.padding);
}
