import { describe, expect, it } from 'vitest';
import {
  NODE_HEIGHT,
  NODE_WIDTH,
  edgeLabel,
  layoutMesh,
  localNode,
  meshNodes,
  ringRadius,
} from '../../../../src/renderer/features/mesh/meshGraph';
import type { ExternalNodeView, MeshNodeView, MeshStatus } from '../../../../src/shared/mesh/mesh';
import { isMeshShortcut } from '../../../../src/renderer/features/mesh/meshShortcut';

const node = (id: string, kind: MeshNodeView['kind'], extra: Partial<MeshNodeView> = {}): MeshNodeView => ({
  ...localNode(null),
  id,
  name: id,
  kind,
  ...extra,
});
const external = (id: string, extra: Partial<ExternalNodeView> = {}): ExternalNodeView => ({
  id,
  name: `Server ${id}`,
  baseUrl: 'http://127.0.0.1:1/v1',
  model: 'm',
  contextSize: 4096,
  concurrency: 2,
  share: true,
  hasApiKey: false,
  state: 'ready',
  error: null,
  ...extra,
});
const centreOf = (p: { x: number; y: number }) => ({ x: p.x + NODE_WIDTH / 2, y: p.y + NODE_HEIGHT / 2 });

describe('layoutMesh', () => {
  it('puts this device in the centre and the others on a circle around it, peers first', () => {
    const nodes = [node('ext-b', 'external'), node('local', 'local'), node('peer-a', 'peer'), node('peer-c', 'peer')];
    const placed = layoutMesh(nodes);
    expect(placed.map((p) => p.node.id)).toEqual(['local', 'peer-a', 'peer-c', 'ext-b']);
    expect(centreOf(placed[0])).toEqual({ x: 0, y: 0 });
    const radius = ringRadius(3);
    for (const p of placed.slice(1)) expect(Math.hypot(centreOf(p).x, centreOf(p).y)).toBeCloseTo(radius, -1);
    expect(centreOf(placed[1]).y).toBeLessThan(0); // the first one at the top
  });

  it('never lets neighbouring cards overlap, however many nodes there are', () => {
    for (const count of [1, 2, 5, 12, 30]) {
      const nodes = [node('local', 'local'), ...Array.from({ length: count }, (_, i) => node(`p${i}`, 'peer'))];
      const around = layoutMesh(nodes).slice(1);
      for (let i = 0; i < around.length; i++) {
        const a = around[i];
        const b = around[(i + 1) % around.length];
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT;
        expect(apart, `${count} nodes: ${a.node.id} and ${b.node.id}`).toBe(true);
      }
    }
  });
});

describe('meshNodes', () => {
  it('adds this device and the external servers the mesh does not list yet', () => {
    const nodes = meshNodes(null, [external('x1', { state: 'error', error: 'down' })], null);
    expect(nodes.map((n) => [n.id, n.kind, n.state])).toEqual([
      ['local', 'local', 'connecting'],
      ['ext-x1', 'external', 'error'],
    ]);
    expect(nodes[1].error).toBe('down');
  });

  it('uses the mesh’s own view of a node it lists', () => {
    const status: MeshStatus = {
      state: 'running',
      teamId: 'team-1234',
      peerId: 'p',
      listen: [],
      error: null,
      nodes: [node('local', 'local'), node('ext-x1', 'external', { jobsServed: 9 })],
    };
    const nodes = meshNodes(status, [external('x1')], null);
    expect(nodes).toHaveLength(2);
    expect(nodes[1].jobsServed).toBe(9);
  });
});

describe('edgeLabel', () => {
  it('shows the round trip, or why there is none', () => {
    expect(edgeLabel(node('a', 'peer', { roundTripMs: 0.34 }))).toBe('0.3 ms');
    expect(edgeLabel(node('a', 'peer', { roundTripMs: 41.6 }))).toBe('42 ms');
    expect(edgeLabel(node('a', 'peer', { roundTripMs: null }))).toBe('round trip unknown');
    expect(edgeLabel(node('a', 'peer', { state: 'unreachable', roundTripMs: 3 }))).toBe('not reachable');
  });
});

describe('isMeshShortcut', () => {
  const press = (extra: Partial<KeyboardEvent>) =>
    ({
      key: 'm',
      code: 'KeyM',
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      ...extra,
    }) as KeyboardEvent;
  it('takes Ctrl+Alt+M and ⌘⌥M (whatever key ⌥ makes), nothing else', () => {
    expect(isMeshShortcut(press({ ctrlKey: true, altKey: true }))).toBe(true);
    expect(isMeshShortcut(press({ metaKey: true, altKey: true, key: 'µ' }))).toBe(true);
    expect(isMeshShortcut(press({ ctrlKey: true }))).toBe(false);
    expect(isMeshShortcut(press({ ctrlKey: true, altKey: true, shiftKey: true }))).toBe(false);
    expect(isMeshShortcut(press({ ctrlKey: true, altKey: true, key: 'n', code: 'KeyN' }))).toBe(false);
  });
});
