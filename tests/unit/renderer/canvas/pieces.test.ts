import { describe, expect, it } from 'vitest';
import { defaultNodeData, nodeKinds, type JourneyNode, type Problem } from '../../../../src/shared/journey';
import type { FlowNode } from '../../../../src/renderer/features/canvas/flowTypes';
import { defaultLayers, hiddenBy, initialVisibility } from '../../../../src/renderer/features/canvas/layers';
import { portShare, summarise } from '../../../../src/renderer/features/canvas/nodeSummary';
import { freeSpot, openingNodes, openingViewport } from '../../../../src/renderer/features/canvas/placement';
import { estimateSize } from '../../../../src/renderer/features/canvas/nodeGeometry';
import { markProblems } from '../../../../src/renderer/features/canvas/problemMarks';

function node(
  kind: JourneyNode['kind'],
  data: Record<string, unknown> = defaultNodeData(kind) as Record<string, unknown>,
): JourneyNode {
  return { id: kind, kind, position: { x: 0, y: 0 }, data };
}

describe('node summaries', () => {
  it('say what each kind does', () => {
    expect(summarise(node('delay'))).toEqual(['Wait 1 days']);
    expect(summarise(node('email', { ...defaultNodeData('email'), subject: 'Hi' }))[0]).toBe('Subject: Hi');
    expect(summarise(node('abSplit'))[0]).toBe('2 paths + control 10%');
    expect(portShare(node('abSplit'), 'control')).toBe('10%');
    expect(portShare(node('randomCohort'), 'c2')).toBe('50%');
    expect(portShare(node('email'), 'out')).toBe('');
  });

  it('never throw on damaged data', () => {
    for (const kind of nodeKinds) {
      for (const data of [{}, { trigger: 5, wait: [], variants: 'x', cohorts: [null], text: 3 }]) {
        expect(() => summarise(node(kind, data))).not.toThrow();
      }
    }
  });
});

describe('problem marks', () => {
  it('keep the worst severity and the count per node, and the edges named', () => {
    const problems: Problem[] = [
      { id: '1', code: 'unreachable', severity: 'warning', message: '', nodeIds: ['a'] },
      { id: '2', code: 'deadEnd', severity: 'error', message: '', nodeIds: ['a', 'b'] },
      { id: '3', code: 'danglingEdge', severity: 'warning', message: '', nodeIds: ['b'], edgeIds: ['e'] },
    ];
    const marks = markProblems(problems);
    expect(marks.marks.get('a')).toEqual({ severity: 'error', count: 2 });
    expect(marks.marks.get('b')).toEqual({ severity: 'error', count: 2 });
    expect([...marks.markedEdges]).toEqual(['e']);
    expect([marks.errors, marks.warnings]).toEqual([1, 2]);
  });
});

describe('layers', () => {
  it('hide the nodes a switched-off layer owns', () => {
    const visible = initialVisibility(defaultLayers);
    expect(visible).toEqual({ design: true, notes: true });
    const hidden = hiddenBy(defaultLayers, { ...visible, notes: false });
    expect(hidden(node('note'))).toBe(true);
    expect(hidden(node('email'))).toBe(false);
    expect(hiddenBy(defaultLayers, { design: false, notes: true })(node('email'))).toBe(true);
  });
});

describe('placement', () => {
  it('does not drop a node on another: it goes to the right of it', () => {
    const journey = { nodes: [{ ...node('email'), position: { x: 100, y: 100 } }], edges: [] };
    const size = { width: 240, height: 106 };
    expect(freeSpot(journey, { x: 150.4, y: 129.6 }, size)).toEqual({ x: 100 + 240 + 80, y: 130 });
    expect(freeSpot(journey, { x: 100, y: 400 }, size)).toEqual({ x: 100, y: 400 });
    const row = { nodes: [journey.nodes[0], { ...node('delay'), position: { x: 420, y: 100 } }], edges: [] };
    expect(freeSpot(row, { x: 100, y: 100 }, size).x).toBe(420 + 240 + 80);
  });

  it('opens big journeys on their entries', () => {
    const flow = (type: string, id: string) =>
      ({ id, type, position: { x: 0, y: 0 }, data: {} }) as unknown as FlowNode;
    const small = [flow('entry', 'e'), flow('email', 'm')];
    expect(openingNodes(small, 10)).toBeUndefined();
    const big = [
      flow('email', 'm'),
      ...Array.from({ length: 20 }, (_, i) => flow('delay', `d${i}`)),
      flow('entry', 'e'),
    ];
    expect(openingNodes(big, 10)).toEqual([{ id: 'e' }]);
    expect(
      openingNodes(
        big.filter((n) => n.type !== 'entry'),
        10,
      ),
    ).toEqual([{ id: 'm' }]);
  });

  it('knows the view a big journey opens at before anything is measured', () => {
    const at = (id: string, kind: JourneyNode['kind'], x: number, y: number) =>
      ({
        id,
        type: kind,
        position: { x, y },
        data: {},
        initialWidth: estimateSize(node(kind)).width,
        initialHeight: estimateSize(node(kind)).height,
      }) as unknown as FlowNode;
    const pane = { width: 1000, height: 800 };
    const big = [at('e', 'entry', 100, 50), ...Array.from({ length: 20 }, (_, i) => at(`d${i}`, 'delay', i * 300, 0))];
    // Its entry centred, at most at 100 %, as fitView({ nodes: entries, padding: 0.2, maxZoom: 1 }) would.
    const entry = estimateSize(node('entry'));
    expect(openingViewport(big, 10, pane)).toEqual({
      x: pane.width / 2 - (100 + entry.width / 2),
      y: pane.height / 2 - (50 + entry.height / 2),
      zoom: 1,
    });
    // Small journeys are fitted whole once measured; a pane without a size cannot be fitted.
    expect(openingViewport(big, 100, pane)).toBeUndefined();
    expect(openingViewport(big, 10, { width: 0, height: 800 })).toBeUndefined();
  });
});
