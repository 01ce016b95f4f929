import type { Journey, XY } from '../../../shared/journey';

/** Roughly where a new node's top-left goes so that the node's middle is at a point. */
export const newNodeOffset: XY = { x: 120, y: 50 };

/**
 * `at`, or a spot a little down and right of it when a node already sits there, so
 * adding the same step twice does not hide the first one under the second.
 */
export function freeSpot(journey: Journey, at: XY, step = 32, tries = 50): XY {
  const taken = (p: XY) => journey.nodes.some((n) => Math.abs(n.position.x - p.x) < 8 && Math.abs(n.position.y - p.y) < 8);
  let spot = { x: Math.round(at.x), y: Math.round(at.y) };
  for (let i = 0; i < tries && taken(spot); i++) spot = { x: spot.x + step, y: spot.y + step };
  return spot;
}
