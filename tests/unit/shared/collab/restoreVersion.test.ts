import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { restoreVersion, RESTORED_KEYS } from '../../../../src/shared/collab/restoreVersion';
import { diffDocs } from '../../../../src/shared/collab/versionDiff';
import { getBlockText, insertBlock, readEmail, removeBlock, updateBlock } from '../../../../src/shared/email/emailDoc';
import {
  addNode,
  createUndoManager,
  moveNodes,
  readJourney,
  removeElements,
  updateNodeData,
} from '../../../../src/shared/journey/ydoc';
import { addSampleContact } from '../../../../src/shared/simulator/contactsDoc';
import { seededRandom } from '../../../../src/shared/simulator/random';
import { buildTemplate } from '../../../../src/shared/templates';

const origin = { editor: 'me' };

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

/** Everything a version holds, raw, text formats included. */
function content(doc: Y.Doc) {
  const texts: unknown[] = [];
  const walk = (value: unknown) => {
    if (value instanceof Y.Text) texts.push(value.toDelta());
    else if (value instanceof Y.Map) [...value.keys()].sort().forEach((k) => walk(value.get(k)));
    else if (value instanceof Y.Array) value.forEach(walk);
  };
  const json = RESTORED_KEYS.map((key) => {
    walk(doc.getMap(key));
    return doc.getMap(key).toJSON();
  });
  return { json, texts };
}

function emailIdOf(doc: Y.Doc): string {
  const email = readJourney(doc).nodes.find((n) => n.kind === 'email');
  if (!email) throw new Error('the template has no email');
  return email.id;
}

function firstTextBlock(doc: Y.Doc, emailId: string): string {
  const block = readEmail(doc, emailId).blocks.find((b) => b.kind === 'text');
  if (!block) throw new Error('no text block');
  return block.id;
}

/** A template with a version taken, then edited in every part the version covers. */
function editedAfterVersion() {
  const doc = buildTemplate('welcome');
  const version = copyOf(doc);
  const emailId = emailIdOf(doc);
  const textId = firstTextBlock(doc, emailId);
  const [first, second] = readJourney(doc).nodes;
  moveNodes(doc, [{ id: first.id, x: 999, y: -5 }], origin);
  updateNodeData(doc, emailId, { subject: 'Changed', label: 'Renamed' }, origin);
  removeElements(doc, [second.id === emailId ? readJourney(doc).nodes[2].id : second.id], [], origin);
  addNode(doc, 'goal', { x: 10, y: 10 }, undefined, origin);
  const text = getBlockText(doc, emailId, textId);
  doc.transact(() => {
    text?.insert(3, 'XYZ', { bold: true });
    text?.format(0, 2, { italic: true });
    text?.delete(8, 4);
  }, origin);
  insertBlock(doc, emailId, 0, 'divider', origin);
  const button = readEmail(doc, emailId).blocks.find((b) => b.kind === 'button');
  if (button) removeBlock(doc, emailId, button.id, origin);
  addSampleContact(doc, { name: 'Ada', attributes: { plan: 'pro' }, events: [] }, origin);
  return { doc, version, emailId, textId };
}

describe('restoreVersion', () => {
  it('makes the document read exactly like the version, texts and formats included', () => {
    const { doc, version } = editedAfterVersion();
    expect(diffDocs(doc, version).same).toBe(false);
    restoreVersion(doc, version, origin);
    expect(diffDocs(doc, version).same).toBe(true);
    expect(content(doc)).toEqual(content(version));
  });

  it('writes one new change on top of the history, and nothing when already equal', () => {
    const { doc, version } = editedAfterVersion();
    const before = Y.encodeStateVector(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    restoreVersion(doc, version, origin);
    expect(updates).toBe(1);
    // History is kept: the document only grew (nothing was rewound or replaced).
    const vector = Y.decodeStateVector(before);
    for (const [client, clock] of vector)
      expect(Y.decodeStateVector(Y.encodeStateVector(doc)).get(client)).toBeGreaterThanOrEqual(clock);
    restoreVersion(doc, version, origin);
    expect(updates).toBe(1);
  });

  it('edits a shared text in place instead of replacing it', () => {
    const { doc, version, emailId, textId } = editedAfterVersion();
    const text = getBlockText(doc, emailId, textId);
    restoreVersion(doc, version, origin);
    expect(getBlockText(doc, emailId, textId)).toBe(text);
  });

  it('is undone by the editor’s undo manager (same origin) and redone again', () => {
    const { doc, version } = editedAfterVersion();
    const undo = createUndoManager(doc, origin);
    const edited = readJourney(doc);
    undo.stopCapturing();
    restoreVersion(doc, version, origin);
    expect(readJourney(doc)).toEqual(readJourney(version));
    undo.undo();
    expect(readJourney(doc)).toEqual(edited);
    undo.redo();
    expect(readJourney(doc)).toEqual(readJourney(version));
    undo.destroy();
  });

  it('keeps a teammate’s concurrent edits that do not conflict, and both replicas converge', () => {
    const { doc: mine, version, emailId, textId } = editedAfterVersion();
    const theirs = copyOf(mine);
    // The teammate, not yet seeing the restore, adds a step and types at the end of the text.
    const added = addNode(theirs, 'delay', { x: 50, y: 50 }, undefined, { editor: 'them' });
    const theirText = getBlockText(theirs, emailId, textId);
    theirs.transact(() => theirText?.insert(theirText.length, ' (PS)'), { editor: 'them' });
    restoreVersion(mine, version, origin);
    sync(mine, theirs);
    expect(content(mine)).toEqual(content(theirs));
    expect(readJourney(mine).nodes.map((n) => n.id)).toContain(added);
    expect(getBlockText(mine, emailId, textId)?.toString().endsWith(' (PS)')).toBe(true);
    // Apart from the teammate's additions, the version is back.
    const diff = diffDocs(version, mine);
    expect(diff.nodes.added.map((n) => n.id)).toEqual([added]);
    expect(diff.nodes.removed).toEqual([]);
  });

  it('restores over edits a teammate merged before the restore (they live on in the version saved before it)', () => {
    const { doc, version } = editedAfterVersion();
    const theirs = copyOf(doc);
    addNode(theirs, 'delay', { x: 50, y: 50 });
    sync(doc, theirs);
    const beforeRestore = copyOf(doc);
    restoreVersion(doc, version, origin);
    expect(diffDocs(doc, version).same).toBe(true);
    expect(diffDocs(beforeRestore, doc).nodes.removed.some((n) => n.kind === 'delay')).toBe(true);
  });

  it('converges with a teammate editing at random while the restore happens', () => {
    const random = seededRandom(11);
    for (let round = 0; round < 15; round++) {
      const mine = buildTemplate('reEngagement');
      const version = copyOf(mine);
      const emailId = emailIdOf(mine);
      for (let step = 0; step < 6; step++) randomEdit(mine, emailId, random);
      const theirs = copyOf(mine);
      for (let step = 0; step < 6; step++) randomEdit(theirs, emailId, random, { editor: 'them' });
      restoreVersion(mine, version, origin);
      sync(mine, theirs);
      expect(content(mine)).toEqual(content(theirs));
      // A second restore, now that both edits are in, gets the version back exactly.
      restoreVersion(theirs, version, { editor: 'them' });
      sync(mine, theirs);
      expect(content(mine)).toEqual(content(version));
    }
  });

  it('aligns any random edits back to the version', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 25; round++) {
      const doc = buildTemplate('abandonedCart');
      const version = copyOf(doc);
      const emailId = emailIdOf(doc);
      for (let step = 0; step < 12; step++) randomEdit(doc, emailId, random);
      restoreVersion(doc, version, origin);
      expect(content(doc)).toEqual(content(version));
      expect(diffDocs(doc, version).same).toBe(true);
    }
  });
});

function randomEdit(doc: Y.Doc, emailId: string, random: () => number, by: object = origin): void {
  const nodes = readJourney(doc).nodes;
  const node = nodes[Math.floor(random() * nodes.length)];
  const blocks = readEmail(doc, emailId).blocks;
  const block = blocks[Math.floor(random() * blocks.length)];
  const pick = Math.floor(random() * 6);
  if (pick === 0 && node) moveNodes(doc, [{ id: node.id, x: random() * 500, y: random() * 500 }], by);
  else if (pick === 1 && node) updateNodeData(doc, node.id, { label: `L${random()}` }, by);
  else if (pick === 2 && node) removeElements(doc, [node.id], [], by);
  else if (pick === 3) insertBlock(doc, emailId, Math.floor(random() * 4), 'text', by);
  else if (pick === 4 && block)
    updateBlock(doc, emailId, block.id, { padding: { top: 1, right: 2, bottom: 3, left: 4 } }, by);
  else if (block) {
    const text = getBlockText(doc, emailId, block.id);
    if (text)
      doc.transact(
        () => text.insert(Math.floor(random() * text.length), 'ab', random() < 0.5 ? { bold: true } : {}),
        origin,
      );
  }
}

describe('restoreVersion, details', () => {
  it('brings back formatting when only the formatting changed', () => {
    const doc = buildTemplate('welcome');
    const emailId = emailIdOf(doc);
    const textId = firstTextBlock(doc, emailId);
    const version = copyOf(doc);
    const text = getBlockText(doc, emailId, textId);
    doc.transact(() => text?.format(2, 5, { bold: true, link: { href: 'https://example.com' } }), origin);
    restoreVersion(doc, version, origin);
    expect(content(doc)).toEqual(content(version));
  });

  it('survives a hostile target and current document', () => {
    const doc = buildTemplate('welcome');
    const target = new Y.Doc();
    target.transact(() => {
      target.getMap('nodes').set('__proto__', { polluted: true });
      target.getMap('nodes').set('junk', new Y.Text('not a node'));
      target.getMap('emails').set('x', new Y.Array());
    });
    doc.transact(() => doc.getMap('edges').set('odd', 12));
    restoreVersion(doc, target, origin);
    expect(content(doc)).toEqual(content(target));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
