import { toBase64 } from 'lib0/buffer';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decryptsWith } from '../../../../src/renderer/features/collab/signalCheck';

/** A WebSocket that never connects: enough for y-webrtc's SignalingConn to be built in Node. */
class InertSocket {
  binaryType = 'arraybuffer';
  onmessage = null;
  onclose = null;
  onerror = null;
  onopen = null;
  send() {}
  close() {}
}

async function roomKey(password: string, room: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: new TextEncoder().encode(room), iterations: 1000, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypts `value` the way y-webrtc's crypto.js does, base64 like its signaling publish. */
async function encryptJson(value: unknown, key: CryptoKey): Promise<string> {
  const plain = encoding.createEncoder();
  encoding.writeAny(plain, value as never);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoding.toUint8Array(plain));
  const out = encoding.createEncoder();
  encoding.writeVarString(out, 'AES-GCM');
  encoding.writeVarUint8Array(out, iv);
  encoding.writeVarUint8Array(out, new Uint8Array(cipher));
  return toBase64(encoding.toUint8Array(out));
}

const original = (globalThis as { WebSocket?: unknown }).WebSocket;
beforeAll(() => {
  (globalThis as { WebSocket?: unknown }).WebSocket = InertSocket;
});
afterAll(() => {
  (globalThis as { WebSocket?: unknown }).WebSocket = original;
});

describe('decryptsWith', () => {
  it('tells the team key from any other, and garbage from both', async () => {
    const key = await roomKey('team password', 'maily-room');
    const other = await roomKey('wrong password', 'maily-room');
    const data = await encryptJson({ type: 'announce', from: 'peer-1' }, key);
    expect(await decryptsWith(data, key)).toBe(true);
    expect(await decryptsWith(data, other)).toBe(false);
    expect(await decryptsWith(data.slice(0, 20), key)).toBe(false);
    expect(await decryptsWith('%%% not base64', key)).toBe(false);
    expect(await decryptsWith({ type: 'announce' }, key)).toBe(false);
    expect(await decryptsWith('x'.repeat(70_000), key)).toBe(false);
  });
});

describe('the signaling guard on y-webrtc', () => {
  it('passes a team member’s signal to y-webrtc and stops a stranger’s before it can throw', async () => {
    const { SignalingConn } = await import('y-webrtc');
    const { guardRoom } = await import('../../../../src/renderer/features/collab/webrtcGuards');
    const key = await roomKey('team password', 'maily-room');
    const strangerKey = await roomKey('guess', 'maily-room');
    const conn = new SignalingConn('ws://127.0.0.1:9');
    conn.providers.add({ room: { name: 'maily-room', key } } as never);
    const reached = vi.fn();
    conn.on('message', reached);
    const onStranger = vi.fn();
    const stop = guardRoom('maily-room', { onStranger, onDropped: vi.fn(), onTraffic: vi.fn() });
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const publish = (data: unknown) => conn.emit('message', [{ type: 'publish', topic: 'maily-room', data }, conn]);
      publish(await encryptJson({ type: 'announce', from: 'stranger' }, strangerKey));
      publish('garbage');
      publish(await encryptJson({ type: 'announce', from: 'teammate' }, key));
      await vi.waitFor(() => expect(reached).toHaveBeenCalledTimes(1));
      expect(onStranger).toHaveBeenCalledTimes(2);
      // Messages for other topics and other events pass untouched.
      conn.emit('message', [{ type: 'pong' }, conn]);
      expect(reached).toHaveBeenCalledTimes(2);
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
      stop();
      conn.destroy();
    }
  });
});

describe('the peer guard', () => {
  it('drops bad data with the peer id, lets good data through, survives a reader that throws, counts bytes', async () => {
    const { EventEmitter } = await import('node:events');
    const { guardPeer } = await import('../../../../src/renderer/features/collab/webrtcGuards');
    const peer = Object.assign(new EventEmitter(), { send: vi.fn() });
    const read = vi.fn();
    peer.on('data', read);
    const events = { onStranger: vi.fn(), onDropped: vi.fn(), onTraffic: vi.fn() };
    guardPeer({ peer, remotePeerId: 'peer-42' } as never, events);
    guardPeer({ peer, remotePeerId: 'peer-42' } as never, events); // once only

    peer.emit('data', new Uint8Array([0, 2, 5, 1, 2])); // a truncated update
    expect(read).not.toHaveBeenCalled();
    expect(events.onDropped).toHaveBeenCalledWith('peer-42', expect.objectContaining({ ok: false }));

    peer.emit('data', new Uint8Array([3]));
    expect(read).toHaveBeenCalledTimes(1);
    expect(events.onTraffic).toHaveBeenCalledWith('peer-42', 'in', 1, 'query');

    read.mockImplementationOnce(() => {
      throw new Error('boom');
    });
    expect(() => peer.emit('data', new Uint8Array([3]))).not.toThrow();
    expect(events.onDropped).toHaveBeenCalledTimes(2);

    (peer as unknown as { send(d: Uint8Array): void }).send(new Uint8Array(10));
    expect(events.onTraffic).toHaveBeenCalledWith('peer-42', 'out', 10);
  });
});
