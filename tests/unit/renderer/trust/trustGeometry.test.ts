import { describe, expect, it } from 'vitest';
import type { NodeBox } from '../../../../src/renderer/features/canvas/ai/aiGeometry';
import { withTrust, trustLayer, defaultLayers } from '../../../../src/renderer/features/canvas/layers';
import { badgeScale, placeTrustBadges } from '../../../../src/renderer/features/canvas/trust/trustGeometry';
import type { TrustBadgeView } from '../../../../src/shared/trust/canvasTrust';

const box = (id: string, kind: string, patch: Partial<NodeBox> = {}): NodeBox => ({
  id,
  kind,
  hidden: false,
  x: 100,
  y: 50,
  width: 240,
  height: 120,
  ...patch,
});

const verified: TrustBadgeView = { tone: 'verified', text: 'Verified · Ana', description: 'Verified: signed by Ana' };

describe('the Trust layer', () => {
  it('places a badge at the bottom-left of each visible Email step that has one', () => {
    const badges = new Map([
      ['e1', verified],
      ['e2', verified],
      ['d1', verified],
    ]);
    const placed = placeTrustBadges(badges, [
      box('e1', 'email'),
      box('e2', 'email', { hidden: true }),
      box('e3', 'email'),
      box('d1', 'delay'),
    ]);
    expect(placed).toEqual([{ nodeId: 'e1', x: 108, y: 170, badge: verified }]);
  });

  it('grows badges when zoomed out, up to 1.6×, and never shrinks them', () => {
    expect(badgeScale(2)).toBe(1);
    expect(badgeScale(0.8)).toBe(1.25);
    expect(badgeScale(0.2)).toBe(1.6);
    expect(badgeScale(0)).toBe(1);
  });

  it('is added once to the layers bar', () => {
    const once = withTrust(defaultLayers);
    expect(once.at(-1)).toBe(trustLayer);
    expect(withTrust(once)).toBe(once);
  });
});
