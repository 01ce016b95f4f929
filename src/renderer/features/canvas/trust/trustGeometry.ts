import type { TrustBadgeView } from '../../../../shared/trust/canvasTrust';
import type { NodeBox } from '../ai/aiGeometry';

/** One badge placed on the canvas: at the bottom-left corner of its Email step, in flow coordinates. */
export interface PlacedTrustBadge {
  nodeId: string;
  x: number;
  y: number;
  badge: TrustBadgeView;
}

/**
 * Where the Trust layer draws: a badge for each Email step that has one and is not
 * hidden by a layer. Pure, so it is tested without a canvas.
 */
export function placeTrustBadges(
  badges: ReadonlyMap<string, TrustBadgeView>,
  boxes: readonly NodeBox[],
): PlacedTrustBadge[] {
  const placed: PlacedTrustBadge[] = [];
  for (const box of boxes) {
    if (box.hidden || box.kind !== 'email') continue;
    const badge = badges.get(box.id);
    if (badge) placed.push({ nodeId: box.id, x: box.x + 8, y: box.y + box.height, badge });
  }
  return placed;
}

/** Zoomed out, a badge grows up to 1.6× (in flow units) so it stays readable without covering the next step. */
export function badgeScale(zoom: number): number {
  return zoom > 0 ? Math.min(1.6, Math.max(1, 1 / zoom)) : 1;
}
