import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { HeadingBlock } from '../../../../src/shared/email/blocks';
import { getBlockText, insertBlock, updateBlock } from '../../../../src/shared/email/emailDoc';
import { updateNodeData } from '../../../../src/shared/journey/ydoc';
import {
  RENDERER_VERSION,
  canonicalJson,
  emailContentHash,
  normalizeRuns,
  readCanonicalEmail,
} from '../../../../src/shared/trust/canonical';
import { emailBlocks, emailDoc, emailFields } from './emailFixture';

/** Sends every update of `from` to `to` (and back) until both hold the same state. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('canonical form and content hash', () => {
  it('serialises deterministically: sorted keys, NFC strings, integers only', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
    expect(canonicalJson('e\u0301')).toBe(canonicalJson('\u00e9'));
    expect(() => canonicalJson({ x: 1.5 })).toThrow(/integers/);
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
    expect(
      normalizeRuns([{ insert: 'He' }, { insert: '' }, { insert: 'llo' }, { insert: '!', attributes: { bold: true } }]),
    ).toEqual([{ insert: 'Hello' }, { insert: '!', attributes: { bold: true } }]);
  });

  it('reads sender, subject, preheader, blocks and the renderer version; null for a step that is not an email', () => {
    const { doc, emailId } = emailDoc();
    const email = readCanonicalEmail(doc, emailId)!;
    expect(email).toMatchObject({
      format: 'maily.email/1',
      sender: { name: 'Maily Team', email: 'team@example.com', replyTo: 'reply@example.com' },
      subject: 'Welcome aboard',
      preheader: 'Three things to try first',
      renderer: RENDERER_VERSION,
    });
    expect(email.blocks.map((b) => b.id)).toEqual(['h1', 't1', 'b1']);
    expect(readCanonicalEmail(doc, 'missing')).toBeNull();
    expect(emailContentHash(doc, emailId)).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('gives two peers that synced edits made in different orders the same hash', () => {
    const { doc: a, emailId } = emailDoc();
    const b = new Y.Doc();
    sync(a, b);
    // Concurrent edits on both sides, then exchanged.
    updateNodeData(a, emailId, { subject: 'Welcome aboard, friend' });
    getBlockText(b, emailId, 'h1')!.insert(11, '!');
    insertBlock(b, emailId, 3, { ...(emailBlocks[0] as HeadingBlock), id: 'h2', text: 'P.S.' });
    updateBlock(a, emailId, 'b1', { label: 'Start now' });
    sync(a, b);
    expect(emailContentHash(a, emailId)).toBe(emailContentHash(b, emailId));

    // A doc that reaches the same content by another history: text typed out of order, fields set last.
    const d = new Y.Doc();
    const dId = emailDoc(d, { ...emailFields, subject: 'x' }).emailId;
    const text = getBlockText(d, dId, 'h1')!;
    text.delete(0, text.length);
    text.insert(0, '!');
    text.insert(0, 'Hello there');
    insertBlock(d, dId, 3, { ...(emailBlocks[0] as HeadingBlock), id: 'h2', text: 'P.S.' });
    updateBlock(d, dId, 'b1', { label: 'Start now' });
    updateNodeData(d, dId, { subject: 'Welcome aboard, friend', label: 'another label' });
    const strip = (doc: Y.Doc, id: string) => canonicalJson(readCanonicalEmail(doc, id));
    expect(strip(d, dId)).toBe(strip(a, emailId));
  });

  it('changes the hash for every signed field, and not for the label', () => {
    const base = () => emailDoc();
    const { doc, emailId } = base();
    const original = emailContentHash(doc, emailId);
    const edits: [string, (d: Y.Doc, id: string) => void][] = [
      ['subject', (d, id) => updateNodeData(d, id, { subject: 'Welcome aboard.' })],
      ['preheader', (d, id) => updateNodeData(d, id, { preheader: 'Two things' })],
      ['sender name', (d, id) => updateNodeData(d, id, { senderName: 'Maily' })],
      ['sender email', (d, id) => updateNodeData(d, id, { senderEmail: 'x@example.com' })],
      ['reply-to', (d, id) => updateNodeData(d, id, { replyTo: 'y@example.com' })],
      ['heading text', (d, id) => getBlockText(d, id, 'h1')!.insert(0, ' ')],
      ['bold run', (d, id) => getBlockText(d, id, 't1')!.format(0, 4, { italic: true })],
      ['button link', (d, id) => updateBlock(d, id, 'b1', { href: 'https://example.com/other' })],
      ['padding', (d, id) => updateBlock(d, id, 'h1', { padding: { top: 9, right: 8, bottom: 8, left: 8 } })],
      ['block order', (d, id) => insertBlock(d, id, 0, { ...emailBlocks[2], id: 'b0' })],
    ];
    for (const [name, edit] of edits) {
      const copy = base();
      edit(copy.doc, copy.emailId);
      expect(emailContentHash(copy.doc, copy.emailId), name).not.toBe(original);
    }
    const relabelled = base();
    updateNodeData(relabelled.doc, relabelled.emailId, { label: 'Renamed step' });
    expect(emailContentHash(relabelled.doc, relabelled.emailId)).toBe(original);
    expect(emailContentHash(doc, emailId, 'maily-mjml/2')).not.toBe(original);
  });

  it('hashes composed and decomposed accents alike', () => {
    const a = emailDoc(undefined, { ...emailFields, subject: 'Caf\u00e9' });
    const b = emailDoc(undefined, { ...emailFields, subject: 'Cafe\u0301' });
    expect(emailContentHash(a.doc, a.emailId)).toBe(emailContentHash(b.doc, b.emailId));
  });

  it('reads a damaged Email step without throwing (a field that is not text reads empty)', () => {
    const { doc, emailId } = emailDoc();
    updateNodeData(doc, emailId, { subject: 42 });
    expect(readCanonicalEmail(doc, emailId)!.subject).toBe('');
  });
});
