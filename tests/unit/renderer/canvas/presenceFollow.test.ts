import { describe, expect, it } from 'vitest';
import { createPresencePair } from '../../../../src/shared/collab/memoryPresence';
import {
  followTarget,
  stopFollowingOnMove,
  stopsFollowing,
} from '../../../../src/renderer/features/canvas/presence/followTarget';
import {
  collaborationLayer,
  defaultLayers,
  hiddenBy,
  withCollaboration,
} from '../../../../src/renderer/features/canvas/layers';

describe('following a teammate', () => {
  it('finds the followed teammate, or nobody once they left', () => {
    const [alex, sam] = createPresencePair();
    sam.setLocal({ viewport: { x: 1, y: 2, zoom: 1 } });
    expect(followTarget(alex.remote(), null)).toBeNull();
    expect(followTarget(alex.remote(), sam.clientId)).toMatchObject({ user: { name: 'Sam' }, viewport: { x: 1 } });
    sam.leave();
    expect(followTarget(alex.remote(), sam.clientId)).toBeNull();
  });

  it('stops on a move the designer made, not on a programmatic one', () => {
    const [alex, sam] = createPresencePair();
    const onMoveStart = stopFollowingOnMove(alex);
    alex.follow(sam.clientId);
    onMoveStart(null);
    expect(alex.following()).toBe(sam.clientId);
    onMoveStart(new Event('wheel') as unknown as MouseEvent);
    expect(alex.following()).toBeNull();
  });

  it('does nothing on a move while not following', () => {
    let calls = 0;
    const onMoveStart = stopFollowingOnMove({ following: () => null, follow: () => void calls++ });
    onMoveStart(new Event('pointerdown') as unknown as MouseEvent);
    expect(calls).toBe(0);
  });

  it('stops on Esc, unless the key belongs to a dialog', () => {
    expect(stopsFollowing('Escape', false)).toBe(true);
    expect(stopsFollowing('Escape', true)).toBe(false);
    expect(stopsFollowing('a', false)).toBe(false);
  });
});

describe('the Collaboration layer', () => {
  it('is added once, at the end, on by default, owning no nodes', () => {
    const layers = withCollaboration(defaultLayers);
    expect(layers.map((l) => l.id)).toEqual(['design', 'notes', 'collaboration']);
    expect(withCollaboration(layers)).toBe(layers);
    expect(collaborationLayer.visibleByDefault).toBe(true);
    const isHidden = hiddenBy(layers, { design: true, notes: true, collaboration: false });
    expect(isHidden({ id: 'n', kind: 'note' } as never)).toBe(false);
  });
});
