import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultNodeData } from '../../../../src/shared/journey/kinds';
import {
  addEdge,
  addNode,
  applyLayout,
  copyFragment,
  createUndoManager,
  edgesMap,
  moveNodes,
  newId,
  nodesMap,
  pasteFragment,
  readJourney,
  removeElements,
  setPortTarget,
  updateNodeData,
} from '../../../../src/shared/journey/ydoc';
import { createJourneyReader } from '../../../../src/shared/journey/ydocReader';

const local = { editor: 'local' };

/** entry → email → goal, returning the ids. */
function chain(doc: Y.Doc) {
  const entry = addNode(doc, 'entry', { x: 0, y: 0 }, undefined, local);
  const email = addNode(doc, 'email', { x: 300, y: 0 }, undefined, local);
  const goal = addNode(doc, 'goal', { x: 600, y: 0 }, undefined, local);
  const e1 = addEdge(doc, { source: entry, sourceHandle: 'out', target: email, targetHandle: 'in' }, local);
  const e2 = addEdge(doc, { source: email, sourceHandle: null, target: goal, targetHandle: null }, local);
  return { entry, email, goal, e1, e2 };
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}

describe('ydoc layout and round trips', () => {
  it('writes nodes and edges and reads them back', () => {
    const doc = new Y.Doc();
    const { entry, email, goal, e1, e2 } = chain(doc);
    expect(e1.ok && e2.ok).toBe(true);
    const journey = readJourney(doc);
    expect(journey.nodes.map((n) => n.kind).sort()).toEqual(['email', 'entry', 'goal']);
    expect(journey.nodes.find((n) => n.id === email)).toEqual({
      id: email,
      kind: 'email',
      position: { x: 300, y: 0 },
      data: defaultNodeData('email'),
    });
    // Null handles are resolved, so the stored edge names both ports.
    expect(
      journey.edges.map(({ source, sourceHandle, target, targetHandle }) => [
        source,
        sourceHandle,
        target,
        targetHandle,
      ]),
    ).toEqual([
      [entry, 'out', email, 'in'],
      [email, 'out', goal, 'in'],
    ]);
    const raw = nodesMap(doc).get(email) as Y.Map<unknown>;
    expect(raw.get('kind')).toBe('email');
    expect(raw.get('data')).toBeInstanceOf(Y.Map);
  });

  it('makes random url-safe ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('updates data by patch and moves nodes in one transaction each', () => {
    const doc = new Y.Doc();
    const { email, goal } = chain(doc);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    updateNodeData(doc, email, { subject: 'Hello', preheader: 'Hi' }, local);
    moveNodes(
      doc,
      [
        { id: email, x: 10, y: 20 },
        { id: goal, x: Number.NaN, y: 5 },
        { id: 'missing', x: 1, y: 1 },
      ],
      local,
    );
    expect(transactions).toBe(2);
    const journey = readJourney(doc);
    const node = journey.nodes.find((n) => n.id === email)!;
    expect(node.data).toMatchObject({ subject: 'Hello', preheader: 'Hi' });
    expect(node.position).toEqual({ x: 10, y: 20 });
    expect(journey.nodes.find((n) => n.id === goal)!.position).toEqual({ x: 600, y: 0 });
    expect(updateNodeData(doc, 'missing', { label: 'x' })).toBe(false);
  });

  it('refuses invalid connections with a reason and writes nothing', () => {
    const doc = new Y.Doc();
    const { entry, email, goal } = chain(doc);
    const intoEntry = addEdge(doc, { source: email, sourceHandle: 'out', target: entry, targetHandle: null }, local);
    expect(intoEntry).toMatchObject({ ok: false, code: expect.any(String), reason: expect.stringMatching(/Entry/) });
    const fromGoal = addEdge(doc, { source: goal, sourceHandle: null, target: email, targetHandle: 'in' }, local);
    expect(fromGoal.ok).toBe(false);
    expect(readJourney(doc).edges).toHaveLength(2);
  });

  it('removing a node removes its edges', () => {
    const doc = new Y.Doc();
    const { email, entry, goal } = chain(doc);
    removeElements(doc, [email], [], local);
    const journey = readJourney(doc);
    expect(journey.nodes.map((n) => n.id).sort()).toEqual([entry, goal].sort());
    expect(journey.edges).toEqual([]);
  });

  it('removes edges by id', () => {
    const doc = new Y.Doc();
    const { e1 } = chain(doc);
    removeElements(doc, [], [e1.ok ? e1.id! : ''], local);
    expect(readJourney(doc).edges).toHaveLength(1);
  });

  it('removing an A/B variant or cohort removes the edges from its output', () => {
    const doc = new Y.Doc();
    const split = addNode(doc, 'abSplit', { x: 0, y: 0 }, undefined, local);
    const a = addNode(doc, 'email', { x: 300, y: 0 }, undefined, local);
    const b = addNode(doc, 'email', { x: 300, y: 200 }, undefined, local);
    addEdge(doc, { source: split, sourceHandle: 'a', target: a, targetHandle: 'in' }, local);
    addEdge(doc, { source: split, sourceHandle: 'b', target: b, targetHandle: 'in' }, local);
    const data = defaultNodeData('abSplit');
    updateNodeData(doc, split, { variants: [data.variants[0]], controlPercent: 55 }, local);
    expect(readJourney(doc).edges.map((e) => e.sourceHandle)).toEqual(['a']);

    const cohort = addNode(doc, 'randomCohort', { x: 0, y: 400 }, undefined, local);
    addEdge(doc, { source: cohort, sourceHandle: 'c2', target: b, targetHandle: 'in' }, local);
    const cohorts = defaultNodeData('randomCohort').cohorts;
    updateNodeData(doc, cohort, { cohorts: [cohorts[0], { id: 'c3', name: 'Cohort 3', percent: 50 }] }, local);
    expect(readJourney(doc).edges.filter((e) => e.source === cohort)).toEqual([]);
  });

  it('points an output at another step, replacing its edge, under the same rules', () => {
    const doc = new Y.Doc();
    const { entry, email, goal } = chain(doc);
    const other = addNode(doc, 'delay', { x: 0, y: 300 }, undefined, local);
    expect(setPortTarget(doc, { source: entry, sourceHandle: 'out' }, other, local).ok).toBe(true);
    let edges = readJourney(doc).edges.filter((e) => e.source === entry);
    expect(edges.map((e) => e.target)).toEqual([other]);
    const refused = setPortTarget(doc, { source: email, sourceHandle: 'out' }, entry, local);
    expect(refused.ok).toBe(false);
    expect(readJourney(doc).edges.find((e) => e.source === email)?.target).toBe(goal);
    setPortTarget(doc, { source: entry, sourceHandle: 'out' }, null, local);
    edges = readJourney(doc).edges.filter((e) => e.source === entry);
    expect(edges).toEqual([]);
  });

  it('copies and pastes a fragment with fresh ids, remapped edges and an offset', () => {
    const doc = new Y.Doc();
    const { entry, email, goal } = chain(doc);
    updateNodeData(doc, email, { subject: 'Copied' }, local);
    const fragment = JSON.parse(JSON.stringify(copyFragment(doc, [email, goal, 'missing'])));
    expect(fragment.nodes).toHaveLength(2);
    expect(fragment.edges).toHaveLength(1);
    const pasted = pasteFragment(doc, fragment, { x: 40, y: 40 }, local);
    expect(pasted.nodeIds).toHaveLength(2);
    expect(pasted.edgeIds).toHaveLength(1);
    for (const id of pasted.nodeIds) expect([entry, email, goal]).not.toContain(id);
    const journey = readJourney(doc);
    const copy = journey.nodes.find((n) => n.id === pasted.nodeIds[0])!;
    expect(copy.position).toEqual({ x: 340, y: 40 });
    expect(copy.data.subject).toBe('Copied');
    const edge = journey.edges.find((e) => e.id === pasted.edgeIds[0])!;
    expect([edge.source, edge.target]).toEqual(pasted.nodeIds);
  });

  it('keeps fields this version does not know through a copy and paste', () => {
    const doc = new Y.Doc();
    const { email } = chain(doc);
    updateNodeData(doc, email, { bodyRef: { id: 'body-1', version: 3 } }, local);
    expect(readJourney(doc).nodes.find((n) => n.id === email)).not.toHaveProperty('problem');
    const pasted = pasteFragment(doc, copyFragment(doc, [email]), { x: 0, y: 0 }, local);
    const copy = readJourney(doc).nodes.find((n) => n.id === pasted.nodeIds[0])!;
    expect(copy.data.bodyRef).toEqual({ id: 'body-1', version: 3 });
  });

  it('pastes nothing from something that is not a fragment', () => {
    const doc = new Y.Doc();
    for (const junk of [
      null,
      'text',
      { format: 'other' },
      { format: 'maily.journey-fragment', version: 1, nodes: 'x', edges: [] },
    ]) {
      expect(pasteFragment(doc, junk, { x: 0, y: 0 })).toEqual({ nodeIds: [], edgeIds: [] });
    }
    const odd = {
      format: 'maily.journey-fragment',
      version: 1,
      nodes: [{ id: 'a', kind: 'teleport', position: { x: 0, y: 0 }, data: {} }],
      edges: [],
    };
    expect(pasteFragment(doc, odd, { x: 0, y: 0 }).nodeIds).toEqual([]);
    expect(nodesMap(doc).size).toBe(0);
  });

  it('applies a layout in one transaction', () => {
    const doc = new Y.Doc();
    const { entry, email, goal } = chain(doc);
    const undo = createUndoManager(doc, local);
    undo.stopCapturing();
    applyLayout(
      doc,
      [
        { id: entry, x: 1, y: 1 },
        { id: email, x: 2, y: 2 },
        { id: goal, x: 3, y: 3 },
      ],
      local,
    );
    expect(
      readJourney(doc)
        .nodes.map((n) => n.position.x)
        .sort(),
    ).toEqual([1, 2, 3]);
    undo.undo();
    expect(
      readJourney(doc)
        .nodes.map((n) => n.position.x)
        .sort((a, b) => a - b),
    ).toEqual([0, 300, 600]);
  });
});

describe('reading hostile documents', () => {
  it('skips unknown kinds and junk, flags damaged data, zeroes bad positions', () => {
    const doc = new Y.Doc();
    const nodes = nodesMap(doc);
    const edges = edgesMap(doc);
    doc.transact(() => {
      nodes.set('junk-string', 'not a node');
      nodes.set('junk-number', 42);
      nodes.set('junk-array', new Y.Array());
      const unknown = new Y.Map<unknown>();
      nodes.set('unknown', unknown);
      unknown.set('kind', 'teleport');
      const damaged = new Y.Map<unknown>();
      nodes.set('damaged', damaged);
      damaged.set('kind', 'email');
      damaged.set('x', Number.POSITIVE_INFINITY);
      damaged.set('y', 'twelve');
      const data = new Y.Map<unknown>();
      damaged.set('data', data);
      data.set('label', 42);
      data.set('__proto__', { subject: 'polluted' });
      const noData = new Y.Map<unknown>();
      nodes.set('no-data', noData);
      noData.set('kind', 'delay');
      noData.set('data', 'nope');
      edges.set('bad-edge', 'nope');
      const half = new Y.Map<unknown>();
      edges.set('half-edge', half);
      half.set('source', 'damaged');
      half.set('target', 7);
    });
    const journey = readJourney(doc);
    expect(journey.nodes.map((n) => n.id).sort()).toEqual(['damaged', 'no-data']);
    const damaged = journey.nodes.find((n) => n.id === 'damaged')!;
    expect(damaged.position).toEqual({ x: 0, y: 0 });
    expect(damaged.problem).toMatch(/label/);
    expect(Object.getPrototypeOf(damaged.data)).toBe(Object.prototype);
    expect(journey.nodes.find((n) => n.id === 'no-data')!.problem).toBeTruthy();
    expect(journey.edges).toEqual([]);
  });

  it('keeps edges whose node is gone, so validation can report them', () => {
    const doc = new Y.Doc();
    const { email } = chain(doc);
    nodesMap(doc).delete(email);
    expect(readJourney(doc).edges).toHaveLength(2);
  });

  it('survives random garbage written into the maps', () => {
    const doc = new Y.Doc();
    const values: unknown[] = [null, 1, 'x', true, [1, 2], { a: 1 }, new Uint8Array([1]), -0, 1e308];
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < 300; i++) {
      doc.transact(() => {
        const entry = new Y.Map<unknown>();
        (rand(2) ? nodesMap(doc) : edgesMap(doc)).set(`k${rand(40)}`, rand(3) ? entry : values[rand(values.length)]);
        for (const key of ['kind', 'x', 'y', 'data', 'source', 'target', 'sourceHandle', 'targetHandle']) {
          if (rand(2)) entry.set(key, rand(4) ? values[rand(values.length)] : key === 'kind' ? 'email' : 'k1');
        }
      });
      expect(() => readJourney(doc)).not.toThrow();
    }
  });
});

describe('cached reader', () => {
  it('keeps unchanged nodes identical and notifies once per transaction', () => {
    const doc = new Y.Doc();
    const { entry, email } = chain(doc);
    const reader = createJourneyReader(doc);
    const first = reader.read();
    expect(reader.read()).toBe(first);
    let calls = 0;
    const off = reader.subscribe(() => calls++);
    updateNodeData(doc, email, { subject: 'New' }, local);
    expect(calls).toBe(1);
    const second = reader.read();
    expect(second).not.toBe(first);
    expect(second.nodes.find((n) => n.id === entry)).toBe(first.nodes.find((n) => n.id === entry));
    expect(second.nodes.find((n) => n.id === email)!.data.subject).toBe('New');
    // Only nodes changed, so the edge list is the very same array.
    expect(second.edges).toBe(first.edges);
    removeElements(doc, [email], [], local);
    expect(calls).toBe(2);
    expect(reader.read()).toEqual(readJourney(doc));
    off();
    reader.dispose();
  });

  it('agrees with a full read after many random edits', () => {
    const doc = new Y.Doc();
    const reader = createJourneyReader(doc);
    const ids: string[] = [];
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < 200; i++) {
      const op = rand(4);
      if (op === 0 || ids.length < 2) ids.push(addNode(doc, 'delay', { x: i, y: i }));
      else if (op === 1) moveNodes(doc, [{ id: ids[rand(ids.length)], x: i, y: -i }]);
      else if (op === 2)
        addEdge(doc, {
          source: ids[rand(ids.length)],
          sourceHandle: 'out',
          target: ids[rand(ids.length)],
          targetHandle: 'in',
        });
      else if (op === 3 && i % 7 === 0) {
        // A peer writes garbage into an existing node.
        const raw = nodesMap(doc).get(ids[rand(ids.length)]) as Y.Map<unknown>;
        doc.transact(
          () => (rand(2) ? raw.set('kind', 'teleport') : (raw.get('data') as Y.Map<unknown>).set('wait', 'soon')),
          'remote',
        );
      } else removeElements(doc, [ids.splice(rand(ids.length), 1)[0]], []);
      expect(reader.read()).toEqual(readJourney(doc));
    }
    reader.dispose();
  });
});

describe('collaboration', () => {
  it('two docs exchanging updates converge', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const { email } = chain(a);
    sync(a, b);
    addNode(b, 'note', { x: 5, y: 5 }, undefined, local);
    updateNodeData(a, email, { subject: 'From A' }, local);
    moveNodes(b, [{ id: email, x: 99, y: 98 }], local);
    removeElements(
      a,
      [],
      readJourney(a)
        .edges.map((e) => e.id)
        .slice(0, 1),
      local,
    );
    sync(a, b);
    const ja = readJourney(a);
    expect(readJourney(b)).toEqual(ja);
    expect(ja.nodes).toHaveLength(4);
    expect(ja.edges).toHaveLength(1);
    const merged = ja.nodes.find((n) => n.id === email)!;
    expect(merged.data.subject).toBe('From A');
    expect(merged.position).toEqual({ x: 99, y: 98 });
  });

  it('undo manager undoes only local changes, never remote ones', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const undo = createUndoManager(a, local);
    const mine = addNode(a, 'email', { x: 0, y: 0 }, undefined, local);
    sync(a, b);
    undo.stopCapturing();
    const theirs = addNode(b, 'delay', { x: 0, y: 0 }, undefined, { editor: 'b' });
    updateNodeData(b, mine, { subject: 'Remote subject' }, { editor: 'b' });
    sync(a, b);
    undo.stopCapturing();
    updateNodeData(a, mine, { label: 'Local label' }, local);
    undo.undo();
    let node = readJourney(a).nodes.find((n) => n.id === mine)!;
    expect(node.data.label).toBe('Email');
    expect(node.data.subject).toBe('Remote subject');
    expect(readJourney(a).nodes.some((n) => n.id === theirs)).toBe(true);
    undo.redo();
    node = readJourney(a).nodes.find((n) => n.id === mine)!;
    expect(node.data.label).toBe('Local label');
    undo.undo();
    undo.undo();
    // The local add is undone; the remote node stays.
    expect(readJourney(a).nodes.map((n) => n.id)).toEqual([theirs]);
    expect(undo.canUndo()).toBe(false);
    undo.destroy();
  });

  it('groups quick edits into one undo step', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc, local, 10_000);
    const id = addNode(doc, 'email', { x: 0, y: 0 }, undefined, local);
    undo.stopCapturing();
    for (const subject of ['H', 'He', 'Hel', 'Hell', 'Hello']) updateNodeData(doc, id, { subject }, local);
    undo.undo();
    expect(readJourney(doc).nodes[0].data.subject).toBe('');
    undo.destroy();
  });
});
