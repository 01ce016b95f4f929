import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffDocs } from '../../../../src/shared/collab/versionDiff';
import { defaultBlock, emailsMap, insertBlock, removeBlock, updateBlock } from '../../../../src/shared/email/emailDoc';
import {
  addEdge,
  addNode,
  moveNodes,
  nodesMap,
  removeElements,
  updateNodeData,
} from '../../../../src/shared/journey/ydoc';
import { addSampleContact } from '../../../../src/shared/simulator/contactsDoc';

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Entry → Welcome email, with a one-heading body. */
function journey() {
  const doc = new Y.Doc();
  const entry = addNode(
    doc,
    'entry',
    { x: 0, y: 0 },
    { label: 'Signed up', trigger: { type: 'segment', segment: '', reentry: false } },
  );
  const email = addNode(doc, 'email', { x: 300, y: 0 });
  updateNodeData(doc, email, { label: 'Welcome', subject: 'Hello' });
  const edge = addEdge(doc, { source: entry, sourceHandle: 'out', target: email, targetHandle: 'in' });
  if (!edge.ok || !edge.id) throw new Error('edge refused');
  const heading = insertBlock(doc, email, 0, 'heading');
  if (!heading) throw new Error('block refused');
  return { doc, entry, email, edge: edge.id, heading };
}

describe('diffDocs', () => {
  it('finds nothing between a document and its copy', () => {
    const { doc } = journey();
    const diff = diffDocs(doc, copyOf(doc), { from: 'v1', to: 'current' });
    expect(diff).toMatchObject({ from: 'v1', to: 'current', same: true, emails: [] });
    expect(diff.nodes).toEqual({ added: [], removed: [], changed: [] });
  });

  it('lists nodes added, removed and changed, by label or kind, with each field before and after', () => {
    const { doc, entry, email } = journey();
    const after = copyOf(doc);
    const delay = addNode(after, 'delay', { x: 600, y: 0 });
    moveNodes(after, [{ id: email, x: 320, y: 40 }]);
    updateNodeData(after, email, { label: 'Welcome!' });
    removeElements(after, [entry], []);
    const diff = diffDocs(doc, after);
    expect(diff.same).toBe(false);
    expect(diff.nodes.added).toEqual([{ id: delay, label: 'Delay', kind: 'delay' }]);
    expect(diff.nodes.removed).toEqual([{ id: entry, label: 'Signed up', kind: 'entry' }]);
    expect(diff.nodes.changed).toEqual([
      {
        id: email,
        label: 'Welcome!',
        kind: 'email',
        changes: [
          { field: 'position x', before: 300, after: 320 },
          { field: 'position y', before: 0, after: 40 },
          { field: 'label', before: 'Welcome', after: 'Welcome!' },
        ],
      },
    ]);
  });

  it('names edges after the steps they join', () => {
    const { doc, edge } = journey();
    const after = copyOf(doc);
    removeElements(after, [], [edge]);
    const diff = diffDocs(doc, after);
    expect(diff.edges.removed).toEqual([{ id: edge, label: 'Signed up → Welcome', kind: 'edge' }]);
    expect(diffDocs(after, doc).edges.added).toEqual([{ id: edge, label: 'Signed up → Welcome', kind: 'edge' }]);
  });

  it('reports message fields and body blocks of an email', () => {
    const { doc, email, heading } = journey();
    const after = copyOf(doc);
    updateNodeData(after, email, { subject: 'Hi there', preheader: 'Read me' });
    updateBlock(after, email, heading, { text: 'New heading' });
    insertBlock(after, email, 1, 'button');
    insertBlock(after, email, 2, defaultBlock('columns'));
    const diff = diffDocs(doc, after);
    expect(diff.emails).toEqual([
      {
        emailId: email,
        label: 'Welcome',
        fields: [
          { field: 'subject', before: 'Hello', after: 'Hi there' },
          { field: 'preheader', before: '', after: 'Read me' },
        ],
        blocksAdded: 4, // a button, a row and the row's two text blocks
        blocksRemoved: 0,
        blocksChanged: 1,
      },
    ]);
    removeBlock(after, email, heading);
    expect(diffDocs(doc, after).emails[0]).toMatchObject({ blocksRemoved: 1, blocksChanged: 0 });
  });

  it('counts reordered blocks as changed', () => {
    const { doc, email } = journey();
    insertBlock(doc, email, 1, 'divider');
    const after = copyOf(doc);
    const blocks = (emailsMap(after).get(email) as Y.Map<unknown>).get('blocks') as Y.Array<Y.Map<unknown>>;
    after.transact(() => {
      const first = blocks.get(0).clone();
      blocks.delete(0, 1);
      blocks.push([first]);
    });
    const diff = diffDocs(doc, after);
    expect(diff.same).toBe(false);
    expect(diff.emails[0].blocksChanged).toBeGreaterThan(0);
  });

  it('reports sample contacts by name', () => {
    const { doc } = journey();
    const after = copyOf(doc);
    const added = addSampleContact(after, { name: 'Ada', attributes: {}, events: [] });
    if (!added.ok) throw new Error(added.problem);
    expect(diffDocs(doc, after).contacts?.added).toEqual([{ id: added.id, label: 'Ada', kind: 'contact' }]);
    expect(diffDocs(doc, after).same).toBe(false);
  });

  it('skips what is not a node instead of trusting the document', () => {
    const { doc } = journey();
    const after = copyOf(doc);
    after.transact(() => {
      nodesMap(after).set('junk', 'not a node');
      const weird = new Y.Map<unknown>();
      weird.set('kind', 'rocket');
      nodesMap(after).set('weird', weird);
      emailsMap(after).set('orphan', 42);
    });
    expect(() => diffDocs(doc, after)).not.toThrow();
    expect(diffDocs(doc, after).same).toBe(true);
  });
});
