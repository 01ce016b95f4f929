import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEmailBodies } from '../../../../src/renderer/features/canvas/emailBodies';
import { insertBlock, readEmail } from '../../../../src/shared/email/emailDoc';
import { addNode } from '../../../../src/shared/journey/ydoc';

/** Two teammates: B gets A's state, then both write offline, then they merge. */
function offlineRace(prepare: (doc: Y.Doc, id: string) => void): number {
  const a = new Y.Doc();
  const id = addNode(a, 'email', { x: 0, y: 0 });
  prepare(a, id);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  insertBlock(a, id, 0, 'text', 'ana');
  insertBlock(b, id, 0, 'button', 'ben');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  expect(readEmail(a, id)).toEqual(readEmail(b, id));
  return readEmail(a, id).blocks.length;
}

describe('createEmailBodies', () => {
  it('keeps both teammates’ first blocks of a new email when they merge', () => {
    expect(offlineRace(() => undefined)).toBe(1); // without it, one body replaces the other
    expect(offlineRace((doc, id) => createEmailBodies(doc, [id]))).toBe(2);
  });

  it('leaves other kinds and unknown ids alone', () => {
    const doc = new Y.Doc();
    const delay = addNode(doc, 'delay', { x: 0, y: 0 });
    createEmailBodies(doc, [delay, 'missing']);
    expect(doc.getMap('emails').size).toBe(0);
  });
});
