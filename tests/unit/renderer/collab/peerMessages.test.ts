import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MAX_PEER_MESSAGE_BYTES, checkPeerMessage } from '../../../../src/renderer/features/collab/peerMessages';
import { seededRandom } from '../../../../src/shared/simulator/random';
import { addNode } from '../../../../src/shared/journey/ydoc';

/** A message exactly as y-webrtc frames it: type 0 (sync) + a y-protocols sync message. */
function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function journeyDoc(): Y.Doc {
  const doc = new Y.Doc();
  addNode(doc, 'entry', { x: 0, y: 0 });
  addNode(doc, 'email', { x: 300, y: 0 });
  return doc;
}

describe('checkPeerMessage', () => {
  it('accepts every message y-webrtc sends', () => {
    const doc = journeyDoc();
    expect(checkPeerMessage(syncMessage((e) => syncProtocol.writeSyncStep1(e, doc)))).toMatchObject({
      ok: true,
      kind: 'sync-step1',
    });
    expect(checkPeerMessage(syncMessage((e) => syncProtocol.writeSyncStep2(e, doc)))).toMatchObject({
      ok: true,
      kind: 'sync-step2',
    });
    const update = Y.encodeStateAsUpdate(doc);
    expect(checkPeerMessage(syncMessage((e) => syncProtocol.writeUpdate(e, update)))).toMatchObject({
      ok: true,
      kind: 'update',
    });
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: 'Ana', colour: '#112233' } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [doc.clientID]));
    expect(checkPeerMessage(encoding.toUint8Array(encoder))).toMatchObject({ ok: true, kind: 'awareness' });
    expect(checkPeerMessage(new Uint8Array([3]))).toMatchObject({ ok: true, kind: 'query' });
    awareness.destroy();
  });

  it('refuses truncated updates, at every cut', () => {
    const message = syncMessage((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(journeyDoc())));
    for (let cut = 1; cut < message.byteLength; cut += 7) {
      expect(checkPeerMessage(message.slice(0, cut)).ok).toBe(false);
    }
  });

  it('refuses oversized messages and updates without decoding them', () => {
    const huge = new Uint8Array(MAX_PEER_MESSAGE_BYTES + 1);
    expect(checkPeerMessage(huge)).toMatchObject({ ok: false, reason: expect.stringMatching(/over the cap/) });
  });

  it('refuses garbage, unknown types and non-binary data, and never throws', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 2_000; i++) {
      const bytes = new Uint8Array(1 + Math.floor(random() * 64)).map(() => Math.floor(random() * 256));
      const check = checkPeerMessage(bytes);
      if (check.ok) expect(['query', 'sync-step1', 'awareness', 'update', 'sync-step2']).toContain(check.kind);
    }
    expect(checkPeerMessage(new Uint8Array([4, 1, 0]))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/unknown message type/),
    });
    expect(checkPeerMessage('hello')).toMatchObject({ ok: false, reason: 'not binary data' });
    expect(checkPeerMessage(syncMessage((e) => encoding.writeVarUint(e, 9)))).toMatchObject({ ok: false });
  });

  it('refuses presence that is not JSON or has trailing bytes', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, 42);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, '{not json');
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
    expect(checkPeerMessage(encoding.toUint8Array(encoder)).ok).toBe(false);
  });
});
