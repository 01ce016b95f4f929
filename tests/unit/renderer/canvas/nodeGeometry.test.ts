import { describe, expect, it } from 'vitest';
import { defaultNodeData, nodeKinds, type NodeKind } from '../../../../src/shared/journey';
import { estimateCard, estimateHandles, estimateSize } from '../../../../src/renderer/features/canvas/nodeGeometry';

const card = (kind: NodeKind, patch: Record<string, unknown> = {}) => ({
  kind,
  data: { ...(defaultNodeData(kind) as Record<string, unknown>), ...patch },
});

/** Measured in Chromium from the rendered cards (see canvas.css). */
describe('card geometry estimates', () => {
  it('match the rendered sizes', () => {
    expect(estimateSize(card('entry'))).toEqual({ width: 240, height: 93 });
    expect(estimateSize(card('email', { senderEmail: 'a@b.c' }))).toEqual({ width: 240, height: 107 });
    expect(estimateSize(card('condition'))).toEqual({ width: 240, height: 112 });
    expect(estimateSize(card('goal'))).toEqual({ width: 240, height: 66 });
    expect(estimateSize(card('note'))).toEqual({ width: 220, height: 80 });
  });

  it('match the rendered handle positions', () => {
    const at = (kind: NodeKind) => estimateHandles(card(kind)).map((h) => [h.id, h.x, h.y]);
    expect(at('condition')).toEqual([
      ['in', -6, 20],
      ['yes', 233, 72.5],
      ['no', 233, 91.5],
    ]);
    expect(at('entry')).toEqual([['out', 233, 72.5]]);
    expect(at('note')).toEqual([]);
  });

  it('agree with each other when made at once', () => {
    for (const kind of nodeKinds) {
      expect(estimateCard(card(kind))).toEqual({
        size: estimateSize(card(kind)),
        handles: estimateHandles(card(kind)),
      });
    }
  });
});
